"""The offline copy writer: words for a plan's slots, written for this business.

Each rewritten slot is chosen from a bank of lines keyed by (section category, slot) and
tone, filled with the business's own facts: its name, what it is, where it is and what
it offers. The choice is seeded by those facts, so two businesses get different copy and
the same prompt and seed always get the same copy. The name is written as `{site_name}`
and filled in at render time, so renaming a site changes nothing else.

Slots without a bank line keep the template's copy, which was written for that kind of
business (menus, plans, FAQs), with the template's sample name replaced.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from autowebiq_app.catalog.render import map_strings
from autowebiq_app.catalog.schema import ComponentDoc, Section

NAME = "{site_name}"


@dataclass(frozen=True)
class Facts:
    """What the copy is about."""

    subject: str
    place: str | None = None
    offerings: tuple[str, ...] = ()
    audience: str = "people who care about the details"
    seed: int = 0


# Lines by slot, then tone ("*": any tone). {what}: the subject, {a_what}: with its article,
# {offers}: the offerings listed, {where}: " in <place>", {place}, {audience}, {Name}.
# A line naming {offers} or {place} is used only when the prompt gave them.
BANK: dict[str, dict[str, tuple[str, ...]]] = {
    "hero.heading": {
        "refined": (
            "{Offers}, made to be kept",
            "The quiet luxury of {a_what}{where}",
            "{Name}: {what}, done with rare care",
            "Considered, crafted, unhurried: {Name}",
        ),
        "warm": (
            "Your neighbourhood {what}{where}",
            "Come in, you're among friends at {Name}",
            "{Offers}, made with love{where}",
            "{Name}: {a_what} that feels like home",
        ),
        "playful": (
            "{Offers}? Oh, we've got you covered",
            "Say hello to {Name}, the {what} with a grin",
            "Seriously good {what}. Not-so-serious people.",
            "{Name}: {a_what} that's a little bit extra",
        ),
        "professional": (
            "{Name}: {a_what} you can rely on",
            "{What}{where}, done properly",
            "{Offers}, delivered properly",
            "Clear advice, careful work: {Name}",
        ),
        "bold": (
            "{Name}. No half measures.",
            "{Offers}. Turned up loud.",
            "The {what}{where} that does it differently",
            "Built for people who want more: {Name}",
        ),
        "calm": (
            "{Name}: {a_what}, simply",
            "Less noise, better {what}",
            "{Offers}, thoughtfully made",
            "A calmer kind of {what}{where}",
        ),
    },
    "hero.text": {
        "refined": (
            "{Name} is {a_what}{where} for {audience}: every detail chosen, nothing left to chance.",
            "At {Name}, {offers} are made slowly and finished by hand, for {audience}.",
            "Discover {Name}, {a_what}{where} where craft comes first and trends come second.",
        ),
        "warm": (
            "{Name} is {a_what}{where} run by people who remember your name. Drop by, say hello, stay a while.",
            "We're {Name}, {a_what}{where}. {Offers}, made the way we'd want them ourselves.",
            "Good things take time at {Name}, {a_what}{where} for {audience}.",
        ),
        "playful": (
            "{Name} is {a_what}{where} that takes fun seriously and everything else a little less so.",
            "{Offers} and a lot of good cheer: that's {Name}, {a_what} for {audience}.",
            "Warning: visiting {Name} may cause spontaneous smiling. We're {a_what}{where}.",
        ),
        "professional": (
            "{Name} is {a_what}{where} serving {audience}, with clear prices and honest timelines.",
            "{Name} gives {audience} {a_what} that simply works: clear, dependable and well supported.",
            "{Offers}: {Name} brings experience, care and straight answers to every job.",
        ),
        "bold": (
            "{Name} is {a_what}{where} for {audience} who are done settling for average.",
            "{Offers}, pushed further. {Name} exists for people who want the real thing.",
            "We built {Name} to be the {what} we couldn't find anywhere else.",
        ),
        "calm": (
            "{Name} is {a_what}{where} for {audience}. Fewer things, done well.",
            "{Offers}, without the fuss. {Name} keeps things simple so you don't have to.",
            "A quiet, considered {what}{where}: that's {Name}.",
        ),
    },
    "hero.eyebrow": {
        "*": ("{Place} · {What}", "{What}{where}", "Welcome to {Name}", "{What} · est. by people who care"),
    },
    "hero.detail": {
        "*": ("{Offers}{where}", "For {audience}", "{What}{where}", "Made for {audience}", "{Place} · {Offers}"),
    },
    "hero.byline": {"*": ("The {Name} team", "From everyone at {Name}", "{Name}{where}")},
    "hero.caption": {
        "*": ("A day at {Name}{where}.", "{Offers}, as we like them at {Name}.", "Inside {Name}, {a_what}{where}.")
    },
    "nav.note": {
        "*": (
            "New at {Name}: {offers}",
            "Welcome to {Name}, {a_what}{where}",
            "{Name} · {What}{where}",
            "Now open{where}: come and say hello",
        )
    },
    "cta.heading": {
        "refined": ("Visit {Name}", "An invitation from {Name}", "Begin with {Name}"),
        "warm": ("Come and see us at {Name}", "We'd love to meet you", "Pop in to {Name} soon"),
        "playful": ("Ready when you are!", "Go on, you know you want to", "Let's make it a thing"),
        "professional": ("Talk to {Name} today", "Let's get started", "Book a consultation with {Name}"),
        "bold": ("Stop scrolling. Start now.", "Your move.", "Join {Name} today"),
        "calm": ("Whenever you're ready", "Start simply", "Take the next step with {Name}"),
    },
    "cta.text": {
        "*": (
            "{Name} is {a_what}{where}. Get in touch and we'll take it from there.",
            "Questions about {offers}? {Name} answers every message within a day.",
            "Join the people who already rely on {Name}: it takes a minute to start.",
        ),
    },
    "about.text": {
        "*": (
            "{Name} began with a simple idea: {a_what}{where} that treats {audience} properly. "
            "Everything we do still starts there.",
            "We started {Name} because we wanted {a_what} we would be proud to recommend. "
            "{Offers}, chosen carefully and done well.",
        ),
    },
    "footer.text": {
        "*": (
            "{Name} is {a_what}{where}.",
            "{Name}: {offers}{where}.",
            "{Name}, {a_what} for {audience}.",
        ),
    },
    "newsletter.text": {
        "*": (
            "News from {Name}: new {offers_or_what}, events and the occasional offer. One email a month.",
            "Be the first to hear what's new at {Name}. No spam, unsubscribe in one click.",
        ),
    },
    "section.intro": {
        "*": (
            "What {Name} brings to {audience}{where}.",
            "A closer look at {Name}, {a_what}{where}.",
            "Everything you'd expect from {a_what}, and a few things you wouldn't.",
        ),
    },
    "tagline": {
        "refined": ("{What}{where}, done beautifully", "{Offers}, crafted with care"),
        "warm": ("Your friendly {what}{where}", "{Offers}, made with love"),
        "playful": ("The {what} that makes you smile", "{Offers}, with a wink"),
        "professional": ("Trusted {what}{where}", "{Offers}, done properly"),
        "bold": ("The {what} that goes further", "{Offers}, turned up"),
        "calm": ("{What}, simply", "{Offers}, without the fuss"),
    },
}
HEADINGS: dict[str, tuple[str, ...]] = {
    "features": ("Why {Name}", "What makes {Name} different", "The {Name} difference"),
    "pricing": ("Simple pricing at {Name}", "Choose your plan", "Plans and prices"),
    "testimonials": ("What people say about {Name}", "Kind words", "Loved by {audience}"),
    "gallery": ("Inside {Name}", "A look around", "Moments at {Name}"),
    "commerce": ("Shop {Name}", "The {Name} collection", "Our {offers_or_what}"),
    "menu": ("The {Name} menu", "What's cooking", "Today at {Name}"),
    "faq": ("Questions about {Name}", "Good to know", "Frequently asked"),
    "team": ("The people behind {Name}", "Meet the team", "Who you'll meet"),
    "stats": ("{Name} in numbers", "By the numbers", "What we've done so far"),
    "timeline": ("The {Name} story", "How we got here", "Our story so far"),
    "blog": ("From the {Name} journal", "Latest stories", "News and notes"),
    "map": ("Find {Name}", "How to find us", "Where we are"),
    "logos": ("{Name} works with", "In good company at {Name}", "Chosen by teams who rely on {Name}"),
    "countdown": ("Not long now", "Counting down", "Save the date"),
}
_HEADING_SLOTS = ("heading",)
_INTRO_SLOTS = ("intro",)
_HERO_TEXT = ("text", "standfirst")
_HERO_EYEBROW = ("eyebrow", "kicker")


def write_copy(
    sections: list[Section], components: dict[str, ComponentDoc], *, facts: Facts, tone: str
) -> list[Section]:
    """The sections with their headline slots written for this business."""
    return [_section_copy(s, components[s.component], facts, tone) for s in sections]


def write_copy_for_new(
    before: list[Section], after: list[Section], components: dict[str, ComponentDoc], *, facts: Facts, tone: str
) -> list[Section]:
    """`after` with copy written only for the sections that were not in `before`."""
    return [s if s in before else _section_copy(s, components[s.component], facts, tone) for s in after]


def with_hero(
    sections: list[Section], components: dict[str, ComponentDoc], *, heading: str, text: str
) -> list[Section]:
    """The first hero's heading and text replaced (where they fit the slots)."""
    updated, done = [], False
    for section in sections:
        component = components[section.component]
        if component.category == "hero" and not done:
            content = dict(section.content)
            for slot, value in (("heading", heading), ("text", text), ("standfirst", text)):
                spec = component.slots.get(slot)
                if spec and slot in content and len(value) <= (spec.max_length or 1200):
                    content[slot] = value
            section, done = Section(component=section.component, anchor=section.anchor, content=content), True
        updated.append(section)
    return updated


