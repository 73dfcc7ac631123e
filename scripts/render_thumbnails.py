"""Re-take stale template thumbnails: `python scripts/render_thumbnails.py [--all]`."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from autowebiq_app.catalog.files import load_catalog  # noqa: E402
from devtools import thumbnails  # noqa: E402

if __name__ == "__main__":
    loaded = load_catalog()
    slugs = list(loaded.templates) if "--all" in sys.argv else thumbnails.stale(loaded)
    thumbnails.render(loaded, slugs)
    print(f"rendered {len(slugs)} thumbnails: {', '.join(slugs) or 'none stale'}")
