"""The words the catalog's domains put on screen, in the language the brief asks for.

A spec read from a domain carries the domain's English: entity and field labels, select
options, page titles and intros, feature headings and button labels, the home page's
tagline, description and highlights. `translated` swaps each for its entry in the
language's glossary (`glossary/<language>.toml`, English → translation, exact match) and
keeps anything the glossary lacks, such as what the reader wrote from the prompt itself.
Keys, slugs and entity names are identifiers and never change; sample records change only
where they hold a select option, so filters and figures still find them.

A glossary has two tables: `words`, every string as a page says it, and `data`, the word for
an entity, a field or an option where the page's differs ("Book" the thing in a library,
not "Book" the button). `domains.<slug>` holds the same two tables for one domain's own
sense of a word ("Review" is a kanban column, not a guest's review).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from autowebiq_app.catalog.app_spec import AppSpec, Entity, PageSpec
from autowebiq_app.catalog.schema import DomainDoc

GLOSSARY_DIR = Path(__file__).parent / "glossary"
# A feature option is shown as text when its key ends like these (add_label, heading, title)...
_TEXT_ENDINGS = ("label", "heading", "title")
# ...or is one of these words a feature prints (a goal's unit, a follow button's states).
_TEXT_OPTIONS = frozenset({"unit", "quick_add", "done", "undone"})
_PLACEHOLDERS = ("{name}", "{place}")


@dataclass(frozen=True)
class Glossary:
    """English → one language: `words` for every string, `data` where an entity's, a
    field's or an option's word differs, and the same for single domains."""

    words: dict[str, str] = field(default_factory=dict)
    data: dict[str, str] = field(default_factory=dict)
    domains: dict[str, Glossary] = field(default_factory=dict)

    @classmethod
    def from_toml(cls, raw: dict) -> Glossary:
        domains = {slug: cls.from_toml(tables) for slug, tables in raw.get("domains", {}).items()}
        return cls(words=raw.get("words", {}), data=raw.get("data", {}), domains=domains)


@lru_cache
def glossary(language: str) -> Glossary:
    """The glossary of `language`; empty for English or a language without one."""
    path = GLOSSARY_DIR / f"{language}.toml"
    if language == "en" or not path.exists():
        return Glossary()
    return Glossary.from_toml(tomllib.loads(path.read_text(encoding="utf-8")))


def visible_strings(domain: DomainDoc) -> list[str]:
    """Every string of `domain` that a built site shows, once each, in document order."""
    entities = [Entity.model_validate(raw) for raw in domain.entities]
    pages = [PageSpec.model_validate(raw) for raw in domain.pages]
    strings = [domain.subject, domain.tagline, domain.description]
    strings += [part for h in domain.highlights for part in (h.title, h.text)]
    for entity in entities:
        strings += [entity.label, entity.plural]
        strings += [text for f in entity.fields for text in (f.label, *f.options)]
    for page in pages:
        strings += [page.title, page.nav or "", page.intro]
        strings += [text for use in page.features for text in _config_texts(use.config())]
    return list(dict.fromkeys(s for s in strings if s))


def catalog_strings(domains: Iterable[DomainDoc]) -> list[str]:
    """The visible strings of every domain, once each."""
    return list(dict.fromkeys(s for domain in domains for s in visible_strings(domain)))


def translated(spec: AppSpec) -> AppSpec:
    """`spec` with the domains' English in the language of its facts (itself for English)."""
    terms = glossary(spec.facts.language)
    if not terms.words:
        return spec
    say = _Sayer(terms, domain=spec.domain, name=spec.facts.name, place=spec.facts.place or "")
    data = spec.model_dump()
    facts = data["facts"]
    facts.update(
        subject=say(facts["subject"])[:80],
        tagline=say(facts["tagline"], filled=True)[:160],
        description=say(facts["description"], filled=True)[:300],
    )
    data["highlights"] = [{"title": say(h["title"]), "text": say(h["text"])} for h in data["highlights"]]
    options = {e["name"]: {f["key"]: f["options"] for f in e["fields"] if f["options"]} for e in data["entities"]}
    data["entities"] = [_entity(entity, say) for entity in data["entities"]]
    for page in data["pages"]:
        page.update(title=say(page["title"]), nav=page["nav"] and say(page["nav"]), intro=say(page["intro"]))
        page["features"] = [_config(use, say, options, use.get("entity")) for use in page["features"]]
    return AppSpec.model_validate(data)


class _Sayer:
    """One string in the glossary's language, or as it was."""

    def __init__(self, terms: Glossary, *, domain: str, name: str, place: str) -> None:
        own = terms.domains.get(domain, Glossary())
        self.words = terms.words | own.words
        self.data = terms.words | terms.data | own.words | own.data
        # Taglines are read with the business's name and place filled in: match them filled.
        self.filled = {
            _fill(english, name, place): _fill(self.words[english], name, place)
            for english in self.words
            if any(p in english for p in _PLACEHOLDERS)
        }

    def __call__(self, text: str, *, filled: bool = False, data: bool = False) -> str:
        if filled and text in self.filled:
            return self.filled[text]
        return (self.data if data else self.words).get(text, text)


def _fill(text: str, name: str, place: str) -> str:
    return text.replace("{name}", name).replace("{place}", place)


def _entity(entity: dict, say: _Sayer) -> dict:
    choices = {f["key"]: f["options"] for f in entity["fields"] if f["options"]}
    for f in entity["fields"]:
        f.update(label=say(f["label"], data=True), options=[say(o, data=True) for o in f["options"]])
    entity.update(label=say(entity["label"], data=True), plural=say(entity["plural"], data=True))
    entity["records"] = [
        {key: _option(value, choices.get(key), say) for key, value in record.items()} for record in entity["records"]
    ]
    return entity


def _option(value, options: list[str] | None, say: _Sayer):
    """A record's value: translated as its field's options are when it is one of them."""
    return say(value, data=True) if options and isinstance(value, str) and value in options else value


def _config(value, say: _Sayer, options: dict[str, dict[str, list[str]]], entity: str | None, key: str = ""):
    """A feature's configuration with its text options translated; `where` filters name
    select options of the entity in scope, which change as the records' do."""
    if isinstance(value, dict):
        entity = value.get("entity", entity)
        out = {}
        for k, v in value.items():
            if k == "where" and isinstance(v, dict):
                fields = options.get(entity or "", {})
                out[k] = {name: _option(choice, fields.get(name), say) for name, choice in v.items()}
            elif k == "switch" and isinstance(v, dict) and "field" in v:
                # A dashboard's period switch picks records by a field's options: it says them as they do.
                choices = next((f[v["field"]] for f in options.values() if v["field"] in f), None)
                translated = [_option(o, choices, say) for o in v.get("options", [])]
                out[k] = {**_config(v, say, options, entity, k), "options": translated}
            else:
                out[k] = _config(v, say, options, entity, k)
        return out
    if isinstance(value, list):
        return [_config(item, say, options, entity, key) for item in value]
    if isinstance(value, str) and _is_text(key):
        return say(value)
    return value


def _config_texts(value, key: str = "") -> Iterator[str]:
    """The text options of a feature's configuration (as `_config` translates them)."""
    if isinstance(value, dict):
        for k, v in value.items():
            if k != "where":
                yield from _config_texts(v, k)
    elif isinstance(value, list):
        for item in value:
            yield from _config_texts(item, key)
    elif isinstance(value, str) and _is_text(key):
        yield value


def _is_text(key: str) -> bool:
    return key.endswith(_TEXT_ENDINGS) or key in _TEXT_OPTIONS