def tagline(facts: Facts, tone: str) -> str:
    return _line("tagline", facts, tone, key="tagline")


def description(facts: Facts, tone: str) -> str:
    text = _line("hero.text", facts, tone, key="description")
    return text[:300]


def _section_copy(section: Section, component: ComponentDoc, facts: Facts, tone: str) -> Section:
    content = dict(section.content)
    category = component.category
    key = section.anchor or category
    slots = component.slots

    def put(slot: str, bank: str, *, limit_from: str | None = None) -> None:
        if slot in slots and slots[slot].type in ("text", "longtext") and (content.get(slot) or slots[slot].required):
            line = _line(bank, facts, tone, key=f"{key}.{slot}")
            limit = slots[slot].max_length or (160 if slots[slot].type == "text" else 1200)
            if len(line) <= limit:
                content[slot] = line

    if category == "navigation":
        put("note", "nav.note")
        put("status", "nav.note")
    elif category == "hero":
        put("heading", "hero.heading")
        for slot in ("issue", "read_time", "note", "badge"):
            put(slot, "hero.detail")
        put("byline", "hero.byline")
        put("caption", "hero.caption")
        for slot in _HERO_TEXT:
            put(slot, "hero.text")
        for slot in _HERO_EYEBROW:
            put(slot, "hero.eyebrow")
    elif category == "cta":
        put("heading", "cta.heading")
        put("text", "cta.text")
    elif category == "footer":
        put("text", "footer.text")
    elif component.serves in ("about", "newsletter"):
        put("text", f"{component.serves}.text")
    elif category in HEADINGS:
        for slot in _HEADING_SLOTS:
            if slot in slots and content.get(slot):
                content[slot] = _pick(HEADINGS[category], facts, f"{key}.{slot}")
        for slot in _INTRO_SLOTS:
            if content.get(slot):
                put(slot, "section.intro")
    if "products" in component.slots and facts.offerings:
        content["products"] = _products(content.get("products") or [], facts)
    return Section(component=section.component, anchor=section.anchor, content=content)


