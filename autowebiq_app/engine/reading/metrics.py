"""A metrics dashboard from the brief's own words: "show MRR, active users and churn rate as
cards, and a table of recent signups"; "page views, unique visitors, bounce rate and a top
pages table, with a switch for last 7 days and last 30 days".

The figures named become the dashboard's cards, each kept as a record per period (so the
owner updates them, and the switch shows the period chosen); each table named becomes a
list on the dashboard with a page to add to it. Sample values are plausible for the kind of
figure (a rate in %, revenue in money, counts of people or views)."""

from __future__ import annotations

import re
import zlib

from autowebiq_app.catalog.app_spec import Entity, FeatureUse, FieldSpec, PageSpec, slug_key
from autowebiq_app.engine.reading.phrases import plural_of, singular

METRICS_DOMAIN = "metrics-dashboard"
"""The domain whose figures and tables this module reads from the brief."""

_LISTED = re.compile(
    r"\b(?:show|shows|showing|display|displays|displaying|with|tracks?|tracking|including)\s+([^.;:!?]+)", re.I
)
_ENDS = re.compile(r"\s+as\s+(?:cards?|tiles?|numbers?|kpis?|figures?)\b|\s+(?:on|in|at|for|per|over|from)\s+", re.I)
_TABLE = re.compile(
    r"\btables?\s+of\s+(?:the\s+)?([a-z][a-z -]*?)(?=[.,;:!?]|\s+(?:and|with|below|under)\b|$)"
    r"|([a-z][a-z -]*?)\s+tables?\b(?!\s+of\b)",
    re.I,
)
_PERIOD = re.compile(r"\blast\s+(\d{1,3})\s+(day|week|month|hour)s?\b", re.I)
_PERCENT = re.compile(r"\b(?:rate|churn|bounce|conversion|retention|ratio|share|percent|percentage|margin)\b", re.I)
_MONEY = re.compile(
    r"\b(?:mrr|arr|revenue|sales|income|profit|ltv|arpu|cac|aov|order value|spend|cost|earnings)\b", re.I
)
DEFAULT_PERIODS = ["Last 7 days", "Last 30 days"]


def named_figures(text: str) -> list[str]:
    """The figures the brief lists, as it names them ("MRR", "Active users")."""
    for match in _LISTED.finditer(text):
        phrase = _ENDS.split(match.group(1))[0]
        names: list[str] = []
        for item in re.split(r",\s*(?:and\s+)?|\s+and\s+", phrase):
            item = item.strip()
            if not item or re.match(r"(?:a|an|the|some)\b", item, re.I) or re.search(r"\btables?\b", item, re.I):
                break  # "… and a top pages table": the figures have ended
            if len(item.split()) > 4:
                break
            names.append(item if item.isupper() else item[:1].upper() + item[1:])
        if len(names) >= 2:
            return names[:8]
    return []


def named_tables(text: str) -> list[str]:
    """The tables the brief asks for, as headings ("Recent signups", "Top pages")."""
    tables: list[str] = []
    for match in _TABLE.finditer(text):
        said = match.group(1) or re.split(r"\b(?:and|a|an|the|with|of)\b", match.group(2))[-1]
        said = said.strip()
        if said and said.lower() not in {"a", "the"} and len(said.split()) <= 3:
            heading = said[:1].upper() + said[1:]
            if heading not in tables:
                tables.append(heading)
    return tables[:3]


def periods_named(text: str) -> list[str]:
    """ "last 7 days and last 30 days" -> the switch's choices (the usual two otherwise)."""
    found = [f"Last {n} {unit.lower()}{'s' if n != '1' else ''}" for n, unit in _PERIOD.findall(text)]
    found = list(dict.fromkeys(found))
    return found if len(found) >= 2 else DEFAULT_PERIODS


def with_named_metrics(text: str, pages: list[PageSpec], entities: list[Entity]) -> tuple[list, list]:
    """The metrics domain's pages and entities with the brief's figures, tables and periods."""
    figures, tables, periods = named_figures(text), named_tables(text), periods_named(text)
    metric = next((e for e in entities if e.name == "metric"), None)
    if metric is None:
        return pages, entities
    if not figures:
        figures = list(dict.fromkeys(r["name"] for r in metric.records))
    fields = [f.model_copy(update={"options": periods}) if f.key == "period" else f for f in metric.fields]
    records = [_record(name, period, index) for name in figures for index, period in enumerate(periods)]
    entities = [
        metric.model_copy(update={"fields": fields, "records": records}) if e is metric else e for e in entities
    ]
    stats = [
        {
            "label": name,
            "entity": "metric",
            "agg": "latest",
            "field": "value",
            "where": {"name": name},
            "switched": True,
        }
        for name in figures
    ]
    lists: list[FeatureUse] = []
    added: list[PageSpec] = []
    for heading in tables:
        entity = table_entity(heading)
        if entity.name in {e.name for e in entities}:
            continue
        entities.append(entity)
        lists.append(table_of(entity, heading))
        added.append(
            PageSpec(
                slug=slug_key(entity.plural).replace("_", "-"),
                title=entity.plural,
                intro=f"Add to the {heading.lower()} shown on the dashboard.",
                features=[
                    FeatureUse(feature="collection", entity=entity.name, add_label=f"Add {entity.label.lower()}")
                ],
            )
        )
    grown: list[PageSpec] = []
    for page in pages:
        uses = []
        for use in page.features:
            if use.feature == "dashboard":
                config = use.config() | {"stats": stats}
                config["switch"] = {**config.get("switch", {}), "field": "period", "options": periods}
                uses.append(FeatureUse(feature="dashboard", **config))
                uses += lists
            else:
                uses.append(use)
        grown.append(page.model_copy(update={"features": uses}))
    return [*grown, *added], entities


