"""The frontend agent for app specs: one HTML file per page, wired to the feature library.

Every page has the same header (the site's name and a link to every page), a main region
with the page's heading and its features, and a footer with the brief's facts. Features
are mounted by the runtime from `data-feature` / `data-config`; the data (entities and
their sample records) goes in `data.js`, the runtime and the features used in `app.js`.
Every visible word comes from the spec. The files open from disk as they are.
"""

from __future__ import annotations

import hashlib
import html
import json

from autowebiq_app.catalog.app_spec import AppSpec, Entity, PageSpec
from autowebiq_app.catalog.files import RUNTIME_CSS, RUNTIME_JS
from autowebiq_app.catalog.render import BASE_CSS, Theme
from autowebiq_app.catalog.schema import FeatureDoc, TemplateDoc
from autowebiq_app.engine.images import FAVICON, SOCIAL_PREVIEW
from autowebiq_app.engine.words import words_for

HERO_IMAGE = "assets/hero.svg"
STORE_SCHEMA = 1
_e = html.escape


def render_app(
    spec: AppSpec,
    *,
    theme: Theme,
    template: TemplateDoc,
    features: dict[str, FeatureDoc],
    images: dict[str, str],
) -> dict[str, str]:
    """Every page, `404.html`, `styles.css`, `app.js` and `data.js` for `spec`."""
    used = sorted({use.feature for _, use in spec.features()} | _nested_features(spec))
    docs = [features[slug] for slug in used]
    files = {page.path: _page(spec, page, images) for page in spec.pages}
    files["404.html"] = _not_found(spec)
    files["styles.css"] = _css(theme, docs)
    files["app.js"] = _js(docs)
    files["data.js"] = data_js(spec)
    return files


def _nested_features(spec: AppSpec) -> set[str]:
    """Features a feature mounts inside itself (comments on a detail view)."""
    return {"comments" for _, use in spec.features() if use.config().get("comments")}


def store_id(spec: AppSpec) -> str:
    """The key the site's data lives under in the browser: stable for one site, distinct
    between sites served from one origin."""
    basis = json.dumps([spec.facts.name, spec.domain, [e.name for e in spec.entities]], ensure_ascii=False)
    return hashlib.sha256(basis.encode()).hexdigest()[:12]


def data_js(spec: AppSpec) -> str:
    """`window.AW_SPEC`: entities with their sample records (ids assigned, references
    resolved from titles to ids), currency, language and the interface words."""
    entities = {}
    ids = {e.name: {str(r.get(e.title)): f"{e.name}-{i + 1}" for i, r in enumerate(e.records)} for e in spec.entities}
    for entity in spec.entities:
        entities[entity.name] = {
            "label": entity.label,
            "plural": entity.plural,
            "title": entity.title,
            "fields": [
                f.model_dump(exclude_none=True, exclude_defaults=True)
                | {"key": f.key, "label": f.label, "type": f.type}
                for f in entity.fields
            ],
            "records": [_record(entity, record, index, ids) for index, record in enumerate(entity.records)],
        }
    payload = {
        "id": store_id(spec),
        "schema": STORE_SCHEMA,
        "name": spec.facts.name,
        "lang": spec.facts.language,
        "currency": spec.facts.currency,
        "entities": entities,
        "pages": feature_pages(spec),
        "bookable": sorted(
            {
                use.config()["entity"]
                for _, use in spec.features()
                if use.feature == "booking" and use.config().get("entity")
            }
        ),
        "words": words_for(spec.facts.language),
    }
    return "window.AW_SPEC = " + json.dumps(payload, ensure_ascii=False, sort_keys=True) + ";\n"


def feature_pages(spec: AppSpec) -> dict[str, str]:
    """The first page each feature is on: features link to each other through it."""
    pages: dict[str, str] = {}
    for page in spec.pages[1:]:
        if page.features:
            pages.setdefault(page.features[0].feature, page.path)
    for page, use in spec.features():
        pages.setdefault(use.feature, page.path)
    return pages


def _record(entity: Entity, record: dict, index: int, ids: dict[str, dict[str, str]]) -> dict:
    out = {"id": f"{entity.name}-{index + 1}", "created": index}
    for field in entity.fields:
        value = record.get(field.key)
        if value is None:
            continue
        if field.type == "ref" and field.ref:
            value = ids[field.ref].get(str(value), value)
        out[field.key] = value
    return out


