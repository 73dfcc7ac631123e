"""Developer tooling, outside the runtime package: the catalog's quality gates (HTML validity,
accessibility, links, in Chromium) and the template thumbnails. The tests and `scripts/` use
them; the app never does."""
