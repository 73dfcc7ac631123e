"""The pages a brief names: "Pages: gallery, about, and a contact form", "a studio page",
"a short blog", "a link to download his resume". Each becomes a page of the app unless
one already does its job: an about page (the business in its own words, where and how to
reach it), a contact form, or a list borrowed from the domain that keeps such things."""

from __future__ import annotations

import re

from autowebiq_app.catalog.app_spec import Entity, FeatureUse, PageSpec
from autowebiq_app.catalog.schema import DomainDoc
from autowebiq_app.engine.reading.entities import borrowed_entity
from autowebiq_app.engine.reading.phrases import singular

_LISTED = re.compile(r"\b(?:pages?\s*:|pages\s+(?:include|including|for|like|such as|with))\s*([^.;!?:]+)", re.I)
_ONE_PAGE = re.compile(
    r"\b(?:an?|the|its|their|our|my|his|her|separate|own)\s+((?:[a-z-]+\s+)?[a-z-]+)\s+page\b", re.I
)
_BLOG = re.compile(r"\b(?:an?|the|its|their|our|my|his|her)\s+(?:short\s+|small\s+|personal\s+|little\s+)?blog\b", re.I)
_RESUME = re.compile(r"\b(?:resume|résumé|cv|curriculum vitae)\b", re.I)

ABOUT_TITLES = {
    "about": "About", "about us": "About", "about me": "About", "studio": "Studio", "story": "Our story",
    "our story": "Our story", "bio": "About", "biography": "About", "resume": "Résumé", "résumé": "Résumé",
    "cv": "CV", "philosophy": "Philosophy", "mission": "Our mission",
}  # fmt: skip
_CONTACT = {"contact", "contact us", "contact form", "get in touch", "enquiry", "enquiries"}
_LIST_SYNONYMS = {
    "blog": "post", "journal": "post", "news": "article", "gallery": "photo", "photos": "photo",
    "portfolio": "project", "work": "project", "projects": "project", "shows": "gig", "concerts": "gig",
    "tour": "gig", "tour dates": "gig", "music": "release", "albums": "release", "discography": "release",
}  # fmt: skip
_NOT_PAGES = {"home", "landing", "main", "web", "single", "one", "first", "next", "new", "whole", "other"}


def named_pages(text: str) -> list[str]:
    """The page words of the brief, in its order: ["gallery", "about", "contact"]."""
    found: list[tuple[int, str]] = []
    for match in _LISTED.finditer(text):
        for index, part in enumerate(re.split(r",\s*|\s+(?:and|&|plus)\s+", match.group(1))):
            word = re.sub(r"^(?:(?:and|an?|the|some|our|my)\s+)+", "", part.strip().lower())
            word = re.sub(r"\s+(?:page|pages|section)$", "", word).strip()
            if word and len(word.split()) <= 3:
                found.append((match.start(1) + index, word))
    for match in _ONE_PAGE.finditer(text):
        words = match.group(1).lower()
        word = words if words in ABOUT_TITLES or words in _CONTACT else words.split()[-1]
        found.append((match.start(1), word))
    found += [(m.start(), "blog") for m in _BLOG.finditer(text)]
    found += [(m.start(), "resume") for m in _RESUME.finditer(text)]
    words = []
    for _, word in sorted(found):
        word = "contact" if word.startswith("contact") or word in _CONTACT else word
        if word not in words and word not in _NOT_PAGES:
            words.append(word)
    return words


def with_named_pages(
    text: str, pages: list[PageSpec], entities: list[Entity], domains: dict[str, DomainDoc]
) -> tuple[list[PageSpec], list[Entity]]:
    """The pages named in `text` that the app lacks, added after the ones it has."""
    pages, entities = list(pages), list(entities)
    for word in named_pages(text):
        doing = _page_doing(word, pages, entities)
        if doing is not None:
            if word in _LIST_SYNONYMS and word not in doing.title.lower():
                # The brief's word for it: "gallery" names the page of pictured work.
                retitled = doing.model_copy(update={"title": word.capitalize(), "nav": None})
                pages = [retitled if p is doing else p for p in pages]
            continue
        if word in ABOUT_TITLES:
            title = ABOUT_TITLES[word]
            pages.append(PageSpec(slug=_slug(title), title=title))
        elif word == "contact":
            pages.append(PageSpec(slug="contact", title="Contact", features=[FeatureUse(feature="contact")]))
        else:
            noun = _LIST_SYNONYMS.get(word, singular(word))
            entity = borrowed_entity(noun, domains, entities) or _blog_posts(noun, domains, entities)
            if entity is None:
                continue
            entities.append(entity)
            title = word.capitalize() if word in _LIST_SYNONYMS else entity.plural
            filters = [f.key for f in entity.fields if f.type == "select"][:1]
            use = FeatureUse(feature="collection", entity=entity.name, filters=filters)
            pages.append(PageSpec(slug=_slug(title), title=title, features=[use]))
    return pages, entities


def _page_doing(word: str, pages: list[PageSpec], entities: list[Entity]) -> PageSpec | None:
    """The page already doing this job: same title or slug, the contact form, or a list of
    the thing ("gallery" on a site whose work page lists pictures)."""
    for page in pages:
        titles = {t.lower() for t in (page.title, page.nav or "", page.slug)}
        if word in titles or ABOUT_TITLES.get(word, "-").lower() in titles:
            return page
    if word == "contact":
        return next((p for p in pages for u in p.features if u.feature == "contact"), None)
    noun = _LIST_SYNONYMS.get(word, singular(word))
    by_name = {e.name: e for e in entities}
    for page in pages:
        for use in page.features:
            entity = by_name.get(use.config().get("entity")) if use.feature == "collection" else None
            if entity is None:
                continue
            pictured = word in ("gallery", "portfolio", "work", "photos") and any(
                f.type == "image" for f in entity.fields
            )
            if entity.name == noun or singular(entity.label.lower()) == noun or pictured:
                return page
    return None


def _blog_posts(noun: str, domains: dict[str, DomainDoc], present: list[Entity]) -> Entity | None:
    """A blog's posts ("post" is too vague a word to borrow from whichever domain has one)."""
    if noun != "post" or "blog" not in domains:
        return None
    return borrowed_entity(noun, {"blog": domains["blog"]}, present, vague=True)


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower().replace("é", "e")).strip("-")
