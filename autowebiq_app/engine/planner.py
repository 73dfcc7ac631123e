"""The offline planner: a prompt in plain English becomes a deterministic `SitePlan`.

It reads the brief, chooses the best catalog template, removes the sections the prompt
forbids and adds the ones it asks for, applies explicit colours and fonts (kept readable),
and has the copy writer write every headline slot for this business.
"""

from __future__ import annotations

import hashlib

from autowebiq_app.catalog.app_spec import AppSpec
from autowebiq_app.catalog.files import Loaded
from autowebiq_app.catalog.render import ASPECTS, image_slots, section_anchors
from autowebiq_app.catalog.schema import ComponentDoc, Section, TemplateDoc
from autowebiq_app.engine import copywriter, sections
from autowebiq_app.engine.app_reader import read_app
from autowebiq_app.engine.appsite import HERO_IMAGE
from autowebiq_app.engine.brief import Brief, choose_template, read_brief, template_score
from autowebiq_app.engine.images import image_path
from autowebiq_app.engine.palette import apply_colours, fonts_for
from autowebiq_app.engine.plan import ImageWanted, SitePlan
from autowebiq_app.engine.translation import translated

FALLBACK_TEMPLATE = "minimal-launch"
KIND_TONE = {
    "ecommerce": "refined",
    "restaurant": "warm",
    "saas": "professional",
    "web-app": "professional",
    "legal": "professional",
    "medical": "professional",
    "real-estate": "professional",
    "fitness": "bold",
    "music": "bold",
    "wedding": "warm",
    "nonprofit": "warm",
    "community": "playful",
    "mobile-app": "calm",
    "portfolio": "calm",
    "photography": "calm",
    "resume": "professional",
    "launch": "calm",
    "agency": "bold",
    "blog": "calm",
    "news": "professional",
    "event": "bold",
    "education": "warm",
    "hospitality": "refined",
    "local-services": "warm",
}
KIND_AUDIENCE = {
    "ecommerce": "discerning shoppers",
    "restaurant": "neighbours and weekend guests",
    "saas": "busy teams",
    "web-app": "teams who live in their numbers",
    "legal": "individuals and businesses",
    "medical": "families",
    "fitness": "people ready to get stronger",
    "hospitality": "travellers",
    "event": "curious minds",
    "wedding": "our family and friends",
    "education": "curious learners",
    "nonprofit": "our community",
    "real-estate": "buyers, sellers and renters",
    "local-services": "local homes and businesses",
    "music": "fans old and new",
}
KIND_SUBJECT = {
    "ecommerce": "online shop",
    "restaurant": "restaurant",
    "saas": "software product",
    "web-app": "analytics app",
    "legal": "law firm",
    "medical": "clinic",
    "fitness": "gym",
    "hospitality": "hotel",
    "event": "conference",
    "wedding": "wedding",
    "education": "online school",
    "nonprofit": "charity",
    "real-estate": "estate agency",
    "local-services": "local business",
    "music": "band",
    "portfolio": "portfolio",
    "photography": "photography studio",
    "resume": "personal site",
    "blog": "magazine",
    "news": "newsroom",
    "community": "community",
    "mobile-app": "app",
    "agency": "studio",
    "launch": "product",
}
_NAME_WORDS = (
    "Linden", "Kestrel", "Juniper", "Marlow", "Wren", "Amber", "Harbour", "Fable", "Copper", "Saffron",
    "Meadow", "Atlas", "Ember", "Indigo", "Alder", "Bramble", "Cobalt", "Halcyon", "Larch", "Solace",
)  # fmt: skip
_NAME_ENDINGS = ("& Co.", "House", "Studio", "Collective", "Works", "Lane")


def plan_site(prompt: str, catalog: Loaded, *, seed: int = 0) -> SitePlan:
    """A deterministic plan: same prompt, seed and catalog, same plan.

    A request for an app, or for a kind of site the catalog's domains know, gets an app
    spec (pages, entities, features); anything else a marketing site from a template."""
    brief = read_brief(prompt)
    spec = app_draft(brief, catalog, seed=seed)
    if spec is not None:
        return plan_for_spec(brief, spec, catalog, seed=seed)
    slug, _score = choose_template(brief, [t.model_dump() for t in catalog.templates.values()])
    template = catalog.templates[slug or FALLBACK_TEMPLATE]
    return plan_from_brief(brief, template, catalog.components, seed=seed, sample_names=sample_names(catalog))


def app_draft(brief: Brief, catalog: Loaded, *, seed: int = 0) -> AppSpec | None:
    """The offline reader's app spec for a brief (in the brief's language), or None for a marketing site."""
    spec = read_app(brief, catalog.domains, catalog.features, seed=seed)
    return translated(spec) if spec is not None else None


def plan_for_spec(brief: Brief, spec: AppSpec, catalog: Loaded, *, seed: int) -> SitePlan:
    """The plan around an app spec, offline or a model's, in the look that fits the brief."""
    domain = catalog.domains.get(spec.domain)
    templates = [t.model_dump() for t in catalog.templates.values()]
    look = look_template(brief, templates, domain.template if domain else "dashboard-app")
    return plan_app(brief, spec, catalog.templates[look], seed=seed)


def sample_names(catalog) -> tuple[str, ...]:
    """The sample businesses the catalog's copy was written for."""
    return tuple(t.site_name for t in catalog.templates.values())


def look_template(brief: Brief, templates: list[dict], default: str) -> str:
    """The template whose look fits the words of the prompt better than the domain's own."""
    by_slug = {t["slug"]: t for t in templates}
    best, score = choose_template(brief, templates)
    if best and score >= 2 and score > template_score(brief, by_slug[default]):
        return best
    return default


