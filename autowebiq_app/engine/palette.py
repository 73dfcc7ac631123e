"""Palettes and fonts from explicit instructions, kept readable (WCAG AA)."""

from __future__ import annotations

from autowebiq_app.catalog.schema import Fonts, Palette
from autowebiq_app.colour import contrast, mix, readable

FONT_STACKS = {
    "serif": "'Iowan Old Style', 'Palatino Linotype', Palatino, Georgia, 'Times New Roman', serif",
    "sans": "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
    "mono": "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace",
    "rounded": "ui-rounded, 'Arial Rounded MT Bold', 'Nunito', system-ui, sans-serif",
    "slab": "Rockwell, 'Roboto Slab', 'DejaVu Serif', Georgia, serif",
}


def fonts_for(style: str, base: Fonts) -> Fonts:
    """The asked font style for headings and text (monospace only for headings)."""
    stack = FONT_STACKS[style]
    return Fonts(heading=stack, body=stack if style != "mono" else base.body)


def apply_colours(base: Palette, colours: dict[str, str], adjustments: list[str]) -> Palette:
    """`base` with explicit colours by role, kept readable (WCAG AA); changes are noted in `adjustments`."""
    values = base.model_dump()
    if "background" in colours:
        bg = colours["background"]
        values["background"] = bg
        values["surface"] = mix(bg, "#ffffff" if _is_dark(bg) else "#000000", 0.94)
        if contrast(values["text"], bg) < 4.5:
            values["text"] = _readable_on(bg)
            adjustments.append("text colour changed to stay readable on the new background")
        values["muted"] = _muted(values["text"], bg, values["surface"])
    if "surface" in colours:
        # Cards, panels and form blocks: the asked colour, with text still readable on it.
        values["surface"] = colours["surface"]
        if contrast(values["text"], values["surface"]) < 4.5:
            text = readable(values["text"], values["surface"], 4.5, values["background"])
            if contrast(text, values["background"]) >= 4.5 and contrast(text, values["surface"]) >= 4.5:
                values["text"] = text
                adjustments.append("text colour changed to stay readable on the new block colour")
            else:
                # No one text colour reads on both: the blocks keep the asked hue, shaded.
                shaded = readable(colours["surface"], values["text"], 4.5)
                values["surface"] = shaded
                adjustments.append(f"UI block colour {colours['surface']} shaded to {shaded} so text stays readable")
        values["muted"] = _muted(values["text"], values["background"], values["surface"])
    if "text" in colours:
        wanted = colours["text"]
        fixed = readable(wanted, values["background"], 4.5, values["surface"])
        values["text"] = fixed
        if fixed != wanted:
            adjustments.append(f"text colour {wanted} changed to {fixed} for contrast")
        values["muted"] = _muted(values["text"], values["background"], values["surface"])
    if "primary" in colours:
        values["primary"] = colours["primary"]
        values["on_primary"] = _readable_on(colours["primary"])
    if "accent" in colours:
        values["accent"] = readable(colours["accent"], values["background"], 3.0)
    if contrast(values["primary"], values["background"]) < 3.0:
        adjustments.append("buttons keep the asked colour; their outline style may be faint on this background")
    if contrast(values["accent"], values["background"]) < 3.0:
        values["accent"] = readable(values["accent"], values["background"], 3.0)
    return Palette(**values)


def make_readable(palette: Palette, adjustments: list[str]) -> Palette:
    """`palette` with every text pair raised to WCAG AA (used by QA to fix what it finds)."""
    values = palette.model_dump()
    bg, surface = values["background"], values["surface"]
    if contrast(values["text"], bg) < 4.5 or contrast(values["text"], surface) < 4.5:
        values["text"] = readable(values["text"], bg, 4.5, surface)
        adjustments.append(f"text colour changed to {values['text']} for contrast")
    if contrast(values["muted"], bg) < 4.5 or contrast(values["muted"], surface) < 4.5:
        values["muted"] = _muted(values["text"], bg, surface)
        adjustments.append(f"secondary text colour changed to {values['muted']} for contrast")
    if contrast(values["on_primary"], values["primary"]) < 4.5:
        values["on_primary"] = _readable_on(values["primary"])
        if contrast(values["on_primary"], values["primary"]) < 4.5:
            values["primary"] = readable(values["primary"], values["on_primary"], 4.5)
        adjustments.append("button text colour changed for contrast")
    if contrast(values["accent"], bg) < 3.0:
        values["accent"] = readable(values["accent"], bg, 3.0)
    return Palette(**values)


def _is_dark(colour: str) -> bool:
    return contrast(colour, "#ffffff") > contrast(colour, "#000000")


def _readable_on(colour: str) -> str:
    """White, near-black or black: the first that reads at AA on `colour`, else the best."""
    for candidate in ("#ffffff", "#111111", "#000000"):
        if contrast(candidate, colour) >= 4.5:
            return candidate
    return max(("#ffffff", "#000000"), key=lambda c: contrast(c, colour))


def _muted(text: str, background: str, surface: str) -> str:
    for weight in (0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0):
        candidate = mix(text, background, weight)
        if contrast(candidate, background) >= 4.5 and contrast(candidate, surface) >= 4.5:
            return candidate
    return text
