"""The offline planner: a prompt in plain English becomes a deterministic `SitePlan`."""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass

from autowebiq_app.engine.plan import Fonts, ImageSpec, Item, Palette, Section, SitePlan


@dataclass(frozen=True)
class Kind:
    slug: str
    label: str
    keywords: tuple[str, ...]
    audience: str
    tone: str
    palette: Palette
    offer_title: str
    offers: tuple[tuple[str, str, str | None], ...]
    name_parts: tuple[tuple[str, ...], tuple[str, ...]]


SERIF = "Georgia, 'Times New Roman', serif"
SANS = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

KINDS: tuple[Kind, ...] = (
    Kind(
        "ecommerce",
        "online store",
        ("e-commerce", "ecommerce", "shop", "store", "boutique", "luxury", "jewel", "fashion", "sell"),
        "discerning shoppers",
        "refined",
        Palette(
            background="#faf7f2",
            surface="#ffffff",
            text="#1c1917",
            muted="#57534e",
            primary="#1c1917",
            on_primary="#faf7f2",
            accent="#a16207",
        ),
        "The collection",
        (
            ("Signature Watch", "Hand-finished case, sapphire crystal, lifetime service.", "$1,250"),
            ("Silk Scarf", "Mulberry silk printed in small batches.", "$240"),
            ("Leather Tote", "Full-grain leather that ages beautifully.", "$680"),
        ),
        (("Aurum", "Maison", "Velour", "Atelier"), ("House", "& Co.", "Collective", "Studio")),
    ),
    Kind(
        "restaurant",
        "restaurant",
        ("restaurant", "cafe", "café", "bistro", "coffee", "bakery", "menu", "food", "pizza"),
        "hungry neighbours and weekend guests",
        "warm",
        Palette(
            background="#fffbf5",
            surface="#ffffff",
            text="#292524",
            muted="#57534e",
            primary="#9a3412",
            on_primary="#ffffff",
            accent="#15803d",
        ),
        "From the kitchen",
        (
            ("Wood-fired bread", "Baked every morning with a twenty-year-old starter.", "$6"),
            ("Seasonal plates", "What the market had today, cooked simply.", "$18"),
            ("House dessert", "Ask what came out of the oven this afternoon.", "$9"),
        ),
        (("Olive", "Copper", "Saffron", "Juniper"), ("Table", "Kitchen", "Bistro", "Hearth")),
    ),
    Kind(
        "saas",
        "software product",
        ("saas", "software", "app", "platform", "startup", "dashboard", "api", "tool", "ai"),
        "busy teams",
        "confident",
        Palette(
            background="#f8fafc",
            surface="#ffffff",
            text="#0f172a",
            muted="#475569",
            primary="#4f46e5",
            on_primary="#ffffff",
            accent="#0891b2",
        ),
        "Why teams switch",
        (
            ("Set up in minutes", "Connect your tools and import your data in one step.", None),
            ("Automate the busywork", "Rules that run themselves, with a log of every change.", None),
            ("Secure by default", "Single sign-on, audit trails and encryption at rest.", None),
        ),
        (("Flow", "Signal", "Orbit", "Relay"), ("ly", "Base", "Stack", "HQ")),
    ),
    Kind(
        "portfolio",
        "portfolio",
        ("portfolio", "designer", "photographer", "artist", "freelance", "resume", "cv", "my work"),
        "clients and collaborators",
        "personal",
        Palette(
            background="#ffffff",
            surface="#f5f5f4",
            text="#18181b",
            muted="#52525b",
            primary="#18181b",
            on_primary="#ffffff",
            accent="#db2777",
        ),
        "Selected work",
        (
            ("Brand identity", "A visual system for a growing independent label.", None),
            ("Product design", "An app used by thousands of people every day.", None),
            ("Editorial", "Layouts and art direction for print and screen.", None),
        ),
        (("Studio", "Atelier", "Works"), ("North", "Nine", "Field", "Line")),
    ),
    Kind(
        "fitness",
        "fitness studio",
        ("gym", "fitness", "yoga", "pilates", "training", "crossfit", "workout"),
        "people who want to feel stronger",
        "energetic",
        Palette(
            background="#0b0f19",
            surface="#111827",
            text="#f9fafb",
            muted="#cbd5e1",
            primary="#facc15",
            on_primary="#111827",
            accent="#22d3ee",
        ),
        "Classes",
        (
            ("Strength", "Coached small-group lifting for every level.", "$25"),
            ("Mobility", "Stretch, breathe and move better.", "$18"),
            ("Conditioning", "High-energy intervals that fly by.", "$20"),
        ),
        (("Iron", "Pulse", "Summit", "Forge"), ("Gym", "Athletics", "Studio", "Club")),
    ),
)

GENERIC = Kind(
    "business",
    "business",
    (),
    "local customers",
    "friendly",
    Palette(
        background="#f8fafc",
        surface="#ffffff",
        text="#0f172a",
        muted="#475569",
        primary="#0f766e",
        on_primary="#ffffff",
        accent="#c2410c",
    ),
    "What we offer",
    (
        ("Consultation", "A conversation about what you need, at no cost.", None),
        ("Tailored service", "Work shaped around your goals and your timeline.", None),
        ("Ongoing support", "We stay in touch after the job is done.", None),
    ),
    (("Bright", "Harbor", "Keystone", "Evergreen"), ("Works", "Partners", "Co.", "Group")),
)

