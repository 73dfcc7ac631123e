"""The pages of an app and the features on them: asked-for features, bookings and shops
shaped by the brief, an admin page, and the page that opens the site."""

from __future__ import annotations

import re

from autowebiq_app.catalog.app_spec import Entity, FeatureUse, FieldSpec, PageSpec, map_uses, slug_key
from autowebiq_app.catalog.schema import FeatureDoc
from autowebiq_app.engine.reading.entities import (
    PRODUCT_NAMES,
    filled,
    generic_product,
    named_records,
    same_thing,
    with_fields,
    without_field,
)
from autowebiq_app.engine.reading.phrases import (
    booking_details,
    field_list,
    option_fields,
    parenthesised_choices,
    singular,
)
from autowebiq_app.engine.reading.reactions import ASKED as REACTIONS_ASKED

# Features a prompt can ask for by name, added to the page of the main entity or as a page.
ASKS = {
    "comments": r"\bcomments?\b|\bcommenting\b|\breplies\b|\breply\b|\banswers?\b",
    "likes": r"\blikes?\b|\bupvotes?\b|\bhearts?\b",
    "reactions": REACTIONS_ASKED,
    "report": r"\breports?\b|\bexport\b|\bcsv\b|\bspreadsheet\b|\bprint(?:able)?\b",
    "dashboard": r"\bdashboards?\b|\bstatistics\b|\bstats\b|\bcharts?\b|\bgraphs?\b|\banalytics\b|\bsummary\b|\btotals?\b",
    "account": r"\bsign[- ]?in\b|\blog[- ]?in\b|\bregist(?:er|ration)\b|\baccounts?\b|(?<!list )(?<!newsletter )\bsign[- ]?up\b(?! (?:form|for (?:updates|news|the newsletter)))|\bprofiles?\b",
    "contact": r"\bcontact (?:form|us|page)\b|\benquir(?:y|ies)\b|\binquir(?:y|ies)\b",
    "subscribe": r"\bmailing[- ]list\b|\bnewsletter\b|\bsubscribe\b|\bsign[- ]?up for (?:updates|news)\b|\bemail updates\b",
    "calendar": r"\bcalendar\b",
    "kanban": r"\bkanban\b|\btask board\b|\bboard with columns\b",
    "booking": r"\bbook (?:a|an|the|my|your|their|tickets?|seats?|rooms?|tables?|classes|appointments?|slots?)\b"
    r"|\bbookings?\b|\breserv(?:e|ation|ations)\b|\bappointments?\b",
    "shop": r"\b(?:add to )?cart\b|\bcheck ?out\b|\bbuy\b|\bpurchase\b(?! orders?| prices?| dates?| history| cost)|\border online\b|\bsell(?:ing|s)? online\b"
    r"|\bonline (?:[a-z-]+ )?(?:shop|store)\b|\bwishlist\b|\bdiscount codes?\b",
    "admin": r"\badmin(?:istrator)?s?\b|\bback[- ]?office\b|\bstaff (?:page|view)\b|\bowner\b",
    "upload": r"\bupload\b|\bphotos? of\b|\bimages? of\b|\battach\b",
}

# Sections only a page of sections has: a brief asking for them without things to keep is a
# marketing site ("a gym site with an FAQ, a map and testimonials").
PAGE_ONLY = {
    "pricing",
    "faq",
    "testimonials",
    "gallery",
    "team",
    "newsletter",
    "countdown",
    "timeline",
    "tabs",
    "map",
    "logos",
}

APPS_HAVE = {"gallery", "newsletter"}
"""Of those, what an app of a known kind has too: a list of pictures, a mailing-list sign-up."""

APP_ASKS = {
    "shop",
    "booking",
    "dashboard",
    "calendar",
    "kanban",
    "account",
    "report",
    "admin",
    "comments",
    "likes",
    "reactions",
    "upload",
}


def collection_page(entity: Entity) -> PageSpec:
    selects = [f.key for f in entity.fields if f.type in ("select", "ref", "bool")]
    return PageSpec(
        slug=re.sub(r"[^a-z0-9]+", "-", entity.plural.lower()).strip("-")[:40] or entity.name.replace("_", "-"),
        title=entity.plural,
        intro=f"Add, find and update your {entity.plural.lower()}.",
        features=[FeatureUse(feature="collection", entity=entity.name, filters=selects[:2])],
    )


_BROWSE_BY = re.compile(
    r"\b(?:browse|filter|group|organi[sz]e|explore|view)(?:s|d|ed)?\s+(?:them|it|all|[a-z]+)?\s*by\s+(?:the\s+|their\s+)?([a-z]+)",
    re.I,
)


