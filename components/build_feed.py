"""The live feed of agent messages with a progress bar."""

from __future__ import annotations

from typing import TypedDict

import reflex as rx


class FeedItem(TypedDict):
    """One agent message of a build's live feed."""

    id: str
    agent: str
    message: str


def _feed_item(item: FeedItem) -> rx.Component:
    return rx.hstack(
        rx.badge(item["agent"], variant="soft", min_width="5.5em", justify="center"),
        rx.text(item["message"], size="2"),
        align="start",
        spacing="2",
        class_name="feed-item",
    )


def build_feed(*, items, progress, status_text) -> rx.Component:
    """`items` is a list var of `FeedItem`s; `progress` 0-100."""
    return rx.vstack(
        rx.hstack(
            rx.text(status_text, size="2", weight="medium", id="build-status"),
            rx.spacer(),
            rx.text(progress, "%", size="2", id="build-progress"),
            width="100%",
        ),
        rx.progress(value=progress, max=100, width="100%", aria_label="Build progress"),
        rx.box(
            rx.vstack(rx.foreach(items, _feed_item), spacing="2", id="build-feed", role="log", aria_live="polite"),
            max_height="320px",
            overflow_y="auto",
            tab_index=0,
            aria_label="Build activity",
            width="100%",
        ),
        width="100%",
        spacing="2",
    )
