"""The offline reader of app requests: a prompt becomes an `AppSpec`.

It matches the prompt against the catalog's domains (their keyword phrases), takes the
domain's entities, pages and features, then applies what the prompt says outright: the
name, place, language, currency, hours and contact; things to add or track that the domain
lacks (new entities), fields asked for, and features asked for (comments, likes, export,
charts, accounts, bookings, a cart, a calendar, a board). What the prompt states wins.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from autowebiq_app.catalog.schema import DomainDoc, FeatureDoc
from autowebiq_app.engine.brief import SECTION_WORDS, Brief
from autowebiq_app.engine.spec import AppSpec, Entity, Facts, FeatureUse, FieldSpec, Highlight, PageSpec, slug_key

CURRENCIES = (
    ("EUR", r"\beuros?\b|€|\beur\b"),
    ("GBP", r"\bpounds?(?: sterling)?\b|£|\bgbp\b"),
    ("JPY", r"\byen\b|¥|\bjpy\b"),
    ("INR", r"\brupees?\b|₹|\binr\b"),
    ("BRL", r"\breais\b|\breal brasileiro\b|r\$|\bbrl\b"),
    ("CHF", r"\bswiss francs?\b|\bchf\b"),
    ("AUD", r"\baustralian dollars?\b|\baud\b"),
    ("CAD", r"\bcanadian dollars?\b|\bcad\b"),
    ("MXN", r"\bmexican pesos?\b|\bmxn\b"),
    ("NGN", r"\bnaira\b|₦|\bngn\b"),
    ("KES", r"\bkenyan shillings?\b|\bkes\b"),
    ("ZAR", r"\brand\b|\bzar\b"),
    ("USD", r"\bus dollars?\b|\bdollars?\b|\busd\b|\$"),
)
PLACE_CURRENCY = {
    "EUR": ("lisbon", "porto", "portugal", "paris", "france", "berlin", "germany", "madrid", "spain", "barcelona",
            "rome", "italy", "milan", "amsterdam", "dublin", "ireland", "vienna", "brussels", "athens", "helsinki"),
    "GBP": ("london", "bristol", "manchester", "edinburgh", "glasgow", "leeds", "liverpool", "uk", "england",
            "scotland", "wales", "cardiff", "birmingham"),
    "JPY": ("tokyo", "osaka", "kyoto", "japan"),
    "INR": ("mumbai", "delhi", "bangalore", "bengaluru", "india", "chennai", "kolkata"),
    "BRL": ("são paulo", "sao paulo", "rio de janeiro", "brazil"),
    "CAD": ("toronto", "vancouver", "montreal", "canada"),
    "AUD": ("sydney", "melbourne", "australia", "brisbane"),
}  # fmt: skip
LANGUAGE_WORDS = {
    "es": r"\b(?:in spanish|en español|en espanol|spanish[- ]language)\b",
    "fr": r"\b(?:in french|en français|en francais|french[- ]language)\b",
    "pt": r"\b(?:in portuguese|em português|em portugues|portuguese[- ]language)\b",
    "de": r"\b(?:in german|auf deutsch|german[- ]language)\b",
    "it": r"\b(?:in italian|in italiano|italian[- ]language)\b",
}
# Features a prompt can ask for by name, added to the page of the main entity or as a page.
_ASKS = {
    "comments": r"\bcomments?\b|\bcommenting\b|\breplies\b|\breply\b",
    "likes": r"\blikes?\b|\bupvotes?\b|\bfavou?rites?\b|\bhearts?\b",
    "report": r"\breports?\b|\bexport\b|\bcsv\b|\bspreadsheet\b|\bprint(?:able)?\b",
    "dashboard": r"\bdashboards?\b|\bstatistics\b|\bstats\b|\bcharts?\b|\bgraphs?\b|\banalytics\b|\bsummary\b|\btotals?\b",
    "account": r"\bsign[- ]?in\b|\blog[- ]?in\b|\bregist(?:er|ration)\b|\baccounts?\b|\bsign[- ]?up\b|\bprofiles?\b",
    "contact": r"\bcontact (?:form|us|page)\b|\benquir(?:y|ies)\b|\binquir(?:y|ies)\b",
    "calendar": r"\bcalendar\b",
    "kanban": r"\bkanban\b|\btask board\b|\bboard with columns\b",
    "booking": r"\bbook (?:a|an|the|my|your|their|tickets?|seats?|rooms?|tables?|classes|appointments?|slots?)\b"
    r"|\bbookings?\b|\breserv(?:e|ation|ations)\b|\bappointments?\b",
    "shop": r"\b(?:add to )?cart\b|\bcheck ?out\b|\bbuy\b|\bpurchase\b|\border online\b|\bsell(?:ing|s)? online\b"
    r"|\bonline (?:[a-z-]+ )?(?:shop|store)\b|\bwishlist\b|\bdiscount codes?\b",
    "admin": r"\badmin(?:istrator)?s?\b|\bback[- ]?office\b|\bstaff (?:page|view)\b|\bowner\b",
    "upload": r"\bupload\b|\bphotos? of\b|\bimages? of\b|\battach\b",
}
# Sections a brief can ask for that an app renders with its own features.
_APP_SECTIONS = {"booking", "contact", "products", "search", "menu", "charts", "table", "stats", "hours", "logos"}
# Sections only a page of sections has: a brief asking for them without things to keep is a
# marketing site ("a gym site with an FAQ, a map and testimonials").
_PAGE_ONLY = {"pricing", "faq", "testimonials", "gallery", "team", "newsletter", "countdown", "timeline", "tabs", "map"}
_APP_ASKS = {
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
    "upload",
}
_APP_VERBS = (
    r"\b(?:add|adding|track|tracking|manage|managing|log|logging|record|recording|keep track of|list|organi[sz]e"
    r"|catalog(?:ue)?|create|post|posting|share|sharing|save|browse|search|rate|review|upload|plan|schedule"
    r"|ask|asks|answer|answers|start|starts|write|writes|publish|submit|reply to|upvote|vote on)"
)
_NOUN = r"([a-z][a-z-]{2,24})"
_NOT_ENTITIES = {
    "a", "an", "the", "and", "or", "them", "it", "things", "stuff", "data", "items", "new", "more", "some",
    "colour", "color", "colours", "colors", "section", "sections", "page", "pages", "button", "buttons", "text",
    "feature", "features", "website", "site", "app", "dark", "light", "mode", "logo", "menu", "link", "links", "search",
    "filter", "filters", "sort", "dashboard", "chart", "charts", "statistics", "report", "reports", "export", "it's",
    "their", "my", "our", "your", "each", "every", "all", "any", "one", "two", "three", "can", "to", "of", "in",
    "comment", "comments", "like", "likes", "account", "accounts", "profile", "details", "info", "information",
    "box", "bar", "cart", "checkout", "basket", "field", "form", "heart", "price", "prices", "history",
    "wishlist", "people", "user", "users", "customer", "customers", "visitor", "visitors", "time", "way", "option",
}  # fmt: skip


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
    text = brief.prompt
    match = match_domain(text, domains)
    described = described_entities(text)
    nouns = tracked_nouns(text)
    lowered = text.lower()
    asks = {name for name, pattern in _ASKS.items() if re.search(pattern, lowered)}
    doing = bool(nouns or described or asks & _APP_ASKS)
    if match is None and not doing:
        return None
    if (set(brief.wanted) | set(brief.forbidden)) & _PAGE_ONLY and not (nouns or described):
        # "A gym site with an FAQ and a map, no pricing": a page of sections, not an app.
        return None
    if "shop" in asks and (match is None or match.domain.kind != "shops"):
        nouns = nouns[1:]  # the first thing named is what the shop sells (shop_pages names it)
    domain = match.domain if match else None
    entities = [Entity.model_validate(raw) for raw in domain.entities] if domain else []
    pages = [PageSpec.model_validate(raw) for raw in domain.pages] if domain else [PageSpec(slug="home", title="Home")]
    main = _main_entity(entities, pages)
    added: list[PageSpec] = []
    tracked: list[PageSpec] = []
    for noun, fields in described.items():
        known = next((e for e in entities if _same_thing(noun, e)), None)
        if known is None and main is not None and _overlap(main, fields) >= 2:
            known = renamed_entity(main, noun)
            entities = [known if e is main else e for e in entities]
            pages = [_retitled(p, main, known) for p in pages]
            main = known
        if known is not None:
            grown = _with_fields(known, fields)
            entities = [grown if e is known else e for e in entities]
            main = grown if main is known else main
            continue
        entity = borrowed_entity(noun, domains, entities) or (
            described_entity(noun, fields) if len(fields) >= 2 else generic_entity(noun, fields)
        )
        entity = _with_fields(entity, fields)
        entities.append(entity)
        added.append(collection_page(entity))
        main = main if main is not None and domain and _mentioned(main, text) else entity
    for index, noun in enumerate(nouns):
        if noun in described or any(_same_thing(noun, e) for e in entities):
            continue
        if index == 0 and main is not None and domain and not _mentioned(main, text) and not added:
            renamed = renamed_entity(main, noun)
            entities = [renamed if e is main else e for e in entities]
            pages = [_retitled(p, main, renamed) for p in pages]
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
    for noun in reversed(list(described)):
        # What the brief describes field by field is what it is about: its list comes first.
        entity = next((e for e in entities if _same_thing(noun, e)), None)
        listing = next(
            (p for p in pages[1:] if entity and p.features and p.features[0].config().get("entity") == entity.name),
            None,
        )
        if listing is not None:
            pages = [pages[0], listing, *[p for p in pages[1:] if p is not listing]]
    if main is not None:
        main = next(e for e in entities if e.name == main.name)
        extra = option_fields(text) + parenthesised_choices(text) + posted_kinds(text) + mark_fields(text)
        extra += [] if described else fields_asked(text)
        if extra:
            grown = _with_fields(main, extra)
            entities = [grown if e.name == main.name else e for e in entities]
            main = grown
    pages = add_asked_features(text, pages, entities, main, features)
    entities = [_with_products(e, brief.offerings) if _is_product(e) else e for e in entities]
    facts = read_facts(brief, domain, seed=seed, sold=next((e.label for e in entities if _is_product(e)), None))
    pages, entities = configure_bookings(text, pages, entities)
    pages, entities = configure_shops(text, pages, entities)
    pages = primary_first(text, pages, features)
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


_GENERIC_NAMES = ("Ledgerly", "Listwise", "Keeptrack", "Tally")


def read_facts(brief: Brief, domain: DomainDoc | None, *, seed: int, sold: str | None = None) -> Facts:
    text = brief.prompt
    name = brief.name or leading_name(text)
    subject = brief.subject or (domain.subject if domain else "app")
    named = bool(name)
    if not name and domain is None and sold and sold.lower() != "product":
        # A shop nobody named: what it sells, and where ("Kerala Spice Co.").
        name = " ".join(part for part in (brief.place, sold.capitalize(), "Co.") if part)
    if not name:
        choices = domain.names if domain else _GENERIC_NAMES
        digest = hashlib.sha256(f"{seed}|{text}".encode()).digest()
        name = choices[digest[0] % len(choices)]
    currency = currency_of(text) or (domain.currency if domain and domain.currency else None)
    currency = currency or currency_for_place(brief.place) or "USD"
    place = brief.place
    tagline = (domain.tagline if domain else "Everything in one place.").replace("{name}", name)
    tagline = tagline.replace("{place}", place or "")
    return Facts(
        name=name[:80],
        named_by_user=named,
        subject=subject[:80],
        place=place,
        language=language_of(text),
        currency=currency,
        products=list(brief.offerings)[:12],
        hours=hours_of(text),
        contact=contact_of(text),
        tagline=tagline[:160],
        description=(domain.description if domain else "")[:300],
    )


_CAPS = r"[A-Z][\w'’.&-]*(?:\s+(?:&\s+)?[A-Z][\w'’.&-]*){0,3}"
_LEADING_NAMES = (
    rf"^\s*[\"“]?({_CAPS})[\"”]?\s*[,:–—-]\s+(?:a|an|the|my|our)\b",
    rf"^\s*[\"“]?({_CAPS})[\"”]?\s+(?:is|are)\s+(?:a|an|the|our|my)\b",
    rf"\b(?:at|by)\s+({_CAPS})",
    rf"\b(?:our|my)\s+[a-z][a-z ]{{1,30}},\s+({_CAPS})",
)
_NOT_NAMES = {
    "build",
    "create",
    "make",
    "please",
    "hi",
    "hello",
    "i",
    "we",
    "my",
    "our",
    "this",
    "it",
    "the",
    "a",
    "an",
}


def leading_name(text: str) -> str | None:
    """A name the brief gives without "called": "Pão Dourado, a bakery in Lisbon",
    "Forno Azul is a bakery", "HR at Northwind Logistics"."""
    opened = re.sub(r"^\s*(?:please\s+)?(?:build|create|make|design)\s+(?:me\s+|us\s+)?", "", text, flags=re.I)
    for pattern in _LEADING_NAMES:
        match = re.search(pattern, opened)
        if not match:
            continue
        name = re.split(r"(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bSt)\.\s", match.group(1))[0].strip(" .,")
        first = name.split()[0].lower()
        titled = first == "the" and len(name.split()) >= 2  # "The Inkwell Circle"
        if (first not in _NOT_NAMES or titled) and (pattern not in _LEADING_NAMES[2:] or len(name.split()) >= 2):
            return name
    return None


def currency_of(text: str) -> str | None:
    lowered = text.lower()
    hits = [(m.start(), code) for code, pattern in CURRENCIES for m in re.finditer(pattern, lowered)]
    return min(hits)[1] if hits else None


def currency_for_place(place: str | None) -> str | None:
    if not place:
        return None
    lowered = place.lower()
    return next((code for code, places in PLACE_CURRENCY.items() if any(p in lowered for p in places)), None)


def language_of(text: str) -> str:
    lowered = text.lower()
    return next((code for code, pattern in LANGUAGE_WORDS.items() if re.search(pattern, lowered)), "en")


def hours_of(text: str) -> str | None:
    match = re.search(
        r"\b(?:open(?:ing hours)?|hours)\s*(?::|are|is)?\s*((?:mon|tue|wed|thu|fri|sat|sun|daily|every|weekdays|\d)"
        r"[^.;!?]{2,80})",
        text,
        flags=re.I,
    )
    return match.group(1).strip(" ,") if match else None


def contact_of(text: str) -> str | None:
    parts = re.findall(r"[\w.+-]+@[\w-]+\.[\w.-]+|\+?\d[\d ()-]{7,}\d", text)
    return " · ".join(p.strip() for p in parts[:2]) or None


def tracked_nouns(text: str) -> list[str]:
    """Things the prompt wants to add, track or manage: "add clients and log calls" ->
    ["client", "call"]; "manage orders from cafés, our products, and invoices" -> all three."""
    lowered = text.lower()
    found: list[str] = []
    for match in re.finditer(_APP_VERBS + r"\s+([^.;:!?()]+)", lowered):
        if re.match(r"(?:post|share)\w*\s+[a-z&' -]+?(?:,\s*[a-z&' -]+?)*,?\s+(?:and|or)\s", match.group(0)):
            continue
        phrase = re.split(r"\b(?:so|that|which|where|to|with|while|then|for|by|when|if|in|on|about)\b", match.group(1))[
            0
        ]
        for part in re.split(r",\s*|\s+and\s+|\s+or\s+|\s*&\s*", phrase)[:4]:
            part = re.split(r"\b(?:from|of|per|at)\b", part)[0]
            words = [
                w
                for w in re.findall(r"[a-z][a-z-]+", part)
                if w not in ("my", "our", "their", "the", "new", "your", "all", "daily", "a", "an", "each")
            ]
            if not words:
                continue
            noun = singular(words[-1])
            if len(words) > 3 or noun in _NOT_ENTITIES or _names_a_section(noun) or re.match(_APP_VERBS, noun):
                continue
            if noun not in found:
                found.append(noun)
    return found[:4]


_DESCRIBED = (
    r"\beach\s+([a-z][a-z-]{2,24})\s+(?:has|have|includes?|shows?|needs?|gets?|records?|stores?|is given)\s+(?:an?\s+|the\s+|its\s+)?(.+)",
    _APP_VERBS
    + r"\s+(?:(?:my|our|their|the|new|your|all)\s+)*([a-z][a-z-]{2,24})\s+(?:with|including|that have|having)\s+(?:an?\s+|the\s+|their\s+)?(.+)",
    r"\b([a-z][a-z-]{2,24})\s+(?:with|having)\s+(?:the\s+)?fields?\s+(.+)",
    _APP_VERBS + r"\s+(?:(?:my|our|their|the|new|your|all)\s+)*([a-z][a-z-]{2,24})\s*\(([^()]+)\)",
)
_ITEM = r"[A-Z][\w'-]*(?: [A-Z][\w'-]*)?"
_OPTION_LIST = re.compile(
    r"\b((?i:stages?|status(?:es)?|categor(?:y|ies)|types?|priorit(?:y|ies)|levels?|departments?|rooms?|sizes?|genres?|tags?))"
    rf"\s*(?:of|like|such as|called|named|:|\()?\s*({_ITEM}(?:,\s*{_ITEM})*,?\s+(?:and|or)\s+{_ITEM}|{_ITEM}(?:,\s*{_ITEM})+)",
)
_FIELD_STOP_VERBS = {
    "highlight", "see", "show", "mark", "track", "add", "get", "send", "make", "let", "allow", "sort", "filter", "search",
    "export", "print", "view", "edit", "delete", "book", "log", "use", "display", "generate", "calculate", "compute",
    "answer", "upvote", "reply", "like", "comment", "vote", "rate", "share", "post", "flip", "start", "ask",
}  # fmt: skip


def described_entities(text: str) -> dict[str, list[FieldSpec]]:
    """Things the prompt describes field by field: "each deal has a title, a company and a
    value" -> {"deal": [Title, Company, Value]}."""
    found: dict[str, list[FieldSpec]] = {}
    for pattern in _DESCRIBED:
        for match in re.finditer(pattern, text, flags=re.I):
            noun = singular(match.group(1).lower())
            if noun in _NOT_ENTITIES or noun in found:
                continue
            fields = field_list(match.group(2))
            if fields:
                found[noun] = fields
    return found


