"""The offline image agent: deterministic SVG art from the plan's palette and subjects."""

from __future__ import annotations

import hashlib
import random
from xml.sax.saxutils import escape

from autowebiq_app.engine.plan import ImageSpec, Palette, SitePlan


def render_images(plan: SitePlan) -> dict[str, str]:
    """Every image the plan asks for, as `assets/<name>` -> SVG text."""
    return {f"assets/{spec.name}": render_image(spec, plan) for spec in plan.images}


def render_image(spec: ImageSpec, plan: SitePlan) -> str:
    rng = random.Random(int(hashlib.sha256(f"{plan.seed}:{plan.name}:{spec.name}".encode()).hexdigest()[:12], 16))
    if spec.subject == "favicon":
        return favicon_svg(plan.name, plan.palette)
    if spec.name.startswith("hero"):
        return _scene(spec, plan.palette, rng, width=1200, height=800, blobs=7)
    return _scene(spec, plan.palette, rng, width=600, height=450, blobs=4)


def illustration(*, alt: str, palette, key: str, width: int, height: int) -> str:
    """Abstract art for `alt`, in the palette's colours; the same key gives the same picture."""
    rng = random.Random(int(hashlib.sha256(key.encode()).hexdigest()[:12], 16))
    spec = ImageSpec(name=key, subject=alt, alt=alt)
    return _scene(spec, palette, rng, width=width, height=height, blobs=6 if width >= 1000 else 4)


def _scene(spec: ImageSpec, p: Palette, rng: random.Random, *, width: int, height: int, blobs: int) -> str:
    shapes = []
    colours = (p.primary, p.accent, p.surface, p.muted)
    for index in range(blobs):
        cx, cy = rng.randint(0, width), rng.randint(0, height)
        r = rng.randint(height // 8, height // 2)
        opacity = rng.choice((0.25, 0.35, 0.5, 0.7))
        colour = colours[index % len(colours)]
        if index % 3 == 2:
            shapes.append(
                f'<rect x="{cx - r // 2}" y="{cy - r // 2}" width="{r}" height="{r}" rx="{r // 6}" '
                f'fill="{colour}" opacity="{opacity}" transform="rotate({rng.randint(-30, 30)} {cx} {cy})"/>'
            )
        else:
            shapes.append(f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="{colour}" opacity="{opacity}"/>')
    title = escape(spec.alt)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{title}"><title>{title}</title>'
        f'<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">'
        f'<stop offset="0" stop-color="{p.background}"/><stop offset="1" stop-color="{p.surface}"/>'
        f"</linearGradient></defs>"
        f'<rect width="{width}" height="{height}" fill="url(#g)"/>{"".join(shapes)}</svg>'
    )


def favicon_svg(name: str, p: Palette) -> str:
    """A rounded square with the name's first letter."""
    letter = escape((name.strip() or "A")[0].upper())
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
        f'<rect width="64" height="64" rx="14" fill="{p.primary}"/>'
        f'<text x="32" y="44" font-family="Georgia, serif" font-size="36" text-anchor="middle" '
        f'fill="{p.on_primary}">{letter}</text></svg>'
    )
