"""Abstract SVG art in a palette's colours: the catalog's sample pictures and the offline image
agent's (`engine.images`) both draw with it. The same key always gives the same picture."""

from __future__ import annotations

import hashlib
import random
from xml.sax.saxutils import escape

from autowebiq_app.catalog.schema import Palette
from autowebiq_app.colour import mix


def illustration(*, alt: str, palette, key: str, width: int, height: int) -> str:
    """Abstract art for `alt`, in the palette's colours; the same key gives the same picture."""
    rng = random.Random(int(hashlib.sha256(key.encode()).hexdigest()[:12], 16))
    return scene(alt, palette, rng, width=width, height=height, blobs=6 if width >= 1000 else 4)


def scene(alt: str, p: Palette, rng: random.Random, *, width: int, height: int, blobs: int) -> str:
    """A layered abstract landscape: tinted sky, a sun, rolling hills, a few sparks."""
    sky_top, sky_bottom = mix(p.primary, p.background, 0.22), mix(p.accent, p.background, 0.30)
    sun_x, sun_y = rng.randint(width // 5, width * 4 // 5), rng.randint(height // 6, height // 2)
    sun_r = rng.randint(height // 9, height // 5)
    layers = []
    for index in range(3):
        base = height * (0.55 + 0.13 * index)
        points = [f"M0 {base:.0f}"]
        segments = rng.randint(2, 4)
        step = width / segments
        for seg in range(segments):
            cx = step * seg + step / 2
            cy = base - rng.uniform(0.08, 0.28) * height
            points.append(f"Q{cx:.0f} {cy:.0f} {step * (seg + 1):.0f} {base + rng.uniform(-0.05, 0.05) * height:.0f}")
        points.append(f"L{width} {height} L0 {height} Z")
        colour = mix(p.primary, p.text, 1 - 0.25 * index) if index else mix(p.primary, p.background, 0.55)
        layers.append(f'<path d="{" ".join(points)}" fill="{colour}" opacity="{0.75 + 0.1 * index:.2f}"/>')
    sparks = "".join(
        f'<circle cx="{rng.randint(0, width)}" cy="{rng.randint(0, height // 2)}" r="{rng.randint(2, 5)}" '
        f'fill="{p.background}" opacity="0.7"/>'
        for _ in range(blobs)
    )
    title = escape(alt)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{title}"><title>{title}</title>'
        f'<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">'
        f'<stop offset="0" stop-color="{sky_top}"/><stop offset="1" stop-color="{sky_bottom}"/>'
        f"</linearGradient></defs>"
        f'<rect width="{width}" height="{height}" fill="url(#sky)"/>'
        f'<circle cx="{sun_x}" cy="{sun_y}" r="{sun_r}" fill="{p.accent}" opacity="0.85"/>'
        f"{sparks}{''.join(layers)}</svg>"
    )