_NAME_PATTERNS = (
    r"\b(?:called|named)\s+[\"“']?([A-Z][\w&'’.-]*(?:\s+[A-Z&][\w&'’.-]*){0,3})",
    r"[\"“]([^\"”]{2,40})[\"”]",
    r"\bfor\s+([A-Z][\w&'’.-]*(?:\s+[A-Z&][\w&'’.-]*){0,3})",
)


def choose_kind(prompt: str) -> Kind:
    """The kind whose keywords the prompt mentions most (first listed wins ties)."""
    text = prompt.lower()
    best, best_hits = GENERIC, 0
    for kind in KINDS:
        hits = sum(len(re.findall(rf"\b{re.escape(word)}", text)) for word in kind.keywords)
        if hits > best_hits:
            best, best_hits = kind, hits
    return best


def site_name(prompt: str, kind: Kind, rng: random.Random) -> str:
    for pattern in _NAME_PATTERNS:
        match = re.search(pattern, prompt)
        if match:
            name = match.group(1).strip(" .,'’")
            if 1 < len(name) <= 60:
                return name
    first, second = kind.name_parts
    a, b = rng.choice(first), rng.choice(second)
    return a + b if b[0].islower() else f"{a} {b}"


def seed_for(prompt: str, seed: int = 0) -> int:
    digest = hashlib.sha256(f"{seed}:{prompt.strip().lower()}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def plan_site(prompt: str, *, seed: int = 0) -> SitePlan:
    """Plan a site for `prompt`; the same prompt and seed always give the same plan."""
    rng = random.Random(seed_for(prompt, seed))
    kind = choose_kind(prompt)
    name = site_name(prompt, kind, rng)
    dark = bool(re.search(r"\bdark\b", prompt, re.I))
    palette = _dark(kind.palette) if dark and kind.palette.background.startswith("#f") else kind.palette
    tagline = rng.choice(_TAGLINES[kind.slug if kind.slug in _TAGLINES else "business"]).format(name=name)
    description = f"{name}: {tagline}"[:300]
    offers = [
        Item(title=title, text=text, price=price, image=f"assets/item-{index + 1}.svg")
        for index, (title, text, price) in enumerate(kind.offers)
    ]
    sections = [
        Section(kind="hero", heading=name, body=tagline),
        Section(kind="features", heading=kind.offer_title, items=offers),
        Section(
            kind="about",
            heading=f"About {name}",
            body=(
                f"{name} is a {kind.label} for {kind.audience}. "
                f"We keep things {kind.tone}, honest and carefully made, "
                "and we are glad you are here."
            ),
        ),
        Section(
            kind="testimonials",
            heading="What people say",
            items=[
                Item(title=rng.choice(_PEOPLE), text=f"“{rng.choice(_PRAISE).format(name=name)}”"),
                Item(title=rng.choice(_PEOPLE), text=f"“{rng.choice(_PRAISE).format(name=name)}”"),
            ],
        ),
        Section(kind="contact", heading="Get in touch", body=f"Questions for {name}? Write to us."),
    ]
    images = [ImageSpec(name="hero.svg", subject=kind.label, alt=f"Illustration for {name}")]
    images += [ImageSpec(name=f"item-{i + 1}.svg", subject=item.title, alt=item.title) for i, item in enumerate(offers)]
    images.append(ImageSpec(name="favicon.svg", subject="favicon", alt=f"{name} logo"))
    return SitePlan(
        name=name,
        kind=kind.slug,
        tagline=tagline,
        description=description,
        audience=kind.audience,
        tone=kind.tone,
        palette=palette,
        fonts=Fonts(heading=SERIF if kind.slug in ("ecommerce", "restaurant") else SANS, body=SANS),
        sections=sections,
        images=images,
        seed=seed,
    )


def _dark(palette: Palette) -> Palette:
    return Palette(
        background="#0f172a",
        surface="#1e293b",
        text="#f8fafc",
        muted="#cbd5e1",
        primary=palette.accent if palette.primary.startswith("#1") else palette.primary,
        on_primary="#ffffff",
        accent=palette.accent,
    )


_TAGLINES = {
    "ecommerce": (
        "Objects made to be kept for a lifetime.",
        "Quiet luxury, delivered to your door.",
        "Crafted slowly, chosen carefully.",
    ),
    "restaurant": (
        "Honest food, cooked with care.",
        "Your table is waiting.",
        "Seasonal cooking in the heart of the neighbourhood.",
    ),
    "saas": (
        "Do the work that matters. {name} handles the rest.",
        "Ship faster with fewer meetings.",
        "One place for your team's busiest work.",
    ),
    "portfolio": (
        "Design with intent, made with care.",
        "Stories told through thoughtful work.",
        "Independent work for curious clients.",
    ),
    "fitness": ("Stronger every week.", "Train with people who push you.", "Your best workout starts here."),
    "business": (
        "Good work, done right, on time.",
        "The people your neighbours recommend.",
        "Helping you get it done since day one.",
    ),
}
_PEOPLE = (
    "Amara Okafor",
    "Lucas Meyer",
    "Priya Raman",
    "Sofia Lindqvist",
    "Daniel Cho",
    "Hannah Brooks",
    "Mateo García",
    "Yuki Tanaka",
)
_PRAISE = (
    "{name} got every detail right.",
    "I recommend {name} to everyone I know.",
    "Thoughtful, fast and genuinely kind.",
    "Exactly what we hoped for, and then some.",
)
