"""Test doubles for external services (started in-process, on loopback)."""
