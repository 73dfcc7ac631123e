"""The generated site, shown in a sandboxed iframe served from its own route, with device widths,
reload and open-in-a-new-tab."""

from __future__ import annotations

import reflex as rx

from autowebiq_app.api.site_files import SITE_SANDBOX

DEVICE_WIDTHS = {"phone": "390px", "tablet": "768px", "desktop": "100%"}


def preview_frame(src, *, device, on_device, reloads, on_reload) -> rx.Component:
    """`src` the preview's URL ("" before the first build); `device` one of DEVICE_WIDTHS;
    `reloads` a count that changes the frame's address to load it again."""
    return rx.cond(
        src != "",
        rx.vstack(
            rx.hstack(
                rx.segmented_control.root(
                    *[rx.segmented_control.item(name.capitalize(), value=name) for name in DEVICE_WIDTHS],
                    value=device,
                    on_change=on_device,
                    size="1",
                    id="preview-device",
                ),
                rx.spacer(),
                rx.icon_button(
                    rx.icon("rotate-cw", size=16), on_click=on_reload, variant="soft", size="1", aria_label="Reload"
                ),
                rx.link("Open in a new tab", href=src, is_external=True, size="2", id="preview-open"),
                width="100%",
                align="center",
                spacing="2",
            ),
            rx.center(
                rx.el.iframe(
                    src=src + "?view=" + reloads.to_string(),
                    title="Site preview",
                    sandbox=SITE_SANDBOX,
                    id="site-preview",
                    style={
                        "width": rx.match(device, *DEVICE_WIDTHS.items(), "100%"),
                        "max_width": "100%",
                        "height": "min(78vh, 900px)",
                        "border": "1px solid var(--gray-a6)",
                        "border_radius": "10px",
                        "background": "white",
                    },
                ),
                width="100%",
            ),
            width="100%",
            spacing="2",
        ),
        rx.center(
            rx.text("Your site will appear here after the first build.", color_scheme="gray"),
            height="50vh",
            border="1px dashed var(--gray-a6)",
            border_radius="10px",
        ),
    )


SITE_WIDTH, SITE_HEIGHT = 1280, 800


def site_miniature(src, *, scale: float, class_name: str = "site-miniature") -> rx.Component:
    """A site drawn small: its page laid out at desktop width, scaled down, not clickable inside."""
    return rx.box(
        rx.el.iframe(
            src=src,
            title="Preview of the site",
            sandbox=SITE_SANDBOX,
            loading="lazy",
            tab_index=-1,
            aria_hidden="true",
            class_name=class_name,
            style={
                "width": f"{SITE_WIDTH}px",
                "height": f"{SITE_HEIGHT}px",
                "border": "0",
                "transform": f"scale({scale})",
                "transform_origin": "0 0",
                "pointer_events": "none",
                "background": "white",
            },
        ),
        width=f"min({SITE_WIDTH * scale:.0f}px, 100%)",
        height=f"{SITE_HEIGHT * scale:.0f}px",
        overflow="hidden",
        border_radius="6px",
        border="1px solid var(--gray-a5)",
        flex_shrink="0",
    )
