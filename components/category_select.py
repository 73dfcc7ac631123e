"""A labelled category picker."""

from __future__ import annotations

import reflex as rx


def category_select(options, value, on_change) -> rx.Component:
    return rx.select.root(
        rx.select.trigger(aria_label="Category", id="category-select"),
        rx.select.content(rx.foreach(options, lambda option: rx.select.item(option, value=option))),
        value=value,
        on_change=on_change,
    )