def _record(name: str, period: str, index: int) -> dict:
    """A plausible value for a figure of this kind (a bounce rate near half, a churn rate of a
    few per cent, views above visitors above sign-ups), larger over a longer period."""
    spread = zlib.crc32(name.encode()) % 40 / 100 + 0.8  # the same figure gets the same value every build
    record = {"name": name, "period": period}
    if _PERCENT.search(name):
        usual = next((v for pattern, v in _USUAL_RATES if re.search(pattern, name, re.I)), 3.0)
        return record | {"value": round(usual * spread + index * 0.3, 1), "unit": "%"}
    per_day = next((v for pattern, v in _USUAL_DAILY if re.search(pattern, name, re.I)), 120)
    unit = "$" if _MONEY.search(name) else "count"
    return record | {"value": round(per_day * spread * _days(period)), "unit": unit}


_USUAL_RATES = [
    (r"bounce", 48.0),
    (r"retention|renewal", 82.0),
    (r"open rate", 38.0),
    (r"click", 4.5),
    (r"margin", 32.0),
]
_USUAL_DAILY = [
    (r"page ?views|views|impressions|hits", 3000),
    (r"sessions|visits", 1500),
    (r"visitors|users|readers|viewers", 900),
    (r"mrr|arr|revenue|sales|income", 1600),
    (r"sign-?ups|registrations|trials|orders|purchases|conversions|leads", 25),
]


def _days(period: str) -> float:
    found = _PERIOD.search(period)
    if found is None:
        return 7
    return int(found.group(1)) * {"hour": 1 / 24, "day": 1, "week": 7, "month": 30}[found.group(2).lower()]


def table_of(entity: Entity, heading: str) -> FeatureUse:
    """A table on the dashboard: rows with a figure as a report (largest first, exportable),
    others (people who signed up) as a list."""
    figure = next((f for f in entity.fields if f.type in ("number", "money")), None)
    if figure is not None:
        return FeatureUse(
            feature="report",
            entity=entity.name,
            group_by=entity.title,
            sum=figure.key,
            title=heading,
            largest_first=True,
        )
    return FeatureUse(feature="collection", entity=entity.name, heading=heading, form=False, search=False)


_PEOPLE = {"signup", "sign-up", "user", "customer", "member", "subscriber", "account", "client"}
_PLANS = ["Free", "Pro", "Team"]


def table_entity(heading: str) -> Entity:
    """The records behind a table, by what it lists: people who joined, pages, or anything."""
    noun = singular(heading.lower().split()[-1])
    label = noun.replace("-", " ").capitalize()
    if noun in _PEOPLE:
        people = ["Amara Okafor", "Lucas Brennan", "Sofia Marin", "Kenji Watanabe", "Priya Raman"]
        title, fields = (
            "name",
            [
                FieldSpec(key="name", label="Name", type="text", required=True),
                FieldSpec(key="email", label="Email", type="email"),
                FieldSpec(key="plan", label="Plan", type="select", options=_PLANS),
                FieldSpec(key="date", label="Date", type="date"),
            ],
        )
        records = [
            {
                "name": person,
                "email": person.split()[0].lower() + "@example.com",
                "plan": _PLANS[i % 3],
                "date": f"2026-11-{24 + i:02d}",
            }
            for i, person in enumerate(people)
        ]
    elif noun == "page":
        paths = [("/", 8420), ("/pricing", 3110), ("/blog/launch-notes", 2290), ("/docs", 1870), ("/signup", 1240)]
        title, fields = (
            "path",
            [
                FieldSpec(key="path", label="Page", type="text", required=True),
                FieldSpec(key="views", label="Page views", type="number"),
                FieldSpec(key="visitors", label="Visitors", type="number"),
            ],
        )
        records = [{"path": p, "views": v, "visitors": round(v * 0.62)} for p, v in reversed(paths)]
    else:
        title, fields = (
            "name",
            [
                FieldSpec(key="name", label="Name", type="text", required=True),
                FieldSpec(key="value", label="Value", type="number"),
                FieldSpec(key="date", label="Date", type="date"),
            ],
        )
        records = [{"name": f"{label} {n}", "value": [12, 48, 7][n - 1], "date": f"2026-11-2{n}"} for n in range(1, 4)]
    return Entity(
        name=slug_key(noun), label=label, plural=plural_of(label), title=title, fields=fields, records=records
    )
