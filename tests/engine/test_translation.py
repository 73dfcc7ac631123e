"""A spec read in another language shows the domains' words in that language: labels, options,
pages, buttons and the home page, with records and filters still matching their options."""

from __future__ import annotations

import json
import re

import pytest

from autowebiq_app.catalog.app_spec import AppSpec, Entity, Facts, Highlight, PageSpec
from autowebiq_app.catalog.schema import DomainDoc
from autowebiq_app.engine.app_reader import read_app
from autowebiq_app.engine.brief import read_brief
from autowebiq_app.engine.pipeline import SilentReporter, build_site
from autowebiq_app.engine.planner import plan_site
from autowebiq_app.engine.providers import OfflinePlanner
from autowebiq_app.engine.translation import Glossary, catalog_strings, glossary, translated, visible_strings
from tests.engine.reading import CATALOG

LANGUAGES = ("es", "fr", "de", "it", "pt")
RECIPES_ES = "Un foro de recetas de cocina en español donde los usuarios publican recetas y otros pueden comentarlas"


def domain_spec(domain: DomainDoc, language: str) -> AppSpec:
    """Everything a domain shows, as one spec in `language` before translation."""
    return AppSpec(
        domain=domain.slug,
        kind=domain.kind,
        facts=Facts(
            name=domain.names[0],
            subject=domain.subject,
            language=language,
            tagline=domain.tagline,
            description=domain.description,
        ),
        roles=list(domain.roles),
        highlights=[Highlight(title=h.title, text=h.text) for h in domain.highlights],
        entities=[Entity.model_validate(raw) for raw in domain.entities],
        pages=[PageSpec.model_validate(raw) for raw in domain.pages],
    )


def page(spec: AppSpec, slug: str) -> PageSpec:
    return next(p for p in spec.pages if p.slug == slug)


def labels(spec: AppSpec, entity: str) -> dict[str, str]:
    return {f.key: f.label for f in spec.entity(entity).fields}


def test_the_visible_strings_are_read_from_every_part_of_a_domain():
    recipes = visible_strings(CATALOG.domains["recipes"])
    for text in ("Recipes", "Title", "Breakfast", "Share recipe", "My recipes", "Plan the week", "recipe collection"):
        assert text in recipes, text
    water = visible_strings(CATALOG.domains["water-tracker"])
    assert {"glasses", "Add glass", "Daily goal"} <= set(water)
    assert "drink" not in water and "today" not in water  # an entity name and a period are identifiers


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_a_domain_shows_has_an_entry_in_the_glossary(language):
    words = glossary(language).words
    missing = [text for text in catalog_strings(CATALOG.domains.values()) if text not in words]
    assert not missing, missing


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_glossary_keeps_placeholders_and_names_only_what_the_domains_show(language):
    terms = glossary(language)
    for english, text in terms.words.items():
        assert text.strip() and text == text.strip(), english
        assert re.findall(r"\{\w+\}", english) == re.findall(r"\{\w+\}", text), english
    shown = set(catalog_strings(CATALOG.domains.values()))
    assert set(terms.data) <= shown
    for slug, own in terms.domains.items():
        assert set(own.words) | set(own.data) <= set(visible_strings(CATALOG.domains[slug])), slug


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_domain_translates_into_a_valid_spec_whose_records_match_their_options(language):
    for domain in CATALOG.domains.values():
        english = domain_spec(domain, language)
        spec = translated(english)  # validates: every translation fits where it is shown
        assert [e.name for e in spec.entities] == [e.name for e in english.entities]
        assert [p.slug for p in spec.pages] == [p.slug for p in english.pages]
        for entity in spec.entities:
            assert [f.key for f in entity.fields] == [f.key for f in english.entity(entity.name).fields]
            labels = [f.label for f in entity.fields]
            assert len(set(labels)) == len(labels), (domain.slug, entity.name, labels)  # two fields, one name
            for field in entity.fields:
                assert len(set(field.options)) == len(field.options), (domain.slug, field.key, field.options)
                for record in entity.records:
                    if field.options and record.get(field.key) is not None:
                        assert record[field.key] in field.options, (domain.slug, entity.name, field.key)
        for _, use in spec.features():
            for stat in use.config().get("stats", []):
                for key, value in stat.get("where", {}).items():
                    options = spec.entity(stat["entity"]).field(key).options
                    assert not options or value in options, (domain.slug, key, value)


def test_a_word_takes_the_sense_of_where_it_is_shown():
    def spanish(slug: str) -> AppSpec:
        return translated(domain_spec(CATALOG.domains[slug], "es"))

    library, hotel, blog, kanban = spanish("library"), spanish("hotel"), spanish("blog"), spanish("kanban-board")
    assert library.entity("book").label == "Libro"  # the thing on the shelf
    assert page(hotel, "book").nav == "Reservar"  # the button that books a room
    assert page(blog, "home").title == "Inicio" and "Hogar" in blog.entity("post").field("category").options
    assert hotel.entity("review").label == "Opinión"  # a guest's review...
    assert "Revisión" in kanban.entity("card").field("column").options  # ...is not a kanban column