def _products(products: list[dict], facts: Facts) -> list[dict]:
    """The template's products renamed after what this business sells (prices and layout kept)."""
    styles = ("Signature", "Classic", "Everyday", "Limited", "Studio", "Heritage", "Essential", "Atelier")
    start = _index(facts, "products", len(styles))
    renamed = []
    for index, product in enumerate(products):
        offer = facts.offerings[index % len(facts.offerings)]
        style = styles[(start + index) % len(styles)]
        name = f"{style} {offer.lower()}"
        renamed.append(
            {
                **product,
                "name": name[:1].upper() + name[1:],
                "category": offer[:1].upper() + offer[1:],
                "text": f"{style} {offer.lower()} from {NAME}, chosen for how they look and how they last."[:300],
                "image": {"subject": f"{offer} product photograph", "alt": f"{style} {offer.lower()}"}
                if product.get("image")
                else product.get("image"),
            }
        )
    return renamed


def _line(bank: str, facts: Facts, tone: str, *, key: str) -> str:
    lines = BANK[bank].get(tone) or BANK[bank].get("*") or next(iter(BANK[bank].values()))
    return _pick(lines, facts, key)


def _pick(lines: tuple[str, ...], facts: Facts, key: str) -> str:
    usable = [
        line
        for line in lines
        if (facts.offerings or not re.search(r"\{(?:O|o)ffers\}", line))
        and (facts.place or "{Place}" not in line and "{place}" not in line)
    ] or [lines[-1]]
    line = usable[_index(facts, key, len(usable))]
    return _fill(line, facts)


