"""Reading a prompt: what a person asked for, before any planning.

A `Brief` holds the business name, explicit style instructions (colours by role, font
style, light/dark) and the sections asked for or forbidden. `choose_template` ranks
catalog templates by their planner keywords. Pure functions, deterministic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from autowebiq_app.colour import NAMED_COLOURS, parse_colour

ROLE_WORDS = {
    "background": (
        "background",
        "backgrounds",
        "bg",
        "backdrop",
        "page colour",
        "page color",
        "base colour",
        "base color",
        "base",
        "outer layout",
    ),
    "surface": ("ui blocks", "blocks", "block", "cards", "card", "panels", "panel", "boxes", "tiles", "containers"),
    "primary": ("button", "buttons", "components", "component", "cta", "ctas", "primary", "brand", "links", "link"),
    "text": ("text", "font colour", "font color", "copy", "lettering", "writing"),
    "accent": ("accent", "accents", "highlight", "highlights", "details", "secondary"),
}
# Words that name a role only right after "<colour> for the …" ("navy for the page").
BOUND_ROLE_WORDS = {"background": ("page", "layout", "canvas", "outside", "whole site", "site")}
STYLE_WORDS = ("colour", "color", "colours", "colors", "palette", "scheme", "theme", "use", "using", "make", "tone")
SECTION_WORDS: dict[str, tuple[str, ...]] = {
    "pricing": ("pricing", "prices", "price list", "plans", "price table", "membership"),
    "booking": ("booking", "bookings", "reservation", "reservations", "appointment", "appointments", "book a table"),
    "contact": ("contact form", "contact", "enquiry form", "get in touch"),
    "newsletter": ("newsletter", "mailing list", "subscribe", "sign up form", "signup form"),
    "faq": ("faq", "faqs", "common questions", "frequently asked questions", "questions and answers", "q&a"),
    "testimonials": ("testimonials", "testimonial", "reviews", "quotes from customers"),
    "gallery": ("gallery", "photos", "photo gallery", "lightbox", "portfolio"),
    "team": ("team", "staff", "our people", "speakers", "trainers", "coaches"),
    "blog": ("blog", "articles", "posts", "news section"),
    "map": ("map", "location", "directions", "find us"),
    "menu": ("menu", "food menu", "drinks menu"),
    "products": ("products", "product grid", "shop section", "cart", "shopping cart", "online store"),
    "countdown": ("countdown", "count down"),
    "stats": ("stats", "statistics", "numbers", "figures"),
    "timeline": ("timeline", "history", "our story"),
    "schedule": ("schedule", "agenda", "timetable", "programme", "program", "tour dates"),
    "hours": ("opening hours", "opening times", "hours"),
    "search": ("search", "filters", "filter"),
    "charts": ("chart", "charts", "graph", "graphs"),
    "table": ("table", "data table"),
    "tabs": ("tabs", "tabbed"),
    "features": ("features", "benefits"),
    "services": ("services", "treatments"),
    "logos": ("logos", "client logos", "as seen in", "logo strip", "trusted by"),
}
NEGATIONS = ("no", "without", "not", "don't", "dont", "do not", "remove", "skip", "exclude", "drop", "never", "minus")
FONT_STYLES = {
    "serif": (
        r"(?<!sans[ -])\bserif\b",
        r"\bgeorgia\b",
        r"\btimes\b",
        r"\bgaramond\b",
        r"\bbaskerville\b",
        r"\belegant type",
    ),
    "sans": (r"\bsans(?:[ -]serif)?\b", r"\bhelvetica\b", r"\barial\b", r"\bgeometric\b"),
    "mono": (r"\bmono(?:space|spaced)?\b", r"\bcourier\b", r"\bcode font\b", r"\btypewriter\b"),
    "rounded": (r"\brounded\b", r"\bfriendly font\b"),
    "slab": (r"\bslab\b", r"\brockwell\b"),
}
NAME_PATTERN = r"[A-Z0-9][\w'’.&-]*(?:\s+(?:(?:and|&|of|the|de|du|la|le|von|van|y)\s+)?[A-Z0-9][\w'’.&-]*){0,4}"
_NAME_PATTERNS = (
    rf"\b(?:called|named|brand(?:ed)? as|namens|genannt|llamad[oa]|appel[ée]e?|chamad[oa]|chiamat[oa])\s+[\"“'‘]?({NAME_PATTERN})",
    r"[\"“]([^\"”]{2,60})[\"”]",
    r"(?<![A-Za-z])['‘]([A-Z][^'’]{1,58})['’](?![A-Za-z])",
    rf"\bfor\s+({NAME_PATTERN})",
    # "a photographer, Mira Solberg, based in Oslo"; "the jazz trio Blue Juniper"; ", the Millbrook Gazette,"
    rf"\bfor (?:a|an|the|my|our) [a-z][a-z -]{{1,30}}?,\s+(?:the\s+)?({NAME_PATTERN})(?=,|\.|\s+based\b|\s+in\b|$)",
    rf"\bfor (?:the|a|an|my|our) [a-z][a-z -]{{1,30}}?\s+((?:The\s+)?{NAME_PATTERN})",
    rf",\s+the\s+({NAME_PATTERN}),",
)
_HEX = r"#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b"
_RGB = r"rgba?\(\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*(?:,\s*[\d.]+\s*)?\)"


@dataclass(frozen=True)
class Brief:
    prompt: str
    name: str | None = None
    colours: dict[str, str] = field(default_factory=dict)
    variant: str | None = None
    font_style: str | None = None
    wanted: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()
    subject: str | None = None
    place: str | None = None
    offerings: tuple[str, ...] = ()
    tone: str | None = None


_CAPS = r"[A-Z][\w'’.&-]*(?:\s+(?:&\s+)?[A-Z][\w'’.&-]*){0,3}"

_LEADING_NAMES = (
    rf"^\s*[\"“]?({_CAPS})[\"”]?\s*[,:–—-]\s+(?:a|an|the|my|our)\b",
    rf"^\s*[\"“]?({_CAPS})[\"”]?\s+(?:is|are)\s+(?:a|an|the|our|my)\b",
    rf"\b(?:at|by)\s+({_CAPS})",
    rf"\b(?:our|my)\s+[a-z][a-z ]{{1,30}},\s+({_CAPS})",
)

_NOT_NAMES = {
    "build",
    "create",
    "make",
    "please",
    "hi",
    "hello",
    "i",
    "we",
    "my",
    "our",
    "this",
    "it",
    "the",
    "a",
    "an",
}


def leading_name(text: str) -> str | None:
    """A name the brief gives without "called": "Pão Dourado, a bakery in Lisbon",
    "Forno Azul is a bakery", "HR at Northwind Logistics"."""
    opened = re.sub(r"^\s*(?:please\s+)?(?:build|create|make|design)\s+(?:me\s+|us\s+)?", "", text, flags=re.I)
    for pattern in _LEADING_NAMES:
        match = re.search(pattern, opened)
        if not match:
            continue
        name = re.split(r"(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bSt)\.\s", match.group(1))[0].strip(" .,")
        first = name.split()[0].lower()
        titled = first == "the" and len(name.split()) >= 2  # "The Inkwell Circle"
        if (first not in _NOT_NAMES or titled) and (pattern not in _LEADING_NAMES[2:] or len(name.split()) >= 2):
            return name
    return None


def read_brief(prompt: str) -> Brief:
    """Everything explicit in the prompt; what it does not say stays None or empty."""
    text = " ".join(prompt.split())
    wanted, forbidden = sections_asked(text)
    return Brief(
        prompt=text,
        name=business_name(text) or leading_name(text),
        colours=colours_by_role(text),
        variant=variant_asked(text),
        font_style=font_style_asked(text),
        wanted=wanted,
        forbidden=forbidden,
        subject=subject_of(text),
        place=place_of(text),
        offerings=offerings_of(text),
        tone=tone_asked(text),
    )


def business_name(text: str) -> str | None:
    for pattern in _NAME_PATTERNS:
        match = re.search(pattern, text)
        if match:
            # A name ends with its sentence ("Luna Hair Studio. Customers …"), titles aside.
            name = re.split(r"(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bSt)(?<!\bMt)\.\s", match.group(1))[0]
            name = name.strip(" .,;:!?'’\"")
            if 1 < len(name) <= 60 and not name.lower().startswith(("a ", "an ", "the website", "my ")):
                return name
    return None


def _clauses(text: str) -> list[str]:
    """Sentences and comma-separated parts: a colour's role is named within its own part."""
    return [c.strip() for c in re.split(r"(?:[.;!?\n]|,)(?![^()]*\))|\bbut\b", text) if c.strip()]


