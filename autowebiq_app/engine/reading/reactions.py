"""What people do to the things on a board besides adding them, read from the brief:
upvote and rank by "Top", report, follow or befriend, RSVP and see who is going, save to
favourites, rate in stars; posts that stay anonymous; a length limit ("up to 280 characters").

Each becomes an option of the collection that lists the thing (see collection.js)."""

from __future__ import annotations

import re

from autowebiq_app.catalog.app_spec import Entity, FeatureUse, PageSpec

_ANONYMOUS = r"\banonymous(?:ly)?\b|\bwithout (?:a |their |any )?names?\b|\bno names?\b"
_REPORT = r"\b(?:be |get |are )?reported\b|\breport (?:a |the |any )?(?:posts?|it|them|abuse|comments?|spam)\b|\bflag(?:ged)? (?:posts?|it|them)\b"
_FOLLOW = r"\bfollow(?:s|ing)?\s+(?:other\s+|each other|their\s+|favou?rite\s+)?(?:users|people|members|accounts|friends|authors|creators|writers|artists|others|each other)"
_FRIEND = r"\bfriend requests?\b|\badd (?:as )?friends?\b|\bbefriend\b|\bconnect with\b"
_RSVP = r"\brsvps?\b|\bwho(?:'s| is) going\b|\bsee who(?:'s| is) (?:going|coming|attending)\b|\bsign up (?:for|to) events?\b"
_SAVE = r"\bfavou?rites?\b|\bsave (?:them|it|their favou?rites?|for later)\b|\bbookmarks?\b|\bsaved list\b"
_RATE = r"\brate (?:them|it|each|the|a|recipes|books|films|movies|places|posts|products)\b|\bstar ratings?\b|\b1 to 5 stars\b|\b(?:one|1) to (?:five|5)\b"
_LIMIT = r"\b(?:up to|at most|max(?:imum)?(?: of)?|limited to|no (?:more|longer) than)\s+(\d{2,5})\s*(?:characters|chars|letters)\b"

# Entities that are people: following and friend requests go to their list.
_PEOPLE = {"profile", "member", "person", "user", "people", "friend", "author", "artist", "creator"}

ASKED = "|".join((_ANONYMOUS, _REPORT, _FOLLOW, _FRIEND, _RSVP, _SAVE, _RATE, _LIMIT))


def reaction_options(text: str) -> dict:
    """The collection options the brief asks for, by what it says people do."""
    lowered = text.lower()
    options: dict = {}
    if re.search(_ANONYMOUS, lowered):
        options["anonymous"] = True
    if re.search(_REPORT, lowered):
        options["report"] = True
    if re.search(_RSVP, lowered):
        options["rsvp"] = True
    if re.search(_SAVE, lowered):
        options["save"] = True
    if re.search(_RATE, lowered):
        options["rate"] = True
    return options


def relation_asked(text: str) -> dict | None:
    """A button that links you to a person: "Follow" or, for friend requests, "Add friend"."""
    lowered = text.lower()
    if re.search(_FRIEND, lowered):
        return {"label": "Add friend", "done": "Request sent", "undone": "Request cancelled"}
    if re.search(_FOLLOW, lowered):
        return {"label": "Follow", "done": "Following", "undone": "Unfollowed"}
    return None


def length_limit(text: str) -> int | None:
    found = re.search(_LIMIT, text.lower())
    return int(found.group(1)) if found else None


def with_reactions(
    text: str, pages: list[PageSpec], entities: list[Entity], main: Entity | None, *, selling: bool = False
) -> tuple[list[PageSpec], list[Entity]]:
    """The main thing's lists get the reactions asked for; people's lists get the relation;
    a length limit goes on the main thing's text; saving adds a Favourites page."""
    if main is None:
        return pages, entities
    options = reaction_options(text)
    if selling:
        options.pop("save", None)  # a shop's favourites are its wishlist
    relation = relation_asked(text)
    people = {e.name for e in entities if e.name in _PEOPLE} or {main.name}
    out = []
    for page in pages:
        uses = []
        for use in page.features:
            config = use.config()
            entity = config.get("entity")
            if use.feature == "collection" and entity == main.name:
                config.update(options)
            if use.feature == "collection" and relation and entity in people:
                config["relation"] = relation
            uses.append(FeatureUse(feature=use.feature, **config))
        out.append(page.model_copy(update={"features": uses}))
    if options.get("save") and not any(u.config().get("saved_only") for p in out for u in p.features):
        out.append(
            PageSpec(
                slug="favourites",
                title="Favourites",
                intro=f"The {main.plural.lower()} you saved. Press Saved again to remove one.",
                features=[FeatureUse(feature="collection", entity=main.name, saved_only=True, form=False, save=True)],
            )
        )
    limit = length_limit(text)
    if limit:
        entities = [_limited(e, limit) if e.name == main.name else e for e in entities]
    return out, entities


def _limited(entity: Entity, limit: int) -> Entity:
    """The text people write (the title when it is text, else the first long text) holds at most `limit` characters."""
    title = entity.field(entity.title)
    target = (
        title
        if title is not None and title.type in ("text", "longtext")
        else next((f for f in entity.fields if f.type == "longtext"), None)
    )
    if target is None:
        return entity
    fields = [f.model_copy(update={"max": limit}) if f.key == target.key else f for f in entity.fields]
    return entity.model_copy(update={"fields": fields})
