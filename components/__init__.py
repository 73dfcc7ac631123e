"""Reusable Reflex components: nouns that return `rx.Component`, fed by vars they are given."""