def plan_app(brief: Brief, spec: AppSpec, template: TemplateDoc, *, seed: int) -> SitePlan:
    """A plan around an app spec: the template gives only the look."""
    variant = brief.variant or "light"
    adjustments: list[str] = []
    palette = apply_colours(template.palettes[variant], brief.colours, adjustments)
    fonts = fonts_for(brief.font_style, template.fonts) if brief.font_style else template.fonts
    facts = spec.facts
    hero = ImageWanted(
        path=HERO_IMAGE, subject=facts.subject or facts.name, alt=facts.subject or facts.name, width=1200, height=800
    )
    return SitePlan(
        name=facts.name,
        kind=spec.kind,
        subject=facts.subject or spec.kind,
        place=facts.place,
        offerings=list(facts.products),
        audience=default_audience(template),
        tone=brief.tone or default_tone(template),
        tagline=facts.tagline or facts.name,
        description=(facts.description or facts.tagline or facts.name)[:300],
        template=template.slug,
        variant=variant,
        pages=[page.path for page in spec.pages],
        palette=palette,
        fonts=fonts,
        images=[hero],
        adjustments=adjustments,
        seed=seed,
        app=spec,
    )


def plan_from_brief(
    brief: Brief,
    template: TemplateDoc,
    components: dict[str, ComponentDoc],
    *,
    seed: int,
    sample_names: tuple[str, ...] = (),
) -> SitePlan:
    variant = brief.variant or "light"
    adjustments: list[str] = []
    palette = apply_colours(template.palettes[variant], brief.colours, adjustments)
    fonts = fonts_for(brief.font_style, template.fonts) if brief.font_style else template.fonts
    planned = copywriter.rename_sample(template.sections, template.site_name)
    for kind in brief.forbidden:
        planned = sections.remove_kind(planned, kind, components)
    for kind in brief.wanted:
        planned = sections.add_kind(planned, kind, components)
    planned = copywriter.rename_samples(planned, sample_names)
    facts = copywriter.Facts(
        subject=brief.subject or default_subject(template),
        place=brief.place,
        offerings=brief.offerings,
        audience=default_audience(template),
        seed=seed,
    )
    tone = brief.tone or default_tone(template)
    name = brief.name or invent_name(brief.prompt, facts.subject, seed)
    plan = SitePlan(
        name=name,
        kind=template.category,
        subject=facts.subject,
        place=facts.place,
        offerings=list(facts.offerings),
        audience=facts.audience,
        tone=tone,
        tagline=copywriter.tagline(facts, tone)[:160],
        description=copywriter.description(facts, tone),
        template=template.slug,
        variant=variant,
        palette=palette,
        fonts=fonts,
        sections=copywriter.write_copy(planned, components, facts=facts, tone=tone),
        adjustments=adjustments,
        seed=seed,
    )
    return with_images(plan, components)


def template_plan(template: TemplateDoc, components: dict[str, ComponentDoc], *, variant: str = "light") -> SitePlan:
    """The template exactly as designed, with its own sample business and copy."""
    plan = SitePlan(
        name=template.site_name,
        kind=template.category,
        subject=default_subject(template),
        audience=default_audience(template),
        tone=default_tone(template),
        tagline=template.tagline,
        description=template.description[:300],
        template=template.slug,
        variant=variant,
        palette=template.palettes[variant],
        fonts=template.fonts,
        sections=copywriter.rename_sample(template.sections, template.site_name),
    )
    return with_images(plan, components)


def default_subject(template: TemplateDoc) -> str:
    """What a business on this template is, when the prompt does not say."""
    return KIND_SUBJECT.get(template.category, template.category.replace("-", " "))


def default_audience(template: TemplateDoc) -> str:
    return KIND_AUDIENCE.get(template.category, "people who care about the details")


def default_tone(template: TemplateDoc) -> str:
    return KIND_TONE.get(template.category, "warm")


def facts_of(plan: SitePlan) -> copywriter.Facts:
    return copywriter.Facts(
        subject=plan.subject,
        place=plan.place,
        offerings=tuple(plan.offerings),
        audience=plan.audience,
        seed=plan.seed,
    )


def invent_name(prompt: str, subject: str, seed: int) -> str:
    """A name for a business the prompt did not name: a word and the kind of place it is."""
    digest = hashlib.sha256(f"{seed}|{prompt}".encode()).digest()
    word = _NAME_WORDS[digest[0] % len(_NAME_WORDS)]
    head = subject.split()[-1] if subject else ""
    if head.isalpha() and len(head) <= 12 and head not in ("website", "site", "page", "portfolio"):
        return f"{word} {head.capitalize()}"
    return f"{word} {_NAME_ENDINGS[digest[1] % len(_NAME_ENDINGS)]}"


def with_images(plan: SitePlan, components: dict[str, ComponentDoc]) -> SitePlan:
    """The plan with its `images` list matching what its sections show."""
    return plan.model_copy(update={"images": images_wanted(plan.sections, components)})


def images_wanted(planned: list[Section], components: dict[str, ComponentDoc]) -> list[ImageWanted]:
    """Every image slot's picture, at the path the renderer gives it."""
    docs = [components[s.component] for s in planned]
    anchors = section_anchors(zip(docs, (s.anchor for s in planned), strict=True))
    return [
        _wanted(key, holder[field], aspect)
        for doc, section, anchor in zip(docs, planned, anchors, strict=True)
        for key, holder, field, aspect in image_slots(doc, section.content, anchor)
    ]


def _wanted(key: str, value: dict, aspect: str) -> ImageWanted:
    width, height = ASPECTS[aspect]
    return ImageWanted(
        path=image_path(key),
        subject=str(value.get("subject", "")),
        alt=str(value.get("alt", "")),
        width=width,
        height=height,
    )
