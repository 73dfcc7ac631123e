"""Reading the phrases of a request: the things to keep, their fields, choices and flags."""

from __future__ import annotations

import re

from autowebiq_app.catalog.app_spec import FieldSpec, slug_key

APP_VERBS = (
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
    # words that name the site itself ("a recipe sharing community")
    "community", "platform", "network", "hub", "portal", "system", "tool", "service",
    # measures of things, not things ("track my water intake")
    "intake", "progress", "usage", "consumption",
    # features, not things kept ("a mailing list signup")
    "signup", "sign-up", "newsletter", "subscription", "subscribe", "blog", "resume", "gallery",
}  # fmt: skip


def tracked_nouns(text: str) -> list[str]:
    """Things the prompt wants to add, track or manage: "add clients and log calls" ->
    ["client", "call"]; "manage orders from cafés, our products, and invoices" -> all three."""
    lowered = text.lower()
    found: list[str] = []
    for match in re.finditer(APP_VERBS + r"\s+([^.;:!?()]+)", lowered):
        item = r"[a-z&'-]+(?: [a-z&'-]+){0,2}"
        if re.match(rf"(?:post|share)\w*\s+{item}(?:,\s*{item})*,?\s+(?:and|or)\s", match.group(0)):
            continue
        phrase = re.split(
            r"\b(?:so|that|which|where|to|with|without|while|then|for|by|when|if|in|on|about|through|towards?|during|until|i|we|you|they|i've|we've)\b",
            match.group(1),
        )[0]
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
            if _past_participle(noun):
                continue  # "places I've visited"
            if len(words) > 3 or noun in _NOT_ENTITIES or _names_a_section(noun) or re.match(APP_VERBS, noun):
                continue
            if noun not in found:
                found.append(noun)
    return found[:4]


_DESCRIBED = (
    r"\beach\s+([a-z][a-z-]{2,24})\s+(?:has|have|includes?|shows?|needs?|gets?|records?|stores?|is given)\s+(?:an?\s+|the\s+|its\s+)?(.+)",
    APP_VERBS
    + r"\s+(?:(?:my|our|their|the|new|your|all)\s+)*([a-z][a-z-]{2,24})\s+(?:\([^()]*\)\s+)?(?:with|including|that have|having)\s+(?:an?\s+|the\s+|their\s+)?(.+)",
    r"\b([a-z][a-z-]{2,24})\s+(?:with|having)\s+(?:the\s+)?fields?\s+(.+)",
    # "log each game night (date, game, winner)": a thing of one or two words, then its fields.
    APP_VERBS
    + r"\s+(?:(?:my|our|their|the|new|your|all|each|every)\s+)*((?:[a-z][a-z-]{2,24}\s+)?[a-z][a-z-]{2,24})\s*\(([^()]+)\)",
)

_ITEM = r"[A-Z][\w'-]*(?: [A-Z][\w'-]*)?"

_OPTION_LIST = re.compile(
    r"\b((?i:stages?|status(?:es)?|categor(?:y|ies)|types?|priorit(?:y|ies)|levels?|departments?|rooms?|sizes?|genres?|tags?|sections?))"
    rf"\s*(?:of|like|such as|called|named|:|\()?\s*({_ITEM}(?:,\s*{_ITEM})*,?\s+(?:and|or)\s+{_ITEM}|{_ITEM}(?:,\s*{_ITEM})+)",
)

_FIELD_STOP_VERBS = {
    "highlight", "see", "show", "mark", "track", "add", "get", "send", "make", "let", "allow", "sort", "filter", "search",
    "export", "print", "view", "edit", "delete", "book", "log", "use", "display", "generate", "calculate", "compute",
    "answer", "upvote", "reply", "like", "comment", "vote", "rate", "share", "post", "flip", "start", "ask",
    "enter", "pick", "choose", "select", "see", "get", "find", "check", "pay", "confirm",
}  # fmt: skip


def described_entities(text: str) -> dict[str, list[FieldSpec]]:
    """Things the prompt describes field by field: "each deal has a title, a company and a
    value" -> {"deal": [Title, Company, Value]}."""
    found: dict[str, list[FieldSpec]] = {}
    for pattern in _DESCRIBED:
        for match in re.finditer(pattern, text, flags=re.I):
            noun = singular(match.group(1).lower())
            if noun in _NOT_ENTITIES:
                continue
            listed = match.group(2)
            inside = re.match(r"\s*(?:an?\s+|the\s+|its\s+)?[a-z][a-z -]{0,20}?\s*\(([^()]+)\)", listed)
            # "each dog gets a profile (name, breed, age)": the fields are the ones in brackets.
            fields = field_list(inside.group(1) if inside else listed)
            if fields:
                # Two phrases may describe one thing: "photos (image URL) with a caption".
                known = found.setdefault(noun, [])
                known += [f for f in fields if f.key not in {k.key for k in known}]
    return found