def with_browsing(text: str, pages: list[PageSpec], main: Entity | None) -> list[PageSpec]:
    """ "browse them by country": the main lists link to each country and filter by it."""
    if main is None:
        return pages
    field = next(
        (
            f
            for match in _BROWSE_BY.finditer(text)
            for f in main.fields
            if singular(match.group(1).lower()) in (f.key, f.label.lower()) and f.type in ("text", "select")
        ),
        None,
    )
    if field is None:
        return pages

    def browse(use: FeatureUse) -> FeatureUse:
        config = use.config()
        if use.feature != "collection" or config.get("entity") != main.name or config.get("form") is False:
            return use
        filters = [field.key, *[k for k in config.get("filters", []) if k != field.key]][:3]
        return FeatureUse(feature="collection", **(config | {"filters": filters, "browse": field.key}))

    return map_uses(pages, browse)


def retitled(page: PageSpec, old: Entity, new: Entity) -> PageSpec:
    """A page listing the renamed entity takes its new name, and so does its add button
    ("Start thread" becomes "Start discussion")."""
    first = page.features[0].config() if page.features else {}
    if page.features and page.features[0].feature == "collection" and first.get("entity") == old.name:
        label = first.get("add_label")
        if label:
            renamed = re.sub(rf"\b{re.escape(old.label)}\b", new.label.lower(), label, flags=re.IGNORECASE)
            use = page.features[0].model_copy(update={"add_label": renamed})
            page = page.model_copy(update={"features": [use, *page.features[1:]]})
        return page.model_copy(update={"title": new.plural, "nav": None})
    return page


def add_asked_features(
    text: str, pages: list[PageSpec], entities: list[Entity], main: Entity | None, features: dict[str, FeatureDoc]
) -> list[PageSpec]:
    """Pages and options for the features the prompt names that the pages lack."""
    lowered = text.lower()
    asked = {name for name, pattern in ASKS.items() if re.search(pattern, lowered)}
    have = {use.feature for page in pages for use in page.features}
    pages = list(pages)
    if main is not None:
        if "comments" in asked or "likes" in asked:
            pages = [
                _with_options(p, main.name, text, comments="comments" in asked, likes="likes" in asked) for p in pages
            ]
        if "upload" in asked and not any(f.type == "image" for f in main.fields):
            photo = FieldSpec(key="photo", label="Photo", type="image")
            entities[entities.index(main)] = main.model_copy(update={"fields": [*main.fields, photo]})
        if "subscribe" in asked and "subscribe" not in have and "subscribe" in features:
            pages[0] = pages[0].model_copy(update={"features": [*pages[0].features, FeatureUse(feature="subscribe")]})
        if "dashboard" in asked and "dashboard" not in have:
            pages.append(dashboard_page(entities))
        if "report" in asked and "report" not in have:
            pages.append(report_page(main))
        if "calendar" in asked and "calendar" not in have and "calendar" in features:
            dated = next((e for e in entities for f in e.fields if f.type == "date"), None)
            if dated:
                date_field = next(f.key for f in dated.fields if f.type == "date")
                pages.append(
                    PageSpec(
                        slug="calendar",
                        title="Calendar",
                        features=[
                            FeatureUse(
                                feature="calendar", entity=dated.name, date_field=date_field, title_field=dated.title
                            )
                        ],
                    )
                )
        if "kanban" in asked and "kanban" not in have and "kanban" in features:
            column = next((f for f in main.fields if f.type == "select"), None)
            if column:
                pages.append(
                    PageSpec(
                        slug="board",
                        title="Board",
                        features=[
                            FeatureUse(feature="kanban", entity=main.name, field=column.key, title_field=main.title)
                        ],
                    )
                )
    if "booking" in have or ("booking" in asked and "booking" in features):
        pages = [_with_own_list(p) for p in pages]
    if "admin" in asked:
        pages.append(admin_page(pages, main, have | {u.feature for p in pages for u in p.features}))
    if "shop" in asked and "shop" not in have and "shop" in features:
        pages = shop_pages(pages, entities, text)
        have = have | {"shop", "cart", "orders"}
    if "booking" in asked and "booking" not in have and "booking" in features:
        pages.append(PageSpec(slug="book", title="Book", features=[FeatureUse(feature="booking")]))
        pages.append(PageSpec(slug="my-bookings", title="My bookings", features=[FeatureUse(feature="my-bookings")]))
    if "account" in asked and "account" not in have and "account" in features:
        pages.append(PageSpec(slug="account", title="Account", features=[FeatureUse(feature="account")]))
    if "contact" in asked and "contact" not in have and "contact" in features:
        pages.append(PageSpec(slug="contact", title="Contact", features=[FeatureUse(feature="contact")]))
    return _unique_slugs(pages)


