"""Dramatiq workers; import `workers.broker` before any actor module."""
