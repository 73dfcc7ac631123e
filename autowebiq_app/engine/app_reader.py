"""The offline reader of app requests: a prompt becomes an `AppSpec`.

It matches the prompt against the catalog's domains (their keyword phrases), takes the
domain's entities, pages and features, then applies what the prompt says outright: the
name, place, language, currency, hours and contact; things to add or track that the domain
lacks (new entities), fields asked for, and features asked for (comments, likes, export,
charts, accounts, bookings, a cart, a calendar, a board). What the prompt states wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from autowebiq_app.catalog.app_spec import AppSpec, Entity, Highlight, PageSpec
from autowebiq_app.catalog.schema import DomainDoc, FeatureDoc
from autowebiq_app.engine.brief import Brief
from autowebiq_app.engine.reading.checklists import with_checklists
from autowebiq_app.engine.reading.counts import with_asked_figures
from autowebiq_app.engine.reading.entities import (
    borrowed_entity,
    described_entity,
    generic_entity,
    is_product,
    main_entity,
    mentioned,
    optional_except,
    overlap,
    renamed_entity,
    same_thing,
    with_fields,
    with_products,
)
from autowebiq_app.engine.reading.facts import read_facts, without_language
from autowebiq_app.engine.reading.goals import with_goal
from autowebiq_app.engine.reading.metrics import METRICS_DOMAIN, with_named_metrics
from autowebiq_app.engine.reading.pages import (
    APP_ASKS,
    APPS_HAVE,
    ASKS,
    PAGE_ONLY,
    add_asked_features,
    collection_page,
    configure_bookings,
    configure_shops,
    posting_labels,
    primary_first,
    retitled,
    with_browsing,
)
from autowebiq_app.engine.reading.phrases import (
    described_entities,
    fields_asked,
    mark_fields,
    option_fields,
    parenthesised_choices,
    posted_kinds,
    tracked_nouns,
)
from autowebiq_app.engine.reading.quiz import quiz_from_brief
from autowebiq_app.engine.reading.reactions import with_reactions
from autowebiq_app.engine.reading.site_pages import named_pages, with_named_pages
from autowebiq_app.engine.reading.timer import with_timer_lengths
from autowebiq_app.engine.reading.totals import with_asked_totals


@dataclass(frozen=True)
class DomainMatch:
    domain: DomainDoc
    score: int


def match_domain(text: str, domains: dict[str, DomainDoc]) -> DomainMatch | None:
    """The domain whose keyword phrases the prompt uses most (longer phrases weigh more)."""
    lowered = " " + text.lower() + " "
    best: DomainMatch | None = None
    for slug in sorted(domains):
        domain = domains[slug]
        score = sum(
            2 * len(phrase.split()) + len(phrase) // 6
            for phrase in domain.keywords
            if re.search(rf"(?<![\w-]){re.escape(phrase.lower())}(?![\w-])", lowered)
        )
        if score and (best is None or score > best.score):
            best = DomainMatch(domain, score)
    return best


def read_app(
    brief: Brief, domains: dict[str, DomainDoc], features: dict[str, FeatureDoc], *, seed: int = 0
) -> AppSpec | None:
    """The app spec for a brief, or None when it asks for nothing the domains know or
    anything to add or track (then the marketing-site planner takes it)."""
    text = without_language(brief.prompt)  # "auf Deutsch" names no thing to keep
    match = match_domain(text, domains)
    described = described_entities(text)
    nouns = tracked_nouns(text)
    lowered = text.lower()
    asks = {name for name, pattern in ASKS.items() if re.search(pattern, lowered)}
    doing = bool(nouns or described or asks & APP_ASKS)
    if match is None and not doing:
        return None
    sections = (set(brief.wanted) | set(brief.forbidden)) & PAGE_ONLY
    if sections and not (nouns or described):
        # "A gym site with an FAQ and a map, no pricing": a page of sections, not an app;
        # "a photographer's site. Pages: gallery, about, contact" is a site of pages, and a
        # band's gallery and mailing list, or a city guide's map, are pages an app has too.
        own_pages = {page["slug"] for page in match.domain.pages} if match else set()
        if match is None or not (named_pages(text) or sections <= APPS_HAVE | own_pages):
            return None
    if "shop" in asks and (match is None or match.domain.kind != "shops"):
        nouns = nouns[1:]  # the first thing named is what the shop sells (shop_pages names it)
    domain = match.domain if match else None
    metrics = domain is not None and domain.slug == METRICS_DOMAIN
    if metrics:
        described, nouns = {}, []  # the figures and tables it names are read by reading.metrics
    entities = [Entity.model_validate(raw) for raw in domain.entities] if domain else []
    pages = [PageSpec.model_validate(raw) for raw in domain.pages] if domain else [PageSpec(slug="home", title="Home")]
    main = main_entity(entities, pages)
    added: list[PageSpec] = []
    tracked: list[PageSpec] = []
    for noun, fields in described.items():
        known = next((e for e in entities if same_thing(noun, e)), None)
        if known is None and main is not None and overlap(main, fields) >= 2:
            known = renamed_entity(main, noun)
            entities = [known if e is main else e for e in entities]
            pages = [retitled(p, main, known) for p in pages]
            main = known
        if known is not None:
            grown = optional_except(with_fields(known, fields), {f.key for f in fields})
            entities = [grown if e is known else e for e in entities]
            main = grown if main is known else main
            continue
        entity = borrowed_entity(noun, domains, entities) or (
            described_entity(noun, fields) if len(fields) >= 2 else generic_entity(noun, fields)
        )
        entity = with_fields(entity, fields)
        entities.append(entity)
        added.append(collection_page(entity))
        main = main if main is not None and domain and mentioned(main, text) else entity
    for index, noun in enumerate(nouns):
        if noun in described or any(same_thing(noun, e) for e in entities):
            continue
        if index == 0 and main is not None and domain and not mentioned(main, text) and not added:
            renamed = renamed_entity(main, noun)
            entities = [renamed if e is main else e for e in entities]
            pages = [retitled(p, main, renamed) for p in pages]
            main = renamed
            continue
        entity = borrowed_entity(noun, domains, entities) or generic_entity(noun)
        if entity.name not in {e.name for e in entities}:
            entities.append(entity)
            tracked.append(collection_page(entity))
            main = main or entity
    # Described things come first; other new things after the domain's own lists.
    last_list = max((i for i, p in enumerate(pages) if any(u.feature == "collection" for u in p.features)), default=0)
    pages = [pages[0], *added, *pages[1 : last_list + 1], *tracked, *pages[last_list + 1 :]]
    named_at = {noun: re.search(rf"\b{re.escape(noun)}", lowered) for noun in [*nouns, *described]}
    first_named = min(((m.start(), n) for n, m in named_at.items() if m), default=(0, None))[1]
    for noun in [first_named] if first_named else []:
        # What the brief names first is what it is about: its list comes first.
        entity = next((e for e in entities if same_thing(noun, e)), None)
        listing = next(
            (p for p in pages[1:] if entity and p.features and p.features[0].config().get("entity") == entity.name),
            None,
        )
        if listing is not None:
            pages = [pages[0], listing, *[p for p in pages[1:] if p is not listing]]
    if main is not None and not metrics:
        main = next(e for e in entities if e.name == main.name)
        extra = option_fields(text) + parenthesised_choices(text) + posted_kinds(text) + mark_fields(text)
        listed = [] if described else fields_asked(text)
        extra += listed
        if extra:
            grown = with_fields(main, extra)
            if len(listed) >= 2:
                # "stock codes with purchase price and quantity": what the form must have.
                grown = optional_except(grown, {f.key for f in listed})
            entities = [grown if e.name == main.name else e for e in entities]
            main = grown
    pages = add_asked_features(text, pages, entities, main, features)
    if metrics:
        pages, entities = with_named_metrics(text, pages, entities)
    pages, entities = with_named_pages(text, pages, entities, domains)
    pages = with_browsing(text, pages, next((e for e in entities if main and e.name == main.name), None))
    entities = [with_products(e, brief.offerings) if is_product(e) else e for e in entities]
    facts = read_facts(brief, domain, seed=seed, sold=next((e.label for e in entities if is_product(e)), None))
    pages, entities = configure_bookings(text, pages, entities)
    pages, entities = configure_shops(text, pages, entities)
    pages, entities = with_reactions(text, pages, entities, main, selling="shop" in asks)
    pages = with_goal(text, pages, next((e for e in entities if main and e.name == main.name), None))
    pages = with_asked_figures(text, pages, entities)
    pages, entities = with_asked_totals(text, pages, entities)
    pages, entities = with_checklists(text, pages, entities)
    pages = primary_first(text, pages, features)
    pages = quiz_from_brief(text, pages)
    pages = with_timer_lengths(text, pages)
    pages = posting_labels(pages, entities, text, next((e for e in entities if main and e.name == main.name), None))
    spec = AppSpec(
        domain=domain.slug if domain else "custom",
        kind=domain.kind if domain else "productivity",
        facts=facts,
        roles=list(domain.roles) if domain else ["visitor"],
        highlights=[Highlight(title=h.title, text=h.text) for h in domain.highlights] if domain else [],
        entities=entities,
        pages=pages[:12],
    )
    return spec