_PLACE_FIELDS = re.compile(
    r"^(?:from|to|origin|destination|departure_city|arrival_city|city|location|departs_from|arrives_at)$"
)

_BOOKING_PLAIN = {"date", "time", "name", "email", "phone", "people", "guests", "seats", "check_in", "check_out", "day"}


def configure_bookings(text: str, pages: list[PageSpec], entities: list[Entity]) -> tuple[list[PageSpec], list[Entity]]:
    """Booking forms shaped by the brief: the choices and details it names ("a service
    (cut, colour)", "a title", "name and phone"), the most people ("1 to 12 people"), hourly
    slots, and the places to search by for journeys. Things it lists by name ("Rooms: Everest,
    Fuji") become the bookable records."""
    lowered = text.lower()
    out = []
    for page in pages:
        uses = []
        for use in page.features:
            if use.feature != "booking":
                uses.append(use)
                continue
            config = use.config()
            entity = next((e for e in entities if e.name == config.get("entity")), None)
            fields: list[FieldSpec] = [FieldSpec.model_validate(f) for f in config.get("fields", [])]
            for option in option_fields(text) + parenthesised_choices(text):
                if entity is not None and same_thing(singular(option.key), entity):
                    # "tour packages (Dubrovnik, Split, Hvar)": the packages themselves, not a choice on each.
                    entity = without_field(named_records(entity, option.options), option.key)
                    entities = [entity if e.name == entity.name else e for e in entities]
                elif option.key not in {f.key for f in fields}:
                    fields.append(option)
            for field in booking_details(text):
                if field.key not in _BOOKING_PLAIN and field.key not in {f.key for f in fields}:
                    if entity is None or not same_thing(singular(field.key), entity):
                        fields.append(field)
            if re.search(
                r"\b(?:booking|appointment|consultation|session) requests?\b|\brequest (?:a )?(?:form|booking)\b",
                lowered,
            ):
                # A request is described, not just dated: "a booking request form" for a tattoo.
                if not any(f.type == "longtext" for f in fields):
                    fields.append(FieldSpec(key="details", label="Details", type="longtext"))
                config["request"] = True
            if fields:
                config["fields"] = [f.model_dump(exclude_none=True) for f in fields[:6]]
            if re.search(r"\bphone\b|\bmobile\b|\btelephone\b", lowered):
                config["phone"] = True
            if re.search(r"\bnames?\b", lowered):
                config["name_required"] = True
            most = re.search(
                r"\b(\d{1,3})\s*(?:to|-|–)\s*(\d{1,3})\s*(?:people|guests|persons|diners|seats|passengers)", lowered
            )
            if most:
                config["max_seats"] = int(most.group(2))
            if re.search(r"\bby the hour\b|\bhourly\b|\bper hour\b", lowered):
                config["slots"] = [f"{h:02d}:00" for h in range(8, 19)]
                config["nights"] = False
                config["date_label"] = "Date"
            if entity is not None:
                places = [
                    f.key
                    for f in entity.fields
                    if f.type in ("text", "select")
                    and (_PLACE_FIELDS.match(f.key) or _PLACE_FIELDS.match(slug_key(f.label)))
                ]
                if places:
                    config.setdefault("search", places[:2])
                    config.setdefault("open_search", len(places) >= 2)
            uses.append(FeatureUse(feature="booking", **config))
        out.append(page.model_copy(update={"features": uses}))
    return out, entities


