"""Reading app requests: the domain, the things to keep, their fields, choices and features,
and the brief's facts, from the many ways people write them."""

from __future__ import annotations

import pytest

from autowebiq_app.engine.app_reader import read_app
from autowebiq_app.engine.brief import leading_name, read_brief
from autowebiq_app.engine.planner import plan_site
from autowebiq_app.engine.reading.facts import currency_of, language_of
from autowebiq_app.engine.reading.phrases import described_entities, option_fields, tracked_nouns
from tests.engine.reading import CATALOG, spec


def entity_fields(found, name: str) -> list[str]:
    return [f.label for f in found.entity(name).fields]


def test_a_crm_has_clients_and_calls_linked_and_a_page_for_each():
    found = spec("A CRM where users can add clients and log calls with them")
    assert found.domain == "crm" and found.kind == "crm-erp"
    assert {"Name", "Company", "Phone"} <= set(entity_fields(found, "client"))
    call_client = found.entity("call").field("client")
    assert call_client.type == "ref" and call_client.ref == "client"
    assert [p.title for p in found.pages][:3] == ["Home", "Clients", "Calls"]
    assert all(len(e.records) >= 5 for e in found.entities)


@pytest.mark.parametrize(
    ("prompt", "domain"),
    [
        ("a 2048 game", "game-2048"),
        ("Build me a to-do list app", "todo"),
        ("I need a tool to track employee attendance with statistics", "attendance"),
        ("book a bus ticket and see my bookings", "bus-tickets"),
        ("a site where people post poems and comment on them", "poetry-forum"),
        ("search stock codes and generate a report", "stock-watch"),
        ("noughts and crosses against the computer", "game-tictactoe"),
        ("A tip calculator", "tip-calculator"),
    ],
)
def test_requests_find_their_domain(prompt, domain):
    assert spec(prompt).domain == domain


def test_things_described_field_by_field_become_entities_with_those_fields():
    found = spec(
        "Sales pipeline app with deals moving through stages Lead, Qualified, Proposal, Won and Lost. "
        "Each deal has a title, a company and a value in dollars."
    )
    deal = found.entity("deal")
    assert [f.label for f in deal.fields][:2] == ["Title", "Stage"]
    assert {"Company", "Value"} <= {f.label for f in deal.fields}
    assert deal.field("value").type == "money"
    assert deal.field("stage").options == ["Lead", "Qualified", "Proposal", "Won", "Lost"]
    assert found.pages[1].title == "Deals", "what the brief describes comes first"


def test_fields_choices_and_flags_are_read_from_plain_sentences():
    assert [f.label for f in described_entities("add tasks with a due date and a priority")["task"]] == [
        "Due date",
        "Priority",
    ]
    assert option_fields("Rooms: Everest, Kilimanjaro and Fuji.")[0].options == ["Everest", "Kilimanjaro", "Fuji"]
    todo = spec("A to-do app where I can add tasks with a due date and mark them done")
    types = {f.label: f.type for f in todo.entity("task").fields}
    assert types["Done"] == "bool" and types["Due date"] == "date"


def test_what_a_shop_sells_names_its_products_and_the_brief_lists_them_first():
    found = spec("An online spice store from Kerala selling black pepper, cardamom and cloves, prices in rupees")
    product = next(e for e in found.entities if e.name == "product")
    assert [r["name"] for r in product.records][:3] == ["Black pepper", "Cardamom", "Cloves"]
    assert found.facts.currency == "INR" and found.facts.name == "Kerala Spice Co."
    assert [p.title for p in found.pages][:2] == ["Home", "Shop"]
    assert {"cart", "orders"} <= {u.feature for _, u in found.features()}


def test_noise_words_do_not_become_entities():
    assert tracked_nouns("with a search box, a cart and checkout") == []
    assert tracked_nouns("add pricing and a FAQ") == []
    assert tracked_nouns("add clients and log calls") == ["client", "call"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Pão Dourado, a bakery in Lisbon", "Pão Dourado"),
        ("Forno Azul is a bakery in Porto. Build us an ERP", "Forno Azul"),
        ("HR at Northwind Logistics marks each employee present", "Northwind Logistics"),
        ("Build Tickit: a to-do app", "Tickit"),
        ("build a CRM", None),
    ],
)
def test_names_given_without_called(text, name):
    assert leading_name(text) == name


def test_the_brief_name_survives_sentence_ends_and_titles():
    assert spec("Appointment booking for Luna Hair Studio. Customers choose a service").facts.name == "Luna Hair Studio"
    assert spec("Clinic appointment booking for Dr. Amara Okafor, GP.").facts.name == "Dr. Amara Okafor"


@pytest.mark.parametrize(
    ("text", "code"),
    [("prices in euros", "EUR"), ("in yen", "JPY"), ("₹ only", "INR"), ("£5 a box", "GBP"), ("US dollars", "USD")],
)
def test_currencies(text, code):
    assert currency_of(text) == code


def test_currency_follows_the_place_when_not_said():
    assert spec("Pão Dourado, a bakery in Lisbon where customers add pastries to a cart").facts.currency == "EUR"


def test_language_as_asked():
    assert language_of("a recipe forum in Spanish") == "es"
    assert language_of("a recipe forum") == "en"


