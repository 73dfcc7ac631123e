"""AutoWebIQ: an AI website builder (domain core, pages and API)."""
