"""The offline image agent: deterministic SVG art from the plan's palette and subjects."""

from __future__ import annotations

import hashlib
import random
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from autowebiq_app.catalog.illustrations import illustration, scene
from autowebiq_app.catalog.schema import Palette

if TYPE_CHECKING:
    from autowebiq_app.engine.plan import SitePlan

FAVICON = "assets/favicon.svg"
SOCIAL_PREVIEW = "assets/social-preview.svg"


def render_images(plan: SitePlan) -> dict[str, str]:
    """Every image the plan wants, plus its favicon and social preview: path -> SVG."""
    files = {
        image.path: illustration(
            alt=image.subject, palette=plan.palette, key=image_key(image.path), width=image.width, height=image.height
        )
        for image in plan.images
    }
    files[FAVICON] = favicon_svg(plan.name, plan.palette)
    files[SOCIAL_PREVIEW] = social_preview_svg(plan.name, plan.filled(plan.tagline), plan.palette)
    return files


def image_path(key: str) -> str:
    return f"assets/{key}.svg"


def image_key(path: str) -> str:
    return path.removeprefix("assets/").removesuffix(".svg")


def favicon_svg(name: str, p: Palette) -> str:
    """A rounded square with the name's first letter."""
    letter = escape((name.strip() or "A")[0].upper())
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
        f'<rect width="64" height="64" rx="14" fill="{p.primary}"/>'
        f'<text x="32" y="44" font-family="Georgia, serif" font-size="36" text-anchor="middle" '
        f'fill="{p.on_primary}">{letter}</text></svg>'
    )


def social_preview_svg(name: str, tagline: str, p: Palette) -> str:
    """The 1200x630 card link previews show: the name and tagline over the palette's art."""
    rng = random.Random(int(hashlib.sha256(f"social|{name}".encode()).hexdigest()[:12], 16))
    art = scene(name, p, rng, width=1200, height=630, blobs=6)
    panel = (
        f'<rect x="60" y="360" width="1080" height="210" rx="24" fill="{p.background}" opacity="0.92"/>'
        f'<text x="100" y="450" font-family="Georgia, serif" font-size="64" fill="{p.text}">{escape(name[:40])}</text>'
        f'<text x="100" y="520" font-family="system-ui, sans-serif" font-size="30" fill="{p.muted}">'
        f"{escape(tagline[:70])}</text>"
    )
    return art.replace("</svg>", panel + "</svg>")