def _css(theme: Theme, docs: list[FeatureDoc]) -> str:
    parts = [theme.variables(), BASE_CSS, RUNTIME_CSS.read_text(encoding="utf-8")]
    parts += [f"/* {d.slug} */\n{d.css.strip()}" for d in docs if d.css.strip()]
    if theme.css.strip():
        parts.append(theme.css.strip())
    return "\n".join(parts) + "\n"


def _js(docs: list[FeatureDoc]) -> str:
    parts = [RUNTIME_JS.read_text(encoding="utf-8")] + [f"/* {d.slug} */\n{d.js.strip()}" for d in docs]
    return "\n".join(parts) + "\n"


def _shell(spec: AppSpec, *, title: str, current: str | None, body: str) -> str:
    facts = spec.facts
    nav = "".join(
        f'<li><a href="{p.path}"{" aria-current=" + chr(34) + "page" + chr(34) if p.slug == current else ""}>'
        f"{_e(p.nav or p.title)}</a></li>"
        for p in spec.pages
    )
    footer_bits = [f"<p><strong>{_e(facts.name)}</strong>{' · ' + _e(facts.place) if facts.place else ''}</p>"]
    if facts.hours:
        footer_bits.append(f"<p>{_e(facts.hours)}</p>")
    if facts.contact:
        footer_bits.append(f"<p>{_e(facts.contact)}</p>")
    if title == facts.name:
        page_title = f"{facts.name} | {facts.tagline}" if facts.tagline else facts.name
    else:
        page_title = f"{title} | {facts.name}"
    description = facts.description or facts.tagline or facts.name
    return (
        f'<!doctype html>\n<html lang="{_e(facts.language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(page_title)}</title>\n"
        f'<meta name="description" content="{_e(description)}">\n'
        f'<meta property="og:title" content="{_e(page_title)}">\n'
        f'<meta property="og:description" content="{_e(description)}">\n'
        '<meta property="og:type" content="website">\n'
        f'<meta property="og:image" content="{SOCIAL_PREVIEW}">\n'
        f'<link rel="icon" href="{FAVICON}" type="image/svg+xml">\n'
        '<link rel="stylesheet" href="styles.css">\n</head>\n<body>\n'
        f'<a class="skip-link" href="#main">{_e(words_for(facts.language)["skip"])}</a>\n'
        '<header class="aw-header"><div class="container aw-header__inner">'
        f'<a class="aw-header__brand" href="index.html">{_e(facts.name)}</a>'
        f'<nav class="aw-nav" aria-label="{_e(words_for(facts.language)["menu"])}"><ul>{nav}</ul></nav>'
        "</div></header>\n"
        f'<main id="main">\n{body}\n</main>\n'
        f'<footer class="aw-footer"><div class="container">{"".join(footer_bits)}</div></footer>\n'
        '<script src="data.js"></script>\n<script src="app.js"></script>\n</body>\n</html>\n'
    )


def _page(spec: AppSpec, page: PageSpec, images: dict[str, str]) -> str:
    if page.slug == "home":
        return _shell(spec, title=spec.facts.name, current="home", body=_home(spec, page, images))
    head = (
        f'<div class="container aw-page-head"><h1>{_e(page.title)}</h1>'
        + (f'<p class="lead">{_e(page.intro)}</p>' if page.intro else "")
        + "</div>"
    )
    sections = "\n".join(_feature(use.feature, use.config(), page.title) for use in page.features)
    if not page.features:
        # A page of words ("About", "Studio"): the business as the brief describes it.
        sections = _about(spec)
    return _shell(spec, title=page.title, current=page.slug, body=head + "\n" + sections)


def _about(spec: AppSpec) -> str:
    facts = spec.facts
    story = " ".join(t for t in (facts.tagline, facts.description) if t)
    text = (
        f'<section class="section"><div class="container"><p class="lead">{_e(story)}</p></div></section>'
        if story
        else ""
    )
    return "\n".join(part for part in (text, _highlights(spec), _visit(spec)) if part)


def _highlights(spec: AppSpec) -> str:
    cards = "".join(f'<li class="card"><h3>{_e(h.title)}</h3><p>{_e(h.text)}</p></li>' for h in spec.highlights)
    if not cards:
        return ""
    return (
        f'<section class="section" aria-labelledby="why-title"><div class="container">'
        f'<h2 id="why-title">{_e(words_for(spec.facts.language)["why"])}</h2>'
        f'<ul class="aw-cards" role="list">{cards}</ul></div></section>'
    )


