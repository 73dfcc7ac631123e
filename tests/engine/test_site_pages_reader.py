"""Sites of pages read from the brief: the pages it names, the brief's word on the page that
does the job, an about page in the business's own words, a band's gigs and records with a
mailing list, a booking request described rather than dated."""

from __future__ import annotations

from autowebiq_app.engine.app_reader import read_app
from autowebiq_app.engine.brief import read_brief
from autowebiq_app.engine.reading.site_pages import named_pages
from tests.engine.reading import CATALOG, spec


def spec_or_none(prompt: str):
    return read_app(read_brief(prompt), CATALOG.domains, CATALOG.features)


def test_the_pages_a_brief_names_in_its_own_order():
    assert named_pages("A photographer's site. Pages: gallery, about, and a contact form.") == [
        "gallery",
        "about",
        "contact",
    ]
    assert named_pages("Projects, a studio page, and a contact page with a form.") == ["studio", "contact"]
    assert named_pages("Projects with tech tags, a short blog, and a link to download his resume.") == [
        "blog",
        "resume",
    ]
    assert named_pages("a landing page for my app") == []
    assert named_pages("A CRM where users can add clients and log calls with them") == []


def test_named_pages_become_pages_of_the_app_and_take_the_brief_word():
    site = spec(
        "Portfolio website for a photographer, Mira Solberg, based in Oslo. Pages: gallery, about, and a contact form."
    )
    titles = [p.title for p in site.pages]
    assert titles[0] == "Home" and {"Gallery", "About", "Contact"} <= set(titles)
    gallery = next(p for p in site.pages if p.title == "Gallery")
    assert gallery.features[0].feature == "collection"  # the pictured work, renamed, not a second list
    about = next(p for p in site.pages if p.title == "About")
    assert about.features == [] and site.facts.place == "Oslo"

    dev = spec(
        "Developer portfolio for Kenji Arakawa, a full-stack engineer in Osaka. Projects with tech tags, a short blog, and a link to download his resume."
    )
    blog = next(p for p in dev.pages if p.title == "Blog")
    assert blog.features[0].config()["entity"] == "post"
    assert "Résumé" in [p.title for p in dev.pages]
    project = next(e for e in dev.entities if e.name == "project")
    assert "tech_tags" in {f.key for f in project.fields} and "short_blog" not in {f.key for f in project.fields}


def test_filterable_by_named_choices_makes_the_categories():
    studio = spec(
        "Architecture studio site for Holloway & Reyes Architects. Projects filterable by Residential and Commercial, a studio page, and a contact page with a form."
    )
    project = next(e for e in studio.entities if e.name == "project")
    category = next(f for f in project.fields if f.key == "category")
    assert category.options == ["Residential", "Commercial"]
    assert {r["category"] for r in project.records} == {"Residential", "Commercial"}
    assert "Studio" in [p.title for p in studio.pages]


def test_a_band_gets_gigs_records_and_a_mailing_list_on_its_home_page():
    band = spec(
        "Musician portfolio for the jazz trio Blue Juniper: upcoming gigs, a discography, and a mailing list signup"
    )
    assert band.domain == "band" and band.facts.name == "Blue Juniper"
    assert [u.feature for u in band.pages[0].features] == ["subscribe"]
    assert {"Gigs", "Discography"} <= {p.title for p in band.pages}
    assert "account" not in {u.feature for p in band.pages for u in p.features}  # a list signup is no account
    assert "signup" not in {e.name for e in band.entities}


def test_a_booking_request_is_described_and_received():
    tattoo = spec(
        "A portfolio for a tattoo artist called Inkwolf: a gallery of past work, the styles offered (blackwork, fine line, neo-traditional) and a booking request form."
    )
    booking = next(u.config() for p in tattoo.pages for u in p.features if u.feature == "booking")
    assert booking["request"] is True
    assert [(f["key"], f["type"]) for f in booking["fields"]] == [("style", "select"), ("details", "longtext")]
    plain = spec("A hair salon where clients book appointments for a cut or colour")
    config = next(u.config() for p in plain.pages for u in p.features if u.feature == "booking")
    assert "request" not in config


def test_a_city_guide_has_eat_see_stay_a_map_and_favourites():
    guide = spec(
        "City guide website for Marrakech with places to eat, things to see and where to stay, a map section, "
        "and a favourites list I can add places to."
    )
    assert guide.domain == "city-guide" and guide.facts.name == "Marrakech"
    assert [p.nav or p.title for p in guide.pages[1:]] == ["Eat", "See", "Stay", "Map", "Favourites"]
    fixed = [u.config().get("fixed") for p in guide.pages for u in p.features if u.config().get("fixed")]
    assert fixed == [{"category": "Eat"}, {"category": "See"}, {"category": "Stay"}]
    # A gym that asks for a map is still a page of sections: its domain has no map page.
    assert spec_or_none("A gym site with an FAQ, a map and testimonials") is None