_FILTERED_BY = re.compile(
    rf"\bfilter(?:able|ed|s)?\s+by\s+()({_ITEM}(?:,\s*{_ITEM})*,?\s+(?:and|or)\s+{_ITEM}|{_ITEM}(?:,\s*{_ITEM})+)"
)
"""Named choices to filter by: "projects filterable by Residential and Commercial" (a category)."""


def option_fields(text: str) -> list[FieldSpec]:
    """Choices the prompt lists: "stages Lead, Qualified, Won and Lost" -> a Stage select;
    "filterable by Residential and Commercial" -> a Category select."""
    fields = []
    for match in [*_OPTION_LIST.finditer(text), *_FILTERED_BY.finditer(text)]:
        word = singular(match.group(1).lower()) or "category"
        word = {"statuse": "status", "categorie": "category", "prioritie": "priority"}.get(word, word)
        options = [o.strip() for o in re.split(r",\s*|\s+(?:and|or)\s+", match.group(2)) if o.strip()]
        options = list(dict.fromkeys(options))
        if 2 <= len(options) <= 12:
            fields.append(
                FieldSpec(key=slug_key(word), label=word.capitalize(), type="select", options=options, required=True)
            )
    return fields


_NOT_FIELDS = {
    "one",
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
    "product", "notifications", "statistics", "stats", "leaderboard", "a", "an", "blog", "resume", "résumé", "cv",
    "gallery", "newsletter", "signup", "form", "forms", "table", "tables", "switch", "prices",
}  # fmt: skip


def mark_fields(text: str) -> list[FieldSpec]:
    """ "mark them done", "mark invoices as paid" -> a yes/no field of that name (for the main
    thing; "mark lessons as complete" in a site "with courses and lessons" is left to the
    features that track it, since it would land on courses)."""
    fields = []
    things = listed_things(text)
    for match in re.finditer(
        r"\b(?:(?:mark|tick|flag)(?:s|ed)?|check(?:s|ed)? off)\s+(?:[a-z]+\s+){0,2}?(?:as\s+|when\s+|once\s+)?(done|complete|completed|paid|read|finished|returned|shipped|resolved|delivered|watched|visited|attended|sold|taken|favou?rite)\b",
        text,
        flags=re.I,
    ):
        word = match.group(1).lower()
        marked = re.findall(r"[a-z]+", match.group(0).lower())[1:-1]
        if things and any(singular(w) in things[1:] for w in marked):
            continue  # the thing marked is not the first one the site holds: not its field
        fields.append(FieldSpec(key=slug_key(word), label=word.capitalize(), type="bool"))
    return fields[:2]


_SAID_CLAUSE = re.compile(
    r"^what\s+(?:they|i|we|he|she|you|people|each person)(?:'ll|'d|'ve|\s+will|\s+did|\s+do|\s+does|\s+are|\s+have|\s+plan)?"
    r"(?:\s+[a-z']+){0,3}?\s+(yesterday|today|tomorrow|this week|next week|last week)$",
    re.I,
)


def field_list(phrase: str) -> list[FieldSpec]:
    """ "a title, a company and a value in dollars" -> typed fields (stops at a new clause)."""
    phrase = re.split(r"[.;:!?()]|\b(?:so that|which|where|then|while)\b", phrase)[0]
    fields: list[FieldSpec] = []
    for part in re.split(r",\s*|\s+(?:and|&)\s+|\s+plus\s+", phrase):
        said = _SAID_CLAUSE.match(part.strip())
        if said:
            # "what they did yesterday", "what they'll do today": a text field named by its time.
            label = said.group(1).lower()
            if slug_key(label) not in {f.key for f in fields}:
                fields.append(FieldSpec(key=slug_key(label), label=label.capitalize(), type="longtext"))
            continue
        label = re.sub(r"^(?:and|or|an?|any|the|their|its|his|her|optional)\s+", "", part.strip(), flags=re.I)
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


_SECTION_NOUNS = {
    "pricing", "faq", "form", "testimonial", "gallery", "newsletter", "logo", "countdown", "timeline", "tab", "map",
    "hour", "stat", "chart", "graph", "table", "section", "hero", "footer", "header", "banner", "feature", "benefit",
}  # fmt: skip


def _names_a_section(noun: str) -> bool:
    """ "add pricing and a FAQ": words that name a page section, never things to keep records of
    (a question, a post or a review can be either, and are taken as things)."""
    return noun in _SECTION_NOUNS


def _past_participle(word: str) -> bool:
    """ "visited", "finished": a verb, not a thing ("bed", "seed", "red" are short or -eed)."""
    return len(word) > 5 and word.endswith("ed") and not word.endswith("eed")


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