def test_a_spanish_recipe_forum_speaks_spanish():
    spec = plan_site(RECIPES_ES, CATALOG).app
    assert spec.facts.language == "es"
    recipe = spec.entity("recipe")
    assert (recipe.label, recipe.plural) == ("Receta", "Recetas")
    assert labels(spec, "recipe")["title"] == "Título"
    assert labels(spec, "recipe")["ingredients"] == "Ingredientes"
    category = recipe.field("category")
    assert category.options[:3] == ["Desayuno", "Sopa", "Ensalada"]
    assert {r["category"] for r in recipe.records} <= set(category.options)
    meal = spec.entity("meal").field("meal")
    assert meal.options == ["Desayuno", "Almuerzo", "Cena"]
    assert {r["meal"] for r in spec.entity("meal").records} <= set(meal.options)
    recipes = page(spec, "recipes")
    assert recipes.title == "Recetas" and recipes.intro.startswith("Comparte una receta")
    assert recipes.features[0].config()["add_label"] == "Compartir receta"
    assert page(spec, "home").title == "Inicio"
    assert spec.facts.tagline == "Recetas que dan ganas de repetir, valoradas y comentadas."
    assert spec.highlights[0].title == "Comparte tus recetas"


def test_the_figures_of_a_spanish_helpdesk_still_count_its_records():
    spec = plan_site("A support helpdesk in Spanish", CATALOG).app
    ticket = spec.entity("ticket")
    assert ticket.field("status").options == ["Abierto", "En curso", "En espera", "Cerrado"]
    assert labels(spec, "ticket")["subject"] == "Asunto"  # the helpdesk's sense, not a school subject
    stats = next(u for _, u in spec.features() if u.feature == "dashboard").config()["stats"]
    open_tickets = next(s for s in stats if s["label"] == "Abierto")
    assert open_tickets["where"] == {"status": "Abierto"}
    assert any(r["status"] == "Abierto" for r in ticket.records)


@pytest.mark.parametrize(
    "prompt, slug, title, entity, field, label",
    [
        ("Un CRM en français", "calls", "Appels", "client", "company", "Entreprise"),
        ("A German-language to-do list", "tasks", "Aufgaben", "task", "due", "Fällig am"),
        ("An inventory manager in italiano", "suppliers", "Fornitori", "item", "price", "Prezzo unitario"),
        ("A hotel website em português with rooms and bookings", "rooms", "Quartos", "room", "view", "Vista"),
    ],
)
def test_other_languages_translate_pages_and_fields(prompt, slug, title, entity, field, label):
    spec = plan_site(prompt, CATALOG).app
    assert page(spec, slug).title == title
    assert labels(spec, entity)[field] == label


def test_an_english_spec_is_left_exactly_as_read():
    prompt = "A recipe forum where members post recipes and comment on them"
    english = read_app(read_brief(prompt), CATALOG.domains, CATALOG.features)
    assert translated(english) is english
    assert plan_site(prompt, CATALOG).app.model_dump_json() == english.model_dump_json()


def test_what_the_reader_wrote_from_the_prompt_is_kept():
    spec = plan_site("Un foro de recetas en español con dificultad (fácil, media, difícil)", CATALOG).app
    difficulty = next(f for f in spec.entity("recipe").fields if f.label == "Dificultad")
    assert [o.lower() for o in difficulty.options] == ["fácil", "media", "difícil"]
    assert labels(spec, "recipe")["title"] == "Título"


def test_a_tagline_read_with_the_name_filled_in_is_translated_with_it(monkeypatch):
    terms = Glossary(words={"{name}, fresh in {place}.": "{name}, recién hecho en {place}."})
    monkeypatch.setattr("autowebiq_app.engine.translation.glossary", lambda language: terms)
    spec = domain_spec(CATALOG.domains["bakery"], "es")
    spec = spec.model_copy(
        update={
            "facts": spec.facts.model_copy(
                update={"name": "Luz", "place": "Sevilla", "tagline": "Luz, fresh in Sevilla."}
            )
        }
    )
    assert translated(spec).facts.tagline == "Luz, recién hecho en Sevilla."


def test_a_spanish_site_builds_clean_with_its_words_in_spanish():
    out = build_site(RECIPES_ES, reporter=SilentReporter(), catalog=CATALOG, planner=OfflinePlanner())
    assert out.qa_report["score"] == 100, [c for c in out.qa_report["checks"] if not c["passed"]]
    home, recipes = out.files["index.html"], out.files["recipes.html"]
    assert ">Recetas</a>" in home and ">Menú semanal</a>" in home
    assert "Recetas que dan ganas de repetir" in home and "Comparte tus recetas" in home
    assert "<h1>Recetas</h1>" in recipes and "Compartir receta" in recipes
    data = json.loads(out.files["data.js"].removeprefix("window.AW_SPEC = ").rstrip(";\n"))
    fields = {f["key"]: f for f in data["entities"]["recipe"]["fields"]}
    assert fields["title"]["label"] == "Título" and "Desayuno" in fields["category"]["options"]
    assert ">Recipes<" not in home and "Share recipe" not in recipes