def option_fields(text: str) -> list[FieldSpec]:
    """Choices the prompt lists: "stages Lead, Qualified, Won and Lost" -> a Stage select."""
    fields = []
    for match in _OPTION_LIST.finditer(text):
        word = singular(match.group(1).lower())
        word = {"statuse": "status", "categorie": "category", "prioritie": "priority"}.get(word, word)
        options = [o.strip() for o in re.split(r",\s*|\s+(?:and|or)\s+", match.group(2)) if o.strip()]
        options = list(dict.fromkeys(options))
        if 2 <= len(options) <= 12:
            fields.append(
                FieldSpec(key=slug_key(word), label=word.capitalize(), type="select", options=options, required=True)
            )
    return fields


_NOT_FIELDS = {
    "them",
    "it",
    "us",
    "me",
    "you",
    "others",
    "friends",
    "people",
    "everyone",
    "ease",
    "style",
    "care",
    "love",
}
# Things a brief lists beside fields that are features, not fields ("with filters, a cart").
_FEATURE_WORDS = {
    "filters", "filter", "search", "cart", "checkout", "pages", "page", "dashboard", "login", "account", "accounts",
    "chart", "charts", "calendar", "wishlist", "comments", "likes", "map", "admin", "export", "reports", "report",
    "product", "notifications", "statistics", "stats", "leaderboard", "a", "an",
}  # fmt: skip