# Words for what is known about a thing: in brackets after them come fields, not choices.
_FACT_WORDS = {"detail", "info", "information", "fact", "stat", "statistic", "field", "data", "attribute", "property"}


# Words for how a choice is shown, not what it is ("a mood emoji", "a colour option").
_FORM_WORDS = {"emoji", "icon", "option", "choice", "button", "label", "tag", "level"}
_PARTICIPLES = {"offered", "available", "used", "supported", "included", "served", "taught", "sold", "covered"}
"""'the styles offered (…)': the thing chosen is the noun before the participle."""


def parenthesised_choices(text: str) -> list[FieldSpec]:
    """ "choose a service (cut, colour, blow-dry)" -> a Service select with those choices."""
    fields = []
    described = {word for noun in described_entities(text) for word in (noun, noun.split()[-1])}
    for match in re.finditer(r"\b([a-z][a-z-]{2,20})\s*\(([^()]{3,120})\)", text, flags=re.I):
        if singular(match.group(1).lower()) in _FACT_WORDS | described:
            # "its details (atomic number, mass, group)": what is shown, not choices;
            # "log each game night (date, game, winner)": the thing's fields.
            continue
        options = [o.strip().strip(".") for o in re.split(r",\s*|\s+(?:and|or)\s+", match.group(2)) if o.strip()]
        if 2 <= len(options) <= 12 and all(len(o.split()) <= 3 and not re.search(r"\d", o) for o in options):
            word = singular(match.group(1).lower())
            before = text[max(0, match.start() - 40) : match.start()].lower()
            if word in _FORM_WORDS or word in _PARTICIPLES:
                # "a mood emoji (great, good, okay)": the thing chosen is the word before
                named = re.search(r"([a-z]{3,20})\s+$", before)
                word = singular(named.group(1)) if named else word
            # "each day I pick a mood (…)": choices picked by hand are buttons to press
            pressed = bool(
                re.search(
                    r"\b(?:pick|picks|choose|chooses|tap|taps|select|selects)\s+(?:a|an|the|my|one)?\s*[a-z ]*$", before
                )
            )
            fields.append(
                FieldSpec(
                    key=slug_key(word),
                    label=word.capitalize(),
                    type="select",
                    options=[o[:1].upper() + o[1:] for o in options],
                    required=True,
                    buttons=pressed and len(options) <= 6,
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


def fields_asked(text: str) -> list[FieldSpec]:
    """Fields listed for the app as a whole: "with name, phone, birthday and notes"."""
    fields: list[FieldSpec] = []
    for match in re.finditer(r"\b(?:with|including|fields?(?: for)?|having)\s+(?=(.+))", text, flags=re.I):
        if _OPTION_LIST.match(match.group(1)):
            continue  # "with sections Local, Sports and Business": one field's choices (option_fields)
        listed = field_list(match.group(1))
        if len(listed) >= 2 and not _all_plural(listed):
            fields += [f for f in listed if f.key not in {g.key for g in fields}]
    return fields[:10]


def listed_things(text: str) -> list[str]:
    """ "a website with courses and lessons" -> ["course", "lesson"]: a list of plurals after
    "with" names the things a site holds (a record's fields are singular: a title, a price)."""
    for match in re.finditer(r"\b(?:with|including|having)\s+(.+)", text, flags=re.I):
        listed = field_list(match.group(1))
        if len(listed) >= 2 and _all_plural(listed):
            return [singular(f.label.lower()) for f in listed]
    return []


def _all_plural(fields: list[FieldSpec]) -> bool:
    """Every one a plain plural word ("courses", not "notes" or "photos", which are typed fields)."""
    return all(
        f.type == "text" and len(f.label.split()) == 1 and singular(f.label.lower()) != f.label.lower() for f in fields
    )


def field_type(label: str) -> str:
    lowered = label.lower()
    rules = (
        ("email", r"e-?mail"),
        ("phone", r"phone|mobile|telephone"),
        ("time", r"\btime\b"),
        ("date", r"date|birthday|deadline|due|day\b|dob"),
        ("money", r"price|cost|amount|salary|budget|fee|total|revenue|balance|value|spen[dt]|income|expense|wage"),
        ("rating", r"rating|stars?\b"),
        ("url", r"website|\burl\b|\blink\b"),
        (
            "number",
            r"quantity|qty|\bcount\b|number|\bage\b|stock|score|hours|level|weight|height|calories|\breps\b|\bsets\b",
        ),
        ("longtext", r"notes?|description|comments?|bio|details|summary|address"),
        ("image", r"photo|image|picture|avatar"),
        ("bool", r"done|completed|paid|active\b|available"),
    )
    return next((kind for kind, pattern in rules if re.search(pattern, lowered)), "text")


# Sections a brief can ask for that an app renders with its own features.
APP_SECTIONS = {"booking", "contact", "products", "search", "menu", "charts", "table", "stats", "hours", "logos"}
