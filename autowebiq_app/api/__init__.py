"""The HTTP side of the backend: preview, published sites, the JSON API and health."""
