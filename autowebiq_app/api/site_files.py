"""Serving a generated site's files with headers that keep untrusted HTML contained."""

from __future__ import annotations

import mimetypes

from fastapi import Response

SITE_SANDBOX = "allow-scripts allow-forms"
"""What a generated site may do, in the builder's frames and as a page of its own: run its
scripts and submit its forms (to its own handlers), with an origin of its own (none of the
app's cookies or storage)."""
SANDBOX_HEADERS = {
    "Content-Security-Policy": f"sandbox {SITE_SANDBOX}",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "private, max-age=60",
}
_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml",
    ".json": "application/json",
}


def site_file_response(files: dict[str, str], path: str, *, headers: dict[str, str] = SANDBOX_HEADERS) -> Response:
    """The file at `path` (a directory means its index.html), or a plain 404, with `headers`:
    the sandbox unless the site is served on an origin of its own (`published_sites`)."""
    path = path.strip("/")
    if path == "" or path.endswith("/"):
        path = f"{path}index.html".lstrip("/")
    content = files.get(path)
    if content is None:
        return plain_404(headers=headers)
    suffix = "." + path.rsplit(".", 1)[-1] if "." in path else ""
    media_type = _TYPES.get(suffix) or mimetypes.guess_type(path)[0] or "application/octet-stream"
    return Response(content, media_type=media_type, headers=headers)


def plain_404(message: str = "Not found", *, headers: dict[str, str] = SANDBOX_HEADERS) -> Response:
    """A text 404 under the same headers as the site files around it."""
    return Response(message, status_code=404, media_type="text/plain", headers=headers)


def zip_response(filename: str, data: bytes) -> Response:
    return Response(
        data, media_type="application/zip", headers={"Content-Disposition": f'attachment; filename="{filename}"'}
    )
