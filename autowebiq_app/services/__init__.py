"""Plain-Python services: keyword-only arguments and an explicit session, no Reflex."""