def configure_shops(text: str, pages: list[PageSpec], entities: list[Entity]) -> tuple[list[PageSpec], list[Entity]]:
    """Shop and cart options from the brief: filters by the fields it names ("filters by brand
    and size"), a wishlist, and discount codes ("the code SAVE10 gives 10% off")."""
    lowered = text.lower()
    codes = {
        m.group(1).upper(): int(m.group(2))
        for m in re.finditer(r"\b(?:code|coupon|voucher)\s+([A-Za-z0-9]{3,20})\b[^.;%]{0,40}?(\d{1,2})\s*%", text)
    }
    wishlist = bool(re.search(r"\bwish ?list\b|\bfavou?rites?\b|\bheart button\b|\bsave for later\b", lowered))
    by = re.search(
        r"\bfilter(?:s|ing)?\s+(?:by|for|on)\s+([a-z ,&]+?)(?:[.;:!?(]|,\s*(?:product|a|an|the)\b|$)", lowered
    )
    wanted = [f for f in field_list(by.group(1))] if by else []
    out = []
    for page in pages:
        uses = []
        for use in page.features:
            config = use.config()
            if use.feature == "shop":
                entity = next(e for e in entities if e.name == config["entity"])
                if wanted:
                    grown = with_fields(
                        entity, [f.model_copy(update={"type": "text"}) for f in wanted if f.type not in ("money",)]
                    )
                    grown = filled(grown, [f.key for f in wanted])
                    entities = [grown if e.name == entity.name else e for e in entities]
                    config["filters"] = [f.key for f in wanted]
                if wishlist:
                    config["wishlist"] = True
            if use.feature == "cart" and codes:
                config["codes"] = codes
            uses.append(FeatureUse(feature=use.feature, **config))
        out.append(page.model_copy(update={"features": uses}))
    return out, entities


def primary_first(text: str, pages: list[PageSpec], features: dict[str, FeatureDoc]) -> list[PageSpec]:
    """The page doing what the brief is about comes first after home (and so opens on the
    home page): the first page with a feature whose keywords the brief uses, else as is."""
    lowered = text.lower()

    def asked(page: PageSpec) -> tuple[int, int]:
        """(-where the brief first asks for it, how long the phrase is): earlier wins."""
        best = (-len(lowered) - 1, 0)
        for use in page.features:
            doc = features.get(use.feature)
            if doc is None or use.feature in ("collection", "account", "contact"):
                continue
            for phrase in doc.keywords:
                found = re.search(rf"(?<![\w-]){re.escape(phrase.lower())}", lowered)
                if found:
                    best = max(best, (-found.start(), len(phrase)))
        return best

    scores = [asked(p) for p in pages[1:]]
    if not scores or max(scores)[1] == 0:
        return pages
    keeping = re.search(r"\b(?:search|add|track|log|manage|record|list|keep|create|post)\b", lowered)
    if keeping and keeping.start() < -max(scores)[0]:
        # "search stock codes and generate a report": the list comes before what it feeds.
        return pages
    top = 1 + scores.index(max(scores))
    return [pages[0], pages[top], *pages[1:top], *pages[top + 1 :]]


def _with_own_list(page: PageSpec) -> PageSpec:
    """A booking form with the visitor's bookings under it (cancel them where you book)."""
    names = [u.feature for u in page.features]
    if "booking" not in names or "my-bookings" in names:
        return page
    return page.model_copy(
        update={"features": [*page.features, FeatureUse(feature="my-bookings", heading="Your bookings")]}
    )


def admin_page(pages: list[PageSpec], main: Entity | None, have: set[str]) -> PageSpec:
    """What the owner manages: every booking, or the products of a shop, or the main list."""
    if "booking" in have:
        uses = [FeatureUse(feature="my-bookings", all=True, heading="All bookings")]
    elif main is not None:
        uses = [FeatureUse(feature="collection", entity=main.name, heading=f"Manage {main.plural.lower()}")]
    else:
        uses = []
    if "shop" in have or "cart" in have:
        uses.append(FeatureUse(feature="orders", all=True, heading="All orders"))
    return PageSpec(
        slug="admin",
        title="Admin",
        intro="Everything in one place, for the people who run it.",
        features=uses,
        roles=["admin"],
    )


# What a like or a comment is called, by the words the brief uses for it.
_LIKE_LABELS = (("upvote", "Upvote"),)
_COMMENT_LABELS = (("answer", "Answer"), ("repl", "Reply"), ("review", "Review"))


def _with_options(page: PageSpec, entity: str, text: str = "", **options: bool) -> PageSpec:
    lowered = text.lower()
    like = next((label for word, label in _LIKE_LABELS if word in lowered), None)
    comment = next((label for word, label in _COMMENT_LABELS if re.search(rf"\b{word}", lowered)), None)
    uses = []
    for use in page.features:
        config = use.config()
        if use.feature == "collection" and config.get("entity") == entity:
            config.update({k: True for k, v in options.items() if v})
            if options.get("likes") and like:
                config["like_label"] = like
            if options.get("comments") and comment:
                config["comment_label"] = comment
        uses.append(FeatureUse(feature=use.feature, **config))
    return page.model_copy(update={"features": uses})