def _colour_mentions(clause: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, #rrggbb, unambiguous) for every colour in the clause, in order."""
    found: list[tuple[int, int, str, bool]] = []
    taken: list[tuple[int, int]] = []
    for match in re.finditer(f"{_HEX}|{_RGB}", clause):
        colour = parse_colour(match.group(0))
        if colour:
            found.append((match.start(), match.end(), colour, True))
            taken.append(match.span())
    words = list(re.finditer(r"[A-Za-z][A-Za-z0-9]*", clause))
    index = 0
    while index < len(words):
        for size in (3, 2, 1):
            chunk = words[index : index + size]
            if len(chunk) < size:
                continue
            key = "".join(w.group(0).lower() for w in chunk)
            if key in NAMED_COLOURS and not any(a <= chunk[0].start() < b for a, b in taken):
                found.append((chunk[0].start(), chunk[-1].end(), NAMED_COLOURS[key], False))
                index += size
                break
        else:
            index += 1
    return sorted(found)


def _role_words(clause: str) -> list[tuple[int, int, str]]:
    lowered = clause.lower()
    return [
        (match.start(), match.end(), role)
        for role, words in ROLE_WORDS.items()
        for word in words
        for match in re.finditer(rf"\b{re.escape(word)}\b", lowered)
    ]


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


def colours_by_role(text: str) -> dict[str, str]:
    """Explicit colours: {"background"|"primary"|"text"|"accent": "#rrggbb"}.

    Each role word belongs to the colour nearest to it in its clause; each colour takes the
    nearest role word it owns. Named colours count only in a clause about style ("gold
    jewellery" is a product); hex and rgb() always count.
    """
    roles: dict[str, str] = {}
    loose: list[str] = []
    for clause in _clauses(text):
        mentions = _colour_mentions(clause)
        if not mentions:
            continue
        role_words = _role_words(clause)
        # "sky blue for the background", "navy as the base colour": the colour right before
        # "for/as the <role>" is that role's, whatever else is near.
        bound = _bound_roles(clause, mentions, role_words)
        for role, colour in bound.items():
            roles.setdefault(role, colour)
        mentions = [m for m in mentions if m[2] not in bound.values()]
        role_words = [r for r in role_words if r[2] not in bound]
        if not mentions:
            continue
        styled = bool(role_words) or any(re.search(rf"\b{w}\b", clause.lower()) for w in STYLE_WORDS)
        owned: dict[int, list[tuple[int, str]]] = {}
        for start, end, role in role_words:
            nearest = min(range(len(mentions)), key=lambda i: _gap(mentions[i][:2], (start, end)))
            owned.setdefault(nearest, []).append((_gap(mentions[nearest][:2], (start, end)), role))
        for index, (_start, _end, colour, unambiguous) in enumerate(mentions):
            if not (styled or unambiguous):
                continue
            role = next((r for _, r in sorted(owned.get(index, [])) if r not in roles), None)
            if role:
                roles[role] = colour
            else:
                loose.append(colour)
    for colour in loose:
        for role in ("primary", "accent"):
            if role not in roles:
                roles[role] = colour
                break
    return roles


def _bound_roles(clause: str, mentions, role_words) -> dict[str, str]:
    lowered = clause.lower()
    bound: dict[str, str] = {}
    for start, end, colour, _ in mentions:
        after = lowered[end:]
        link = re.match(r"\s+(?:for|as|on|in)\s+(?:the\s+|all\s+|every\s+|our\s+|its\s+|my\s+)?", after)
        if not link:
            continue
        at = end + link.end()
        role = next((r for s, _e, r in sorted(role_words) if s == at), None)
        role = role or next(
            (r for r, words in BOUND_ROLE_WORDS.items() for w in words if re.match(rf"{w}\b", lowered[at:])), None
        )
        if role and role not in bound:
            bound[role] = colour
    return bound


def variant_asked(text: str) -> str | None:
    lowered = text.lower()
    if re.search(
        r"\bdark\s+(?:mode|theme|background|site|design|look|palette|version|colou?r scheme)\b"
        r"|\bmake it dark\b|\bdark and moody\b",
        lowered,
    ):
        return "dark"
    if re.search(
        r"\blight\s+(?:mode|theme|background|site|design|look|palette|version)\b|\bmake it light\b|\bbright and airy\b",
        lowered,
    ):
        return "light"
    return None


def font_style_asked(text: str) -> str | None:
    lowered = text.lower()
    hits = [
        (m.start(), style) for style, patterns in FONT_STYLES.items() for p in patterns for m in re.finditer(p, lowered)
    ]
    return min(hits)[1] if hits else None


def sections_asked(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(wanted, forbidden) section kinds; a negation governs the list that follows it."""
    # "prices in euros" says which currency, not that the site wants a pricing table.
    lowered = re.sub(r"\b(?:prices?|amounts?|costs?)\s+(?:are\s+|shown\s+)?in\s+[\w$€£¥₹ ]+", " ", text.lower())
    negation = r"\b(?:" + "|".join(re.escape(n) for n in NEGATIONS) + r")\b"
    wanted: list[str] = []
    forbidden: list[str] = []
    for kind, phrases in SECTION_WORDS.items():
        for phrase in sorted(phrases, key=len, reverse=True):
            for match in re.finditer(rf"\b{re.escape(phrase)}\b", lowered):
                before = lowered[max(0, match.start() - 60) : match.start()]
                clause = re.split(r"[.;,!?]|\bbut\b|\bwith\b|\band add\b|\bplus\b", before)[-1]
                target = forbidden if re.search(negation, clause) else wanted
                if kind not in target:
                    target.append(kind)
    wanted = [kind for kind in wanted if kind not in forbidden]
    return tuple(wanted), tuple(forbidden)


def choose_template(brief: Brief, templates: list[dict]) -> tuple[str, int]:
    """The best-matching template slug and its score (0: nothing matched; the caller picks a default).

    Ties go to the alphabetically first slug.
    """
    best, best_score = None, 0
    for template in sorted(templates, key=lambda t: t["slug"]):
        score = template_score(brief, template)
        if score > best_score:
            best, best_score = template["slug"], score
    return (best or ""), best_score


def template_score(brief: Brief, template: dict) -> int:
    """How well a template matches the prompt: a keyword phrase found in it scores twice its
    word count squared (so "wedding invitation" beats "wedding"), the template's category
    named outright 4, a tag 1."""
    lowered = brief.prompt.lower()
    score = 0
    for keyword in template.get("keywords", []):
        if re.search(rf"\b{re.escape(keyword.lower())}\b", lowered):
            score += len(keyword.split()) ** 2 * 2
    category = template.get("category", "").replace("-", " ").lower()
    if category and re.search(rf"\b{re.escape(category)}\b", lowered):
        score += 4
    for tag in template.get("tags", []):
        if re.search(rf"\b{re.escape(tag.lower())}\b", lowered):
            score += 1
    return score


_ARTICLE = r"\b(?:a|an|my|our|the)\s+"
_SUBJECT_STOP = (
    r"(?=\s+(?:in|on|at|near|with|without|that|which|who|selling|sells|offering|offers|serving|serves|called|named"
    r"|for|where|using|and\s+(?:add|use|make|include|no)|but|plus)\b|[,.;:!?(]|$)"
)
_SUBJECT_PATTERNS = (
    rf",\s*{_ARTICLE}((?:[\w'’&-]+\s+){{0,4}}?[\w'’&-]+){_SUBJECT_STOP}",
    rf"\b(?:website|site|page|landing page|homepage)\s+for\s+{_ARTICLE}"
    rf"((?:[\w'’&-]+\s+){{0,4}}?[\w'’&-]+){_SUBJECT_STOP}",
    rf"{_ARTICLE}((?:[\w'’&-]+\s+){{0,4}}?[\w'’&-]+?)\s+(?:website|site|web site|landing page|homepage|page)\b",
    rf"^(?:(?:build|create|make|design)\s+(?:me\s+)?)?{_ARTICLE}((?:[\w'’&-]+\s+){{0,4}}?[\w'’&-]+){_SUBJECT_STOP}",
    rf"^(?:(?:build|create|make|design)\s+(?:me\s+)?)?(?:{_ARTICLE})?((?:[\w'’&-]+\s+){{0,3}}?[\w'’&-]+)"
    r"\s+(?:called|named|for\s+[A-Z])",
    rf"\bfor\s+(?:my|our)\s+((?:[\w'’&-]+\s+){{0,3}}?[\w'’&-]+){_SUBJECT_STOP}",
    r"^((?:[\w'’&-]+\s+){0,3}?[\w'’&-]+)\s+(?:website|site|landing page|homepage)\b",
)
_VAGUE = {
    "website", "site", "page", "web", "new", "simple", "nice", "good", "great", "modern", "beautiful", "one",
    "something", "anything", "stuff", "thing", "me", "landing",
}  # fmt: skip
_NOUNS_FOR = {"e-commerce": "online store", "ecommerce": "online store", "luxury": "luxury brand", "saas": "software"}
TONES: dict[str, tuple[str, ...]] = {
    "refined": ("luxury", "luxurious", "elegant", "refined", "premium", "high-end", "exclusive", "sophisticated"),
    "playful": ("playful", "fun", "quirky", "cheerful", "whimsical", "silly", "cheeky", "colourful", "colorful"),
    "warm": ("warm", "friendly", "cosy", "cozy", "welcoming", "homely", "family", "neighbourhood", "neighborhood"),
    "professional": ("professional", "corporate", "trustworthy", "trusted", "serious", "formal", "enterprise"),
    "bold": ("bold", "edgy", "punchy", "energetic", "loud", "daring", "rebellious"),
    "calm": ("calm", "minimal", "minimalist", "quiet", "serene", "peaceful", "clean"),
}


def subject_of(text: str) -> str | None:
    """What the business is, in the prompt's own words: "jewellery boutique", "dental clinic"."""
    for pattern in _SUBJECT_PATTERNS:
        for match in re.finditer(pattern, text, flags=re.I):
            words = [w for w in match.group(1).split() if w.lower() not in _VAGUE]
            phrase = " ".join(words).strip(" '’-")
            if phrase and not phrase[0].isupper() and len(phrase) <= 48 and phrase.lower() not in _VAGUE:
                return _as_noun(phrase.lower())
    return None


def _as_noun(phrase: str) -> str:
    """ "luxury e-commerce" -> "luxury online store": a subject the copy can call a business."""
    *modifiers, head = phrase.split()
    return " ".join([*modifiers, _NOUNS_FOR.get(head, head)])


def place_of(text: str) -> str | None:
    match = re.search(r"\b(?:in|based in|from)\s+((?:[A-Z][\w'’-]+)(?:[ -](?:[A-Z][\w'’-]+|upon|on|de|la)){0,3})", text)
    return match.group(1) if match else None


def offerings_of(text: str) -> tuple[str, ...]:
    """What it sells or offers: "selling rings, necklaces and earrings" -> the three of them."""
    match = re.search(
        r"\b(?:selling|sells|sell|offering|offers|serving|serves|specialis(?:ing|es) in|speciali[sz](?:ing|es) in"
        r"|known for|making|makes)\s+([^.;:!?()]+)",
        text,
        flags=re.I,
    )
    if not match:
        return ()
    phrase = re.split(r"\b(?:with|without|in|for|to|using|but|plus|and add|and use)\b", match.group(1))[0]
    parts = [p.strip(" '’\"-") for p in re.split(r",|\band\b|\bor\b|&", phrase)]
    return tuple(p for p in parts if 1 < len(p) <= 40 and len(p.split()) <= 4)[:6]


def tone_asked(text: str) -> str | None:
    lowered = text.lower()
    hits = [
        (m.start(), tone) for tone, words in TONES.items() for w in words for m in re.finditer(rf"\b{w}\b", lowered)
    ]
    return min(hits)[1] if hits else None
