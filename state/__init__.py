"""Shared Reflex states (auth, credits); they import nothing from pages."""