def shop_pages(pages: list[PageSpec], entities: list[Entity], text: str) -> list[PageSpec]:
    """A shop, a cart and an order history for the thing sold (the entity with a price, or
    products made for the brief), the shop first."""
    product = next((e for e in entities if e.name in PRODUCT_NAMES and any(f.type == "money" for f in e.fields)), None)
    product = product or next((e for e in entities if any(f.type == "money" for f in e.fields)), None)
    if product is None:
        product = generic_product(text)
        entities.append(product)
    price = next(f.key for f in product.fields if f.type == "money")
    config = {"entity": product.name, "price": price}
    shop = PageSpec(
        slug="shop",
        title="Shop",
        intro=f"Browse our {product.plural.lower()} and add them to your cart.",
        features=[FeatureUse(feature="shop", **config)],
    )
    cart = PageSpec(slug="cart", title="Cart", features=[FeatureUse(feature="cart", **config)])
    orders = PageSpec(slug="orders", title="Orders", features=[FeatureUse(feature="orders")])
    rest = [
        p
        for p in pages[1:]
        if not (
            p.features
            and p.features[0].feature == "collection"
            and p.features[0].config().get("entity") == product.name
            and not p.roles.count("admin")
        )
    ]
    return [pages[0], shop, *rest, cart, orders]


def dashboard_page(entities: list[Entity]) -> PageSpec:
    stats = [{"label": e.plural, "entity": e.name, "agg": "count"} for e in entities[:3]]
    for entity in entities[:2]:
        money = next((f for f in entity.fields if f.type in ("money", "number")), None)
        if money:
            stats.append(
                {"label": f"Total {money.label.lower()}", "entity": entity.name, "agg": "sum", "field": money.key}
            )
    chart = None
    for entity in entities:
        by = next((f for f in entity.fields if f.type in ("select", "ref")), None)
        if by:
            chart = {"entity": entity.name, "by": by.key, "title": f"{entity.plural} by {by.label.lower()}"}
            break
    config = {"stats": stats[:4]} | ({"chart": chart} if chart else {})
    return PageSpec(
        slug="dashboard",
        title="Dashboard",
        intro="Counts and charts from your own data.",
        features=[FeatureUse(feature="dashboard", **config)],
    )


def report_page(entity: Entity) -> PageSpec:
    by = next((f for f in entity.fields if f.type in ("select", "ref", "date")), entity.fields[0])
    total = next((f for f in entity.fields if f.type in ("money", "number")), None)
    config = {"entity": entity.name, "group_by": by.key, "title": f"{entity.plural} by {by.label.lower()}"}
    if total:
        config["sum"] = total.key
    return PageSpec(
        slug="report",
        title="Report",
        intro="A summary you can export as CSV or print.",
        features=[FeatureUse(feature="report", **config)],
    )


def _unique_slugs(pages: list[PageSpec]) -> list[PageSpec]:
    seen: set[str] = set()
    out = []
    for page in pages:
        if page.slug in seen:
            continue
        seen.add(page.slug)
        out.append(page)
    return out


# Things people post rather than add: their form's button says "Post".
POSTED = {
    "post", "question", "thread", "discussion", "topic", "story", "poem", "review", "message", "tweet",
    "confession", "update", "article", "answer", "photo", "recipe",
}  # fmt: skip


POSTING = re.compile(
    r"\b(?:users?|people|members?|neighbou?rs|visitors?|students?|readers?|fans?|anyone|everyone|others?|i|we|you|they"
    r"|can|to|and|who|or)\s+(?:can\s+)?post\b|\bposting\b"
)
""""Post" as something people do ("neighbours post lost & found"), not the noun ("like posts")."""


def posting_labels(pages: list[PageSpec], entities: list[Entity], text: str, main: Entity | None) -> list[PageSpec]:
    """Lists of things people post get a "Post" button unless the domain named it, and the
    main list gets one when the brief says people post it, unless the domain's own verb is
    the brief's too ("members start discussions" keeps "Start discussion")."""
    posted = {e.name for e in entities if e.name in POSTED or singular(e.label.lower().split()[-1]) in POSTED}
    lowered = text.lower()
    said_post = main is not None and POSTING.search(lowered) is not None

    def post(use: FeatureUse) -> FeatureUse:
        config = use.config()
        label, entity = config.get("add_label"), config.get("entity")
        if use.feature == "collection" and (
            (entity in posted and not label)
            or (said_post and entity == main.name and label and not _verb_said(label, lowered))
        ):
            return FeatureUse(feature=use.feature, **(config | {"add_label": "Post"}))
        return use

    return map_uses(pages, post)


def _verb_said(label: str, lowered: str) -> bool:
    verb = label.split()[0].lower()
    return re.search(rf"\b{re.escape(verb)}\b", lowered) is not None