def test_language_the_brief_is_written_in():
    assert (
        language_of("Un foro de recetas de cocina donde los usuarios publican recetas y otros pueden comentarlas")
        == "es"
    )
    assert language_of("Ein Blog über Wandern in den Alpen, mit Artikeln und Kommentaren für die Leser") == "de"
    assert language_of("Um site de receitas onde os usuários publicam receitas com fotos") == "pt"
    # English with foreign names stays English.
    assert language_of("Pão Dourado, a bakery in Lisbon with pastries and coffee") == "en"
    assert language_of("La Bella Vita, an Italian restaurant in Rome with a menu and bookings") == "en"


def test_the_words_asking_for_a_language_name_nothing_to_keep():
    todo = spec("A to-do list auf Deutsch")
    assert todo.domain == "todo" and todo.facts.language == "de"
    assert [e.name for e in todo.entities] == ["task"] and todo.entities[0].label == "Task"


def test_booking_forms_take_the_choices_and_details_the_brief_names():
    found = spec(
        "Appointment booking for Luna Hair Studio. Customers choose a service (cut, colour, blow-dry), "
        "a stylist, a date and a time, then see and cancel their appointments."
    )
    booking = next(u.config() for _, u in found.features() if u.feature == "booking")
    assert booking["entity"] == "service"
    service = found.entity("service")
    assert [r[service.title] for r in service.records] == ["Cut", "Colour", "Blow-dry"]
    assert "stylist" in {f["key"] for f in booking["fields"]}
    tables = spec("Table reservation website for La Brasa Grill. Guests reserve for 1 to 12 people with a name.")
    assert next(u.config() for _, u in tables.features() if u.feature == "booking")["max_seats"] == 12


def test_marketing_briefs_with_page_sections_stay_pages():
    assert (
        read_app(read_brief("A gym website with an FAQ and a map, no pricing"), CATALOG.domains, CATALOG.features)
        is None
    )


def test_the_spec_is_stored_in_the_plan_and_the_template_gives_only_the_look():
    plan = plan_site("Pão Dourado, a bakery in Lisbon. Customers add pastries to a cart. Navy buttons.", CATALOG)
    assert plan.app is not None and plan.name == "Pão Dourado"
    assert plan.palette.primary == "#000080"
    assert plan.pages == [p.path for p in plan.app.pages]
    assert plan.sections == []


def test_likes_and_comments_are_called_what_the_brief_calls_them():
    found = spec("A Q&A site where people ask questions, answer them and upvote answers")
    lists = [u.config() for _, u in found.features() if u.feature == "collection" and u.config().get("likes")]
    assert lists and lists[0]["like_label"] == "Upvote" and lists[0]["comment_label"] == "Answer"


def test_a_rating_is_a_rating():
    found = spec("Travel journal where I log places I've visited with the country, a note and a rating from 1 to 5")
    fields = {f.label: f.type for e in found.entities for f in e.fields}
    assert fields.get("Rating") == "rating"


def test_what_names_records_is_not_a_new_list_and_the_list_comes_before_its_report():
    found = spec("A tool to search stock codes and generate a report")
    assert [e.name for e in found.entities].count("code") == 0
    assert found.pages[1].features[0].feature == "collection"
    assert "report" in {u.feature for _, u in found.features()}


def test_purchase_orders_are_not_a_shop():
    found = spec("An ERP for a small factory: products, suppliers, purchase orders and stock levels")
    assert "shop" not in {u.feature for _, u in found.features()}


def test_what_people_did_and_will_do_are_fields_named_by_their_time():
    standup = spec(
        "Daily standup log for my team: each entry has a person, a date, what they did yesterday, "
        "what they'll do today and any blockers. Let me filter entries by person."
    )
    entry = standup.entities[0]
    assert [(f.key, f.type) for f in entry.fields if f.key != entry.title] == [
        ("person", "text"),
        ("date", "date"),
        ("yesterday", "longtext"),
        ("today", "longtext"),
        ("blockers", "text"),
    ]


def test_a_form_asks_for_what_the_brief_lists_and_a_purchase_price_is_no_shop():
    watch = spec(
        "A tool where I keep a watchlist of stock codes with purchase price and quantity, search stock codes, "
        "and generate a report of total invested per stock."
    )
    assert not {"shop", "cart", "orders"} & {u.feature for p in watch.pages for u in p.features}
    stock = watch.entity("stock")
    required = {f.key for f in stock.fields if f.required and f.type not in ("select", "ref")}
    assert required == {stock.title}  # the domain's company and price are no longer demanded
    assert {"purchase_price", "quantity"} <= {f.key for f in stock.fields}


def test_a_log_of_a_compound_thing_gets_its_bracketed_fields_not_another_domains_entity():
    # "night" alone is the sleep tracker's; "(date, game, winner)" are fields, not choices.
    found = spec("An app for our board game club: log each game night (date, game, winner)")
    night = found.entities[0]
    assert (night.name, night.label) == ("game_night", "Game night")
    assert [(f.key, f.type) for f in night.fields] == [("date", "date"), ("game", "text"), ("winner", "text")]
    assert night.title == "game" and all(f.type != "select" for f in night.fields)