def _index(facts: Facts, key: str, size: int) -> int:
    digest = hashlib.sha256(f"{facts.seed}|{facts.subject}|{facts.offerings}|{facts.place}|{key}".encode()).digest()
    return int.from_bytes(digest[:4], "big") % size


def _fill(line: str, facts: Facts) -> str:
    what = facts.subject
    offers = _listed(facts.offerings) if facts.offerings else what
    values = {
        "Name": NAME,
        "what": what,
        "What": what[:1].upper() + what[1:],
        "a_what": f"{_article(what)} {what}",
        "offers": offers,
        "Offers": offers[:1].upper() + offers[1:],
        "offers_or_what": offers,
        "where": f" in {facts.place}" if facts.place else "",
        "place": facts.place or "",
        "Place": facts.place or "",
        "audience": facts.audience,
    }
    text = re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), line)
    return text[:1].upper() + text[1:]


def _listed(items: tuple[str, ...]) -> str:
    items = tuple(i.lower() for i in items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _article(noun: str) -> str:
    return "an" if re.match(r"[aeiou]|hou?r|honest", noun.lower()) and not noun.lower().startswith("uni") else "a"


def rename_sample(sections: list[Section], sample_name: str) -> list[Section]:
    """The template's sample business name becomes {site_name} wherever it appears."""
    return [
        Section(
            component=s.component,
            anchor=s.anchor,
            content=map_strings(s.content, lambda text: text.replace(sample_name, NAME)),
        )
        for s in sections
    ]


def rename_samples(sections: list[Section], sample_names: Iterable[str]) -> list[Section]:
    """Every catalog sample business named in the sections (a component added from another
    template's sample) becomes {site_name}: no other business reaches a site."""
    for name in sorted(set(sample_names), key=len, reverse=True):
        sections = rename_sample(sections, name)
    return sections
