"""The offline reader's parts: facts, phrases, entities and pages (`engine.app_reader` joins them)."""
