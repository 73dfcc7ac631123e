"""Edits by chat: a message becomes targeted changes to a plan.

`read_edit` turns "make the header dark and change the accent to teal" into operations;
`apply_edit` applies them to a plan. Only what an operation names changes in the plan, so
the files rendered from the parts it did not touch stay byte-for-byte the same. A message
with no operation the engine understands gets `None`, and the caller answers with `HELP`
(and charges nothing).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from autowebiq_app.catalog.schema import ComponentDoc, TemplateDoc
from autowebiq_app.engine import copywriter, sections, spec_edits
from autowebiq_app.engine.brief import NAME_PATTERN, SECTION_WORDS, TONES, Brief, colours_by_role, font_style_asked
from autowebiq_app.engine.palette import apply_colours, fonts_for
from autowebiq_app.engine.plan import SitePlan
from autowebiq_app.engine.planner import facts_of, plan_from_brief, with_images

HELP = (
    "I can change the site by chat. Try: “make the header dark”, “change the accent to teal”, "
    "“make the background navy”, “add a pricing section after features”, “remove testimonials”, "
    "“rename the shop to Aurum”, “make the tone more playful”, “use serif fonts”, “switch to dark mode” "
    "or “switch to the magazine template”. In an app: “add a birthday field to clients”, “add a calendar page”, "
    "“rename clients to customers”, “prices in euros”, “add comments”. "
    "To start again, describe a whole new site (“Build a …”)."
)
NEW_SITE = re.compile(
    r"^\s*(?:please\s+)?(?:build|create|make|design|generate)\s+(?:me\s+)?(?:a|an|my|our)\b"
    r"(?:(?!\b(?:header|footer|accent|background|button|text|tone|font)\b).)*"
    r"\b(?:website|site|landing page|homepage|store|shop)\b",
    re.I,
)
_REGION_WORDS = {"header": ("header", "nav", "navigation", "menu bar", "top bar"), "footer": ("footer", "bottom")}
_KIND_ALIASES = {phrase: kind for kind, phrases in SECTION_WORDS.items() for phrase in (*phrases, kind)}


@dataclass(frozen=True)
class Op:
    """One change: what it does (`action`) and its arguments."""

    action: str
    value: str = ""
    role: str = ""
    after: str | None = None
    before: str | None = None
    args: tuple[tuple[str, str], ...] = ()

    def describe(self) -> str:
        if self.action == "spec":
            return spec_edits.describe(self.value, dict(self.args))
        if self.action == "colour":
            return f"{self.role} colour set to {self.value}"
        if self.action == "region":
            return f"{self.role} made {self.value}"
        if self.action == "add":
            where = f" after {self.after}" if self.after else f" before {self.before}" if self.before else ""
            return f"{self.value} section added{where}"
        labels = {
            "remove": "{} removed",
            "rename": "renamed to {}",
            "tone": "tone made {}",
            "template": "switched to the {} template",
            "variant": "switched to {} mode",
            "font": "{} fonts",
        }
        return labels[self.action].format(self.value)


def is_new_site(message: str) -> bool:
    """Whether the message asks for a whole new site rather than a change to this one."""
    return bool(NEW_SITE.search(message))


def read_edit(message: str, templates: list[TemplateDoc]) -> list[Op] | None:
    """The operations the message asks for, in order; None if none is understood."""
    ops: list[Op] = []
    for clause in _clauses(message):
        ops.extend(_read_clause(clause, templates))
    return ops or None


def apply_edit(
    plan: SitePlan, ops: list[Op], *, templates: dict[str, TemplateDoc], components: dict[str, ComponentDoc]
) -> SitePlan:
    """The plan with each operation applied in order (copy is rewritten only by tone or template)."""
    for op in ops:
        plan = _apply(plan, op, templates, components)
    return plan


_CLAUSE_BREAK = re.compile(
    r"[.;!\n]"  # sentences
    r"|,\s*(?:and\s+)?"  # commas
    r"|\s+and\s+(?=(?:make|change|add|remove|rename|use|switch|set|delete|drop|turn)\b)"  # "… and add …"
    r"|\s+then\s+"
)


def _clauses(message: str) -> list[str]:
    """The message split into one request each (a list like "faq and map" stays together)."""
    return [c.strip() for c in _CLAUSE_BREAK.split(" ".join(message.split())) if c and c.strip()]


def _read_clause(clause: str, templates: list[TemplateDoc]) -> list[Op]:
    lowered = clause.lower()
    found = [Op("spec", value=action, args=tuple(args.items())) for action, args in spec_edits.read_clause(clause)]
    if found:
        return found
    for reader in (_rename, _template, _add, _remove, _tone, _region, _variant, _font, _colour):
        found = reader(clause, lowered, templates)
        if found:
            return found
    return []


def _rename(clause: str, lowered: str, _templates) -> list[Op]:
    match = re.search(
        r"\b(?:rename|call|change the name of|name)\b(?:\s+(?:the|our|my))?"
        r"(?:\s+(?:shop|site|store|business|brand|company|restaurant|studio|website|it|us|name))?"
        rf"\s+(?:to|as)\s+[\"“']?({NAME_PATTERN})",
        clause,
    )
    match = (
        match
        or re.search(rf"\b(?:call|name)\s+(?:it|the site|the shop|the business|us)\s+[\"“']?({NAME_PATTERN})", clause)
        or re.search(rf"\b(?:name|title)\s+(?:to|should be|is now)\s+[\"“']?({NAME_PATTERN})", clause)
    )
    return [Op("rename", value=match.group(1).strip(" .,'\"”"))] if match else []


def _template(clause: str, lowered: str, templates: list[TemplateDoc]) -> list[Op]:
    match = re.search(
        r"\b(?:switch|change|move|use|go)\b.*?\b(?:to\s+)?(?:the\s+|a\s+)?([\w -]+?)\s+(?:template|layout|design)\b",
        lowered,
    )
    if not match:
        return []
    words = set(re.findall(r"[a-z]+", match.group(1))) - {"the", "a", "an", "to", "use", "switch"}
    best, best_score = None, 0
    for template in sorted(templates, key=lambda t: t.slug):
        vocabulary = set(re.findall(r"[a-z]+", f"{template.slug} {template.name} {template.category}".lower()))
        score = len(words & vocabulary)
        if score > best_score:
            best, best_score = template.slug, score
    return [Op("template", value=best)] if best else []


def _kind(phrase: str) -> str | None:
    phrase = re.sub(r"\b(?:section|sections|block|area|part|page|the|a|an|some|our|my)\b", " ", phrase)
    phrase = " ".join(phrase.split())
    if phrase in _KIND_ALIASES:
        return _KIND_ALIASES[phrase]
    for alias in sorted(_KIND_ALIASES, key=len, reverse=True):
        if re.search(rf"\b{re.escape(alias)}\b", phrase):
            return _KIND_ALIASES[alias]
    return None


def _add(clause: str, lowered: str, _templates) -> list[Op]:
    match = re.search(
        r"\b(?:add|include|put in|insert|give me|i want|we need)\b\s+(.+?)"
        r"(?:\s+\b(after|below|under|before|above)\b\s+(.+))?$",
        lowered,
    )
    if not match:
        return []
    kind = _kind(match.group(1))
    if kind is None:
        return []
    where = match.group(2)
    anchor = _kind(match.group(3)) or _plain(match.group(3)) if where else None
    if where in ("after", "below", "under"):
        return [Op("add", value=kind, after=anchor)]
    if where in ("before", "above"):
        return [Op("add", value=kind, before=anchor)]
    return [Op("add", value=kind)]


def _plain(phrase: str | None) -> str | None:
    if not phrase:
        return None
    words = re.sub(r"\b(?:section|the|a|an)\b", " ", phrase).split()
    return words[0] if words else None


def _remove(clause: str, lowered: str, _templates) -> list[Op]:
    match = re.search(r"\b(?:remove|delete|drop|hide|get rid of|take out|no more|without)\b\s+(.+)$", lowered)
    if not match:
        return []
    ops = []
    for part in re.split(r",|\band\b|&", match.group(1)):
        kind = _kind(part)
        if kind:
            ops.append(Op("remove", value=kind))
    return ops


def _tone(clause: str, lowered: str, _templates) -> list[Op]:
    if not re.search(r"\b(?:tone|voice|copy|wording|feel|sound|more|less)\b", lowered):
        return []
    for tone, words in TONES.items():
        if any(re.search(rf"\b{w}\b", lowered) for w in (tone, *words)):
            return [Op("tone", value=tone)]
    return []


def _region(clause: str, lowered: str, _templates) -> list[Op]:
    style = re.search(r"\b(dark|darker|black|light|lighter|white)\b", lowered)
    if not style:
        return []
    value = "dark" if style.group(1) in ("dark", "darker", "black") else "light"
    ops = [
        Op("region", role=region, value=value)
        for region, words in _REGION_WORDS.items()
        if any(re.search(rf"\b{w}\b", lowered) for w in words)
    ]
    return ops


def _variant(clause: str, lowered: str, _templates) -> list[Op]:
    match = re.search(
        r"\b(dark|light)\s+(?:mode|theme|version|palette)\b"
        r"|\bmake (?:it|the site|everything|the whole site)\s+(?:a bit |much )?(dark|light)(?:er)?\b",
        lowered,
    )
    return [Op("variant", value=match.group(1) or match.group(2))] if match else []


def _font(clause: str, lowered: str, _templates) -> list[Op]:
    if not re.search(r"\b(?:font|fonts|type|typeface|typography|lettering)\b", lowered):
        return []
    style = font_style_asked(clause)
    return [Op("font", value=style)] if style else []


def _colour(clause: str, lowered: str, _templates) -> list[Op]:
    roles = colours_by_role(clause)
    return [Op("colour", role=role, value=colour) for role, colour in roles.items()]


def _apply(plan: SitePlan, op: Op, templates: dict[str, TemplateDoc], components: dict[str, ComponentDoc]) -> SitePlan:
    if plan.app is not None:
        return _apply_to_app(plan, op, templates)
    if op.action == "spec":
        raise spec_edits.SpecEditError("This site is a page of sections: pages, fields and features belong to apps.")
    update: dict = {}
    if op.action == "rename":
        update["name"] = op.value[:80]
    elif op.action == "colour":
        notes: list[str] = []
        update["palette"] = apply_colours(plan.palette, {op.role: op.value}, notes)
        update["adjustments"] = [*plan.adjustments, *notes]
    elif op.action == "region":
        update[op.role] = op.value
    elif op.action == "variant":
        template = templates[plan.template]
        update.update(variant=op.value, palette=template.palettes[op.value], header="auto", footer="auto")
    elif op.action == "font":
        update["fonts"] = fonts_for(op.value, templates[plan.template].fonts)
    elif op.action == "tone":
        facts = facts_of(plan)
        update.update(
            tone=op.value,
            sections=copywriter.write_copy(plan.sections, components, facts=facts, tone=op.value),
            tagline=copywriter.tagline(facts, op.value)[:160],
            description=copywriter.description(facts, op.value),
        )
    elif op.action == "remove":
        update["sections"] = sections.remove_kind(plan.sections, op.value, components)
    elif op.action == "add":
        added = sections.add_kind(plan.sections, op.value, components, after=op.after)
        added = copywriter.rename_samples(added, (t.site_name for t in templates.values()))
        if op.before and op.after is None:
            added = _move_before(added, op.value, op.before, components)
        facts = facts_of(plan)
        update["sections"] = copywriter.write_copy_for_new(
            plan.sections, added, components, facts=facts, tone=plan.tone
        )
    elif op.action == "template":
        return _switch_template(plan, templates[op.value], components)
    changed = plan.model_copy(update=update)
    return with_images(changed, components) if "sections" in update else changed


_SECTION_PAGES = {
    "contact": "contact",
    "booking": "booking",
    "charts": "dashboard",
    "stats": "dashboard",
    "table": "report",
}


def _apply_to_app(plan: SitePlan, op: Op, templates: dict[str, TemplateDoc]) -> SitePlan:
    """An edit of an app: its spec, or its look (the template gives only the look)."""
    app = plan.app
    if op.action == "spec":
        return plan.model_copy(update={"app": spec_edits.apply(app, op.value, dict(op.args))})
    if op.action == "rename":
        facts = app.facts.model_copy(update={"name": op.value[:80], "named_by_user": True})
        return plan.model_copy(update={"name": op.value[:80], "app": app.model_copy(update={"facts": facts})})
    if op.action == "add" and op.value in _SECTION_PAGES:
        return plan.model_copy(update={"app": spec_edits.apply(app, "page", {"what": _SECTION_PAGES[op.value]})})
    if op.action in ("add", "remove"):
        raise spec_edits.SpecEditError(
            f"This app has pages rather than sections: try “add a {op.value} page” or “add a field to …”."
        )
    if op.action == "template":
        template = templates[op.value]
        return plan.model_copy(
            update={"template": template.slug, "palette": template.palettes[plan.variant], "fonts": template.fonts}
        )
    if op.action == "tone":
        return plan.model_copy(update={"tone": op.value})
    return _apply(plan.model_copy(update={"app": None}), op, templates, {}).model_copy(update={"app": app})


def _move_before(planned, kind: str, before: str, components):
    index = sections.find(planned, kind, components)
    target = sections.find(planned, before, components)
    if index is None or target is None:
        return planned
    moved = list(planned)
    section = moved.pop(index)
    moved.insert(target if target < index else target - 1, section)
    return moved


def _switch_template(plan: SitePlan, template: TemplateDoc, components: dict[str, ComponentDoc]) -> SitePlan:
    """A new template keeps the name, what the business is, its tone and light or dark mode."""
    brief = Brief(
        prompt="",
        name=plan.name,
        variant=plan.variant,
        subject=plan.subject,
        place=plan.place,
        offerings=tuple(plan.offerings),
        tone=plan.tone,
    )
    switched = plan_from_brief(brief, template, components, seed=plan.seed, sample_names=(template.site_name,))
    return switched.model_copy(update={"audience": plan.audience})