def _visit(spec: AppSpec) -> str:
    facts = spec.facts
    words = words_for(facts.language)
    facts_list = [(words["where"], facts.place), (words["hours"], facts.hours), (words["contact"], facts.contact)]
    facts_html = "".join(f"<div><dt>{_e(k)}</dt><dd>{_e(v)}</dd></div>" for k, v in facts_list if v)
    if not facts_html:
        return ""
    return (
        f'<section class="section section-alt" aria-labelledby="visit-title"><div class="container">'
        f'<h2 id="visit-title">{_e(words["visit"])}</h2><dl class="aw-facts">{facts_html}</dl></div></section>'
    )


def _feature(slug: str, config: dict, label: str) -> str:
    data = _e(json.dumps(config, ensure_ascii=False, sort_keys=True))
    return (
        f'<section class="aw-feature container" data-feature="{slug}" data-config="{data}" '
        f'aria-label="{_e(config.get("heading") or label)}"></section>'
    )


CLOSING_FEATURES = {"subscribe"}
"""Features that close a home page (a mailing-list sign-up) rather than open it."""


def _home(spec: AppSpec, page: PageSpec, images: dict[str, str]) -> str:
    facts = spec.facts
    words = words_for(facts.language)
    others = [p for p in spec.pages if p.slug != "home"]
    own = [use for use in page.features if use.feature not in CLOSING_FEATURES]
    closing = [(page.title, use) for use in page.features if use.feature in CLOSING_FEATURES]
    primary = page if own else next((p for p in others if p.features), None)
    # Links to the other pages, unless the home page already opens on the main feature
    # (then a "Book" link would sit beside the "Book" buttons it shows).
    buttons = (
        ""
        if primary
        else "".join(
            f'<a class="btn {"btn-primary" if i == 0 else "btn-outline"}" href="{p.path}">{_e(p.nav or p.title)}</a>'
            for i, p in enumerate(others[:2])
        )
    )
    picture = (
        f'<img src="{HERO_IMAGE}" alt="{_e(facts.subject or facts.name)}" width="1200" height="800">'
        if HERO_IMAGE in images
        else ""
    )
    # What and where, as the brief says it: "Full-stack engineer · Osaka".
    about = facts.subject[:1].upper() + facts.subject[1:] if facts.subject not in ("", "app") else ""
    kicker = " · ".join(part for part in (about, facts.place) if part)
    hero = (
        '<section class="aw-hero"><div class="container aw-hero__grid"><div>'
        + (f'<p class="eyebrow">{_e(kicker)}</p>' if kicker else "")
        + f"<h1>{_e(facts.name)}</h1>"
        + (f'<p class="lead">{_e(facts.tagline)}</p>' if facts.tagline else "")
        + (f"<p>{_e(facts.description)}</p>" if facts.description else "")
        + (f'<div class="btn-row">{buttons}</div>' if buttons else "")
        + f"</div>{picture}</div></section>"
    )
    cards = "".join(
        f'<li class="card"><h3><a href="{p.path}">{_e(p.title)}</a></h3>'
        + (f"<p>{_e(p.intro)}</p>" if p.intro else "")
        + "</li>"
        for p in others
    )
    explore = (
        f'<section class="section" aria-labelledby="explore-title"><div class="container">'
        f'<h2 id="explore-title">{_e(words["explore"])}</h2>'
        f'<ul class="aw-cards" role="list">{cards}</ul></div></section>'
    )
    highlights = _highlights(spec)
    visit = _visit(spec)
    # An app opens on what it is for: the first page's features come to the home page too.
    opening = [(primary.title, use) for use in (own if primary is page else primary.features)] if primary else []
    if primary is not None and all(use.feature in ("dashboard", "report") for use in primary.features):
        # Figures alone cannot be acted on: the first list comes too, to add what they count.
        listing = next((p for p in others if p.features and p.features[0].feature == "collection"), None)
        opening += [(listing.title, use) for use in listing.features] if listing else []
    features = "\n".join(_feature(use.feature, use.config(), title) for title, use in [*opening, *closing])
    return "\n".join(part for part in (hero, features, highlights, explore, visit) if part)


def _not_found(spec: AppSpec) -> str:
    words = words_for(spec.facts.language)
    body = (
        f'<div class="container aw-page-head"><h1>{_e(words["not_found"])}</h1>'
        f'<p class="lead">{_e(words["not_found_text"])}</p>'
        f'<p><a class="btn btn-primary" href="index.html">{_e(words["home"])}</a></p></div>'
    )
    return _shell(spec, title=words["not_found"], current=None, body=body)