def mark_fields(text: str) -> list[FieldSpec]:
    """ "mark them done", "mark invoices as paid" -> a yes/no field of that name."""
    fields = []
    for match in re.finditer(
        r"\b(?:mark|tick|check off|flag)\s+(?:[a-z]+\s+){0,2}?(?:as\s+)?(done|complete|completed|paid|read|finished|returned|shipped|resolved|delivered|watched|visited|attended|sold|favou?rite)\b",
        text,
        flags=re.I,
    ):
        word = match.group(1).lower()
        fields.append(FieldSpec(key=slug_key(word), label=word.capitalize(), type="bool"))
    return fields[:2]


def field_list(phrase: str) -> list[FieldSpec]:
    """ "a title, a company and a value in dollars" -> typed fields (stops at a new clause)."""
    phrase = re.split(r"[.;:!?()]|\b(?:so that|which|where|then|while)\b", phrase)[0]
    fields: list[FieldSpec] = []
    for part in re.split(r",\s*|\s+(?:and|&)\s+|\s+plus\s+", phrase):
        label = re.sub(r"^(?:and|or|an?|the|their|its|his|her|optional)\s+", "", part.strip(), flags=re.I)
        label = re.sub(r"^(?:an?|the|their|its)\s+", "", label, flags=re.I).strip(" '\"")
        label = re.split(r"\s+(?:in|for|to|on|of the|so|that|from|as)\b", label)[0].strip()
        words = label.split()
        if words and words[0].lower() in _NOT_FIELDS:
            break
        if words and (words[0].lower() in _FEATURE_WORDS or words[-1].lower() in _FEATURE_WORDS):
            continue
        if not words or len(words) > 3 or words[0].lower() in _FIELD_STOP_VERBS or not re.match(r"^[\w' -]+$", label):
            if fields:
                break
            continue
        key = slug_key(label)
        if key not in {f.key for f in fields}:
            fields.append(FieldSpec(key=key, label=label[:1].upper() + label[1:], type=field_type(label)))
    return fields[:10]


def _names_a_section(noun: str) -> bool:
    """ "add pricing and a FAQ": words that name a page section, never things to keep records of."""
    return noun in ("pricing", "faq", "form") or any(
        singular(word.split()[-1]) == noun
        for kind, words in SECTION_WORDS.items()
        if kind not in _APP_SECTIONS
        for word in words
    )


def singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def plural_of(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def _same_thing(noun: str, entity: Entity) -> bool:
    words = {entity.name, singular(entity.label.lower()), singular(entity.plural.lower())}
    words |= {singular(w) for w in entity.plural.lower().split()}
    return noun in words or noun.replace("-", "_") == entity.name


_VAGUE_NOUNS = {"item", "thing", "entry", "record", "post", "note", "list", "detail", "lost", "found", "event"}


def posted_kinds(text: str) -> list[FieldSpec]:
    """ "neighbours post lost & found, events and items for sale" -> a Category with those
    kinds: what people post on a board are kinds of post, not separate lists."""
    match = re.search(
        r"\b(?:post|posts|share|shares)\s+([a-z&' -]+?(?:,\s*[a-z&' -]+?)*,?\s+(?:and|or)\s+[a-z&' -]+?)(?=[.;:!?]|$)",
        text,
        flags=re.I,
    )
    if not match:
        return []
    kinds = [k.strip().capitalize() for k in re.split(r",\s*|\s+(?:and|or)\s+", match.group(1)) if k.strip()]
    if not 2 <= len(kinds) <= 8 or any(len(k.split()) > 4 for k in kinds):
        return []
    return [FieldSpec(key="category", label="Category", type="select", options=kinds, required=True)]


def borrowed_entity(noun: str, domains: dict[str, DomainDoc], present: list[Entity]) -> Entity | None:
    """The entity another domain has for this noun ("invoice" from the invoicing domain), its
    links to entities this app lacks kept as plain text."""
    names = {e.name for e in present}
    if noun in _VAGUE_NOUNS:
        return None
    for slug in sorted(domains, key=lambda slug: (not domains[slug].generic, slug)):
        for raw in domains[slug].entities:
            entity = Entity.model_validate(raw)
            if not _same_thing(noun, entity) or entity.name in names:
                continue
            fields = [
                f.model_copy(update={"type": "text", "ref": None}) if f.type == "ref" and f.ref not in names else f
                for f in entity.fields
            ]
            return entity.model_copy(update={"fields": fields})
    return None


def generic_entity(noun: str, asked: list[FieldSpec] | None = None) -> Entity:
    """An entity for something the domains do not know: a name, a status, a date and notes,
    with the fields asked for in place of the general ones of the same kind."""
    entity = _generic(noun)
    if not asked:
        return entity
    kinds = {f.type for f in asked}
    keep = [f for f in entity.fields if f.key == entity.title or f.type not in kinds]
    records = [{k: v for k, v in r.items() if k in {f.key for f in keep}} for r in entity.records]
    return _with_fields(entity.model_copy(update={"fields": keep, "records": records}), asked)


def _generic(noun: str) -> Entity:
    label = noun.replace("-", " ").capitalize()
    if noun in _WRITTEN:
        return Entity(
            name=slug_key(noun),
            label=label,
            plural=plural_of(label),
            title="title",
            fields=[
                FieldSpec(key="title", label="Title", type="text", required=True),
                FieldSpec(key="details", label="Details", type="longtext"),
                FieldSpec(key="author", label="Your name", type="text"),
                FieldSpec(key="date", label="Date", type="date"),
            ],
            records=[
                {
                    "title": f"Welcome: the first {noun}",
                    "details": "Say hello here and tell us what you would like to see.",
                    "author": "Sam",
                    "date": "2026-11-20",
                },
                {
                    "title": f"A {noun} about getting started",
                    "details": "Tips for newcomers, collected by the community.",
                    "author": "Priya",
                    "date": "2026-11-24",
                },
                {
                    "title": f"Your favourite {noun} this month",
                    "details": "Share the one that stayed with you.",
                    "author": "Jonas",
                    "date": "2026-11-28",
                },
            ],
        )
    return Entity(
        name=slug_key(noun),
        label=label,
        plural=plural_of(label),
        title="name",
        fields=[
            FieldSpec(key="name", label="Name", type="text", required=True),
            FieldSpec(key="category", label="Category", type="text"),
            FieldSpec(key="date", label="Date", type="date"),
            FieldSpec(key="status", label="Status", type="select", options=["New", "In progress", "Done"]),
            FieldSpec(key="notes", label="Notes", type="longtext"),
        ],
        records=[
            {"name": f"First {noun.replace('-', ' ')}", "category": "General", "date": "2026-12-01", "status": "New"},
            {
                "name": f"Second {noun.replace('-', ' ')}",
                "category": "General",
                "date": "2026-12-03",
                "status": "In progress",
            },
            {"name": f"Third {noun.replace('-', ' ')}", "category": "Other", "date": "2026-12-07", "status": "Done"},
        ],
    )


# Things people write, named by a title and told in details.
_WRITTEN = {
    "question",
    "post",
    "article",
    "thread",
    "discussion",
    "topic",
    "story",
    "idea",
    "ticket",
    "issue",
    "poem",
    "review",
    "entry",
}
_TITLE_WORDS = ("title", "name", "subject", "headline", "summary", "description", "code")


def described_entity(noun: str, fields: list[FieldSpec]) -> Entity:
    """An entity made of the fields the prompt lists, with a name first if it lists none,
    and a few sample records so lists, search and filters have something to show."""
    fields = list(fields)
    title = next((f for w in _TITLE_WORDS for f in fields if f.type == "text" and w in f.label.lower()), None)
    if title is None:
        written = noun in _WRITTEN
        title = (
            FieldSpec(key="title", label="Title", type="text")
            if written
            else FieldSpec(key="name", label="Name", type="text")
        )
        fields.insert(0, title)
        if written and not any(f.type == "longtext" for f in fields):
            fields.insert(1, FieldSpec(key="details", label="Details", type="longtext"))
    fields = [f.model_copy(update={"required": True}) if f.key == title.key else f for f in fields]
    label = noun.replace("-", " ").capitalize()
    return Entity(
        name=slug_key(noun),
        label=label,
        plural=plural_of(label),
        title=title.key,
        fields=fields,
        records=[_sample(fields, title.key, label, n) for n in range(1, 4)],
    )


def _sample(fields: list[FieldSpec], title: str, label: str, n: int) -> dict:
    values: dict = {}
    for f in fields:
        if f.key == title:
            values[f.key] = f"{label} {n}"
        elif f.type == "money":
            values[f.key] = [120, 45, 980][n - 1]
        elif f.type == "number":
            values[f.key] = [3, 12, 7][n - 1]
        elif f.type == "date":
            values[f.key] = ["2026-12-04", "2026-12-11", "2026-12-18"][n - 1]
        elif f.type == "select" and f.options:
            values[f.key] = f.options[(n - 1) % len(f.options)]
        elif f.type == "bool":
            values[f.key] = n == 2
    return values


def renamed_entity(entity: Entity, noun: str) -> Entity:
    """The domain's main entity called what the prompt calls it ("track products")."""
    label = noun.replace("-", " ").capitalize()
    return entity.model_copy(update={"label": label, "plural": plural_of(label)})


def _retitled(page: PageSpec, old: Entity, new: Entity) -> PageSpec:
    """A page listing the renamed entity takes its new name."""
    first = page.features[0].config() if page.features else {}
    if page.features and page.features[0].feature == "collection" and first.get("entity") == old.name:
        return page.model_copy(update={"title": new.plural, "nav": None})
    return page


def _overlap(entity: Entity, fields: list[FieldSpec]) -> int:
    """How many of `fields` the entity already has (by key or label)."""
    have = {f.key for f in entity.fields} | {slug_key(f.label) for f in entity.fields}
    return sum(1 for f in fields if f.key in have)


def _mentioned(entity: Entity, text: str) -> bool:
    lowered = text.lower()
    words = {entity.label.lower(), entity.plural.lower(), entity.name.replace("_", " ")}
    return any(re.search(rf"\b{re.escape(w)}\b", lowered) for w in words)


def collection_page(entity: Entity) -> PageSpec:
    selects = [f.key for f in entity.fields if f.type in ("select", "ref", "bool")]
    return PageSpec(
        slug=re.sub(r"[^a-z0-9]+", "-", entity.plural.lower()).strip("-")[:40] or entity.name.replace("_", "-"),
        title=entity.plural,
        intro=f"Add, find and update your {entity.plural.lower()}.",
        features=[FeatureUse(feature="collection", entity=entity.name, filters=selects[:2])],
    )


def fields_asked(text: str) -> list[FieldSpec]:
    """Fields listed for the app as a whole: "with name, phone, birthday and notes"."""
    fields: list[FieldSpec] = []
    for match in re.finditer(r"\b(?:with|including|fields?(?: for)?|having)\s+(.+)", text, flags=re.I):
        listed = field_list(match.group(1))
        if len(listed) >= 2:
            fields += [f for f in listed if f.key not in {g.key for g in fields}]
    return fields[:10]


def field_type(label: str) -> str:
    lowered = label.lower()
    rules = (
        ("email", r"e-?mail"),
        ("phone", r"phone|mobile|telephone"),
        ("date", r"date|birthday|deadline|due|day\b|dob"),
        ("time", r"\btime\b"),
        ("money", r"price|cost|amount|salary|budget|fee|total|revenue|balance|value|spen[dt]|income|expense|wage"),
        ("number", r"quantity|qty|count|number|age|stock|score|hours|rating|level|weight|height|calories"),
        ("url", r"website|url|link"),
        ("longtext", r"notes?|description|comments?|bio|details|summary|address"),
        ("image", r"photo|image|picture|avatar"),
        ("bool", r"done|completed|paid|active\b|available"),
    )
    return next((kind for kind, pattern in rules if re.search(pattern, lowered)), "text")


def _with_fields(entity: Entity, asked: list[FieldSpec]) -> Entity:
    """The entity with the fields asked for: new ones added, listed choices replacing a
    select's options (records keep only values still allowed)."""
    by_key = {f.key: f for f in entity.fields} | {slug_key(f.label): f for f in entity.fields}
    fields = list(entity.fields)
    records = [dict(r) for r in entity.records]
    added: list[FieldSpec] = []
    for wanted in asked:
        same = by_key.get(wanted.key) or next((f for f in fields if f.label.lower() == wanted.label.lower()), None)
        if same is None:
            # What the prompt asks for comes first after the name, so cards show it.
            at = next((i + 1 for i, f in enumerate(fields) if f.key == entity.title), len(fields))
            at += sum(1 for f in fields[at:] if f in added)
            fields.insert(at, wanted)
            added.append(wanted)
        elif wanted.type == "select" and same.type == "select" and wanted.options != same.options:
            fields = [same.model_copy(update={"options": wanted.options}) if f is same else f for f in fields]
            for index, record in enumerate(records):
                if record.get(same.key) not in wanted.options:
                    record[same.key] = wanted.options[index % len(wanted.options)]
    return entity.model_copy(update={"fields": fields[:20], "records": records})


def _main_entity(entities: list[Entity], pages: list[PageSpec]) -> Entity | None:
    for page in pages:
        for use in page.features:
            name = use.config().get("entity")
            if name:
                return next((e for e in entities if e.name == name), None)
    return entities[0] if entities else None


def _is_product(entity: Entity) -> bool:
    return entity.name in ("product", "item", "menu_item", "dish") and any(f.type == "money" for f in entity.fields)


def _with_products(entity: Entity, offerings: tuple[str, ...]) -> Entity:
    """The brief's own products first, priced like the domain's samples."""
    offerings = tuple(
        o for o in offerings if o.split()[0].lower() not in ("prices", "price", "delivery", "shipping", "free")
    )
    if not offerings:
        return entity
    prices = sorted(
        r.get(f.key)
        for r in entity.records
        for f in entity.fields
        if f.type == "money" and isinstance(r.get(f.key), int | float)
    )
    price = prices[len(prices) // 2] if prices else 10
    money = next(f.key for f in entity.fields if f.type == "money")
    template = entity.records[0] if entity.records else {}
    named = [
        {
            **{k: v for k, v in template.items() if k not in (entity.title, money)},
            entity.title: offering.capitalize(),
            money: price,
        }
        for offering in offerings
    ]
    known = {o.lower() for o in offerings}
    rest = [r for r in entity.records if str(r.get(entity.title, "")).lower() not in known]
    return entity.model_copy(update={"records": (named + rest)[:60]})


def add_asked_features(
    text: str, pages: list[PageSpec], entities: list[Entity], main: Entity | None, features: dict[str, FeatureDoc]
) -> list[PageSpec]:
    """Pages and options for the features the prompt names that the pages lack."""
    lowered = text.lower()
    asked = {name for name, pattern in _ASKS.items() if re.search(pattern, lowered)}
    have = {use.feature for page in pages for use in page.features}
    pages = list(pages)
    if main is not None:
        if "comments" in asked or "likes" in asked:
            pages = [_with_options(p, main.name, comments="comments" in asked, likes="likes" in asked) for p in pages]
        if "upload" in asked and not any(f.type == "image" for f in main.fields):
            photo = FieldSpec(key="photo", label="Photo", type="image")
            entities[entities.index(main)] = main.model_copy(update={"fields": [*main.fields, photo]})
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
                if entity is not None and _same_thing(singular(option.key), entity):
                    entity = _named_records(entity, option.options)
                    entities = [entity if e.name == entity.name else e for e in entities]
                elif option.key not in {f.key for f in fields}:
                    fields.append(option)
            for field in booking_details(text):
                if field.key not in _BOOKING_PLAIN and field.key not in {f.key for f in fields}:
                    if entity is None or not _same_thing(singular(field.key), entity):
                        fields.append(field)
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
                places = [f.key for f in entity.fields if f.type in ("text", "select") and _PLACE_FIELDS.match(f.key)]
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
                    grown = _with_fields(
                        entity, [f.model_copy(update={"type": "text"}) for f in wanted if f.type not in ("money",)]
                    )
                    grown = _filled(grown, [f.key for f in wanted])
                    entities = [grown if e.name == entity.name else e for e in entities]
                    config["filters"] = [f.key for f in wanted]
                if wishlist:
                    config["wishlist"] = True
            if use.feature == "cart" and codes:
                config["codes"] = codes
            uses.append(FeatureUse(feature=use.feature, **config))
        out.append(page.model_copy(update={"features": uses}))
    return out, entities


_FILL_VALUES = {
    "brand": ["Northpeak", "Solstice", "Kestrel", "Harbor"], "size": ["38", "39", "40", "41", "42", "43", "44"],
    "colour": ["Black", "White", "Green", "Navy"], "color": ["Black", "White", "Green", "Navy"],
    "material": ["Cotton", "Leather", "Wool", "Linen"], "origin": ["Local", "Imported"],
}  # fmt: skip


def _filled(entity: Entity, keys: list[str]) -> Entity:
    """Sample records given values for fields they lack, so filters on them find something."""
    records = []
    for index, record in enumerate(entity.records):
        record = dict(record)
        for key in keys:
            if record.get(key) in (None, ""):
                values = _FILL_VALUES.get(key, ["A", "B", "C"])
                record[key] = values[index % len(values)]
        records.append(record)
    return entity.model_copy(update={"records": records})


def parenthesised_choices(text: str) -> list[FieldSpec]:
    """ "choose a service (cut, colour, blow-dry)" -> a Service select with those choices."""
    fields = []
    for match in re.finditer(r"\b([a-z][a-z-]{2,20})\s*\(([^()]{3,120})\)", text, flags=re.I):
        options = [o.strip().strip(".") for o in re.split(r",\s*|\s+(?:and|or)\s+", match.group(2)) if o.strip()]
        if 2 <= len(options) <= 12 and all(len(o.split()) <= 3 and not re.search(r"\d", o) for o in options):
            word = singular(match.group(1).lower())
            fields.append(
                FieldSpec(
                    key=slug_key(word),
                    label=word.capitalize(),
                    type="select",
                    options=[o[:1].upper() + o[1:] for o in options],
                    required=True,
                )
            )
    return fields


def booking_details(text: str) -> list[FieldSpec]:
    """What the customer gives when booking: "pick a stylist, a date and a time", "with a title"."""
    fields: list[FieldSpec] = []
    pattern = r"\b(?:choose|chooses|pick|picks|select|selects|enter|enters|give|gives|provide|with)\s+(?:their\s+|a\s+|an\s+|the\s+)?(.+)"
    for match in re.finditer(pattern, text, flags=re.I):
        phrase = re.sub(r"\([^)]*\)", "", match.group(1))
        for field in field_list(phrase):
            if field.key not in {f.key for f in fields}:
                fields.append(field)
    return fields


def _named_records(entity: Entity, names: list[str]) -> Entity:
    """The entity's records renamed to the names the brief gives, other values kept."""
    samples = entity.records or [{}]
    records = [{**samples[i % len(samples)], entity.title: name} for i, name in enumerate(names)]
    return entity.model_copy(update={"records": records})


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


def _with_options(page: PageSpec, entity: str, **options: bool) -> PageSpec:
    uses = []
    for use in page.features:
        config = use.config()
        if use.feature == "collection" and config.get("entity") == entity:
            config.update({k: True for k, v in options.items() if v})
        uses.append(FeatureUse(feature=use.feature, **config))
    return page.model_copy(update={"features": uses})


_PRODUCT_NAMES = ("product", "item", "dish", "menu_item", "pastry", "plant", "tea")


def shop_pages(pages: list[PageSpec], entities: list[Entity], text: str) -> list[PageSpec]:
    """A shop, a cart and an order history for the thing sold (the entity with a price, or
    products made for the brief), the shop first."""
    product = next((e for e in entities if e.name in _PRODUCT_NAMES and any(f.type == "money" for f in e.fields)), None)
    product = product or next((e for e in entities if any(f.type == "money" for f in e.fields)), None)
    if product is None:
        product = _generic_product(text)
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


def _generic_product(text: str) -> Entity:
    """Products for a shop the domains do not know, named after what the brief sells."""
    sold = re.search(r"\b([a-z][a-z-]{2,20})\s+(?:shop|store|boutique|stall|seller)\b", text.lower())
    noun = (
        next(iter(tracked_nouns(text)), None)
        or (
            singular(sold.group(1))
            if sold
            and sold.group(1)
            not in ("online", "small", "little", "web", "e-commerce", "ecommerce", "my", "our", "a", "an")
            else None
        )
        or "product"
    )
    label = noun.replace("-", " ").capitalize()
    return Entity(
        name="product",
        label=label,
        plural=plural_of(label),
        title="name",
        fields=[
            FieldSpec(key="name", label="Name", type="text", required=True),
            FieldSpec(
                key="category", label="Category", type="select", options=["Classic", "Seasonal", "Gifts"], required=True
            ),
            FieldSpec(key="price", label="Price", type="money", required=True),
            FieldSpec(key="stock", label="Stock", type="number"),
            FieldSpec(key="description", label="Description", type="longtext"),
        ],
        records=noun_records(label),
    )


def noun_records(label: str) -> list[dict]:
    """Plausible products of any kind: "Tea" -> Classic tea, Premium tea, a gift set…"""
    word = label.lower()
    rows = [
        ("Classic " + word, "Classic", 12, 40), ("Premium " + word, "Classic", 24, 18), ("Seasonal " + word, "Seasonal", 16, 25),
        (label + " sampler", "Gifts", 29, 12), (label + " gift set", "Gifts", 45, 8), ("Small-batch " + word, "Seasonal", 19, 15),
    ]  # fmt: skip
    return [
        {
            "name": name,
            "category": cat,
            "price": price,
            "stock": stock,
            "description": f"Our {name.lower()}, ready to ship.",
        }
        for name, cat, price, stock in rows
    ]


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
