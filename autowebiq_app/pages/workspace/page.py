"""/workspace/[project_id]: prompt, live agent feed, and the sandboxed preview."""

from __future__ import annotations

import reflex as rx

from autowebiq_app import routes
from autowebiq_app.pages.workspace.code import CodeState, code_panel, spec_panel
from autowebiq_app.pages.workspace.data import data_listener, data_panel
from autowebiq_app.pages.workspace.preview import PreviewState
from autowebiq_app.pages.workspace.state import WorkspaceState
from autowebiq_app.pages.workspace.versions import VersionsState, versions_panel
from components.build_feed import build_feed
from components.layout import error_callout, page_shell
from components.preview_frame import preview_frame
from state.auth import AuthState
from state.credits import CreditsState

ENTER_SENDS = """
if (!window.awEnterSends) window.awEnterSends = document.addEventListener("keydown", function (event) {
  var box = event.target;
  if (event.key !== "Enter" || event.shiftKey || event.isComposing || !box || box.id !== "prompt") return;
  event.preventDefault();
  var send = document.getElementById("build-button");
  if (box.form && send && !send.disabled && box.value.trim()) box.form.requestSubmit(send);
}) || true;
"""
"""Enter in the prompt box sends it; Shift+Enter starts a new line."""


def prompt_form() -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.text("Describe a site, or a change to this one", as_="label", html_for="prompt", weight="medium"),
            rx.text_area(
                id="prompt",
                name="prompt",
                placeholder="Build a luxury e-commerce website for a jewellery brand called Aurum",
                rows="4",
                width="100%",
                required=True,
            ),
            error_callout(WorkspaceState.error),
            rx.cond(
                WorkspaceState.notice != "",
                rx.callout(WorkspaceState.notice, icon="info", color_scheme="blue", id="build-notice", width="100%"),
            ),
            rx.hstack(
                rx.button(
                    rx.cond(WorkspaceState.busy, "Working…", "Send"),
                    type="submit",
                    disabled=WorkspaceState.busy,
                    loading=WorkspaceState.busy,
                    id="build-button",
                ),
                rx.cond(
                    WorkspaceState.busy,
                    rx.button(
                        "Cancel",
                        type="button",
                        on_click=WorkspaceState.cancel_build,
                        color_scheme="red",
                        variant="soft",
                        id="cancel-button",
                    ),
                ),
                rx.text("Enter sends · Shift+Enter for a new line", size="1", color_scheme="gray"),
                align="center",
                spacing="3",
            ),
            rx.script(ENTER_SENDS),
            data_listener(),
            width="100%",
            spacing="2",
        ),
        on_submit=WorkspaceState.start_build,
        reset_on_submit=True,
        width="100%",
    )


def model_writing() -> rx.Component:
    """The model's reply (plan, app spec, module or change) as it streams in."""
    return rx.cond(
        WorkspaceState.model_text != "",
        rx.vstack(
            rx.text("Written by the model, as it arrives", size="1", color_scheme="gray"),
            rx.el.pre(
                WorkspaceState.model_text,
                id="model-text",
                style={
                    "max_height": "12em",
                    "overflow": "auto",
                    "white_space": "pre-wrap",
                    "word_break": "break-all",
                    "font_size": "0.75em",
                    "margin": "0",
                },
            ),
            width="100%",
            spacing="1",
            padding_top="0.5em",
        ),
    )


def chat_history() -> rx.Component:
    return rx.vstack(
        rx.foreach(
            WorkspaceState.messages,
            lambda m: rx.box(
                rx.text(m["content"], size="2"),
                padding="0.5em 0.75em",
                border_radius="8px",
                background=rx.cond(m["role"] == "user", "var(--accent-a3)", "var(--gray-a3)"),
                align_self=rx.cond(m["role"] == "user", "end", "start"),
                max_width="90%",
                class_name="chat-message",
                custom_attrs={"data-role": m["role"]},
            ),
        ),
        width="100%",
        spacing="2",
    )


def quality_panel() -> rx.Component:
    """The latest version's QA report: its score and every check, failures first."""
    return rx.cond(
        WorkspaceState.qa_score != "",
        rx.vstack(
            rx.hstack(
                rx.text("QA score", weight="medium"),
                rx.badge(WorkspaceState.qa_score, id="qa-score", size="2"),
                align="center",
            ),
            rx.cond(WorkspaceState.qa_features != "", rx.text(WorkspaceState.qa_features, id="qa-features", size="2")),
            rx.cond(
                WorkspaceState.app_summary.length() > 0,
                rx.vstack(
                    rx.text("What was built", weight="medium", size="2"),
                    rx.foreach(WorkspaceState.app_summary, lambda line: rx.text(line, size="1")),
                    id="app-spec",
                    spacing="1",
                ),
            ),
            rx.foreach(
                WorkspaceState.qa_checks,
                lambda c: rx.hstack(
                    rx.badge(c["result"], color_scheme=rx.cond(c["result"] == "Passed", "green", "red")),
                    rx.vstack(
                        rx.text(c["name"], size="2"),
                        rx.cond(c["problems"] != "", rx.text(c["problems"], size="1", color_scheme="red")),
                        spacing="0",
                    ),
                    class_name="qa-check",
                    align="start",
                ),
            ),
            id="quality-panel",
            spacing="2",
            width="100%",
        ),
        rx.text("Build a site to see its quality report.", size="2", color_scheme="gray"),
    )


def model_select() -> rx.Component:
    """The project's model, when the deployment offers more than one."""
    return rx.cond(
        WorkspaceState.models.length() > 1,
        rx.hstack(
            rx.text("Model", size="2", color_scheme="gray", aria_hidden="true"),
            rx.select.root(
                rx.select.trigger(id="model-select", aria_label="Model"),
                rx.select.content(rx.foreach(WorkspaceState.models, lambda name: rx.select.item(name, value=name))),
                value=WorkspaceState.model,
                on_change=WorkspaceState.choose_model,
                disabled=WorkspaceState.busy,
                size="1",
            ),
            align="center",
            spacing="2",
        ),
    )


SPLIT = """
if (!window.awSplit) {
  window.awSplit = true;
  var KEY = "autowebiq_split", MIN = 320;
  var grid = function () { return document.getElementById("workspace-grid"); };
  var set = function (px) {
    var g = grid();
    if (!g) return;
    var width = g.getBoundingClientRect().width;
    var gap = parseFloat(getComputedStyle(g).columnGap) || 0;
    px = Math.round(Math.max(MIN, Math.min(width - MIN - 12 - 2 * gap, px)));
    g.style.setProperty("--aw-chat", px + "px");
    var handle = document.getElementById("workspace-split");
    if (handle) handle.setAttribute("aria-valuenow", String(Math.round((100 * px) / width)));
    try { localStorage.setItem(KEY, String(px)); } catch (e) { /* private mode */ }
  };
  var chatWidth = function () {
    var chat = document.getElementById("workspace-chat");
    return chat ? chat.getBoundingClientRect().width : 0;
  };
  var restore = function () {
    var saved = parseInt(localStorage.getItem(KEY) || "", 10);
    if (saved > 0 && grid()) set(saved);
  };
  document.addEventListener("pointerdown", function (event) {
    if (!event.target.closest || !event.target.closest("#workspace-split")) return;
    event.preventDefault();
    var chat = document.getElementById("workspace-chat").getBoundingClientRect();
    var grab = event.clientX - chat.right;  /* from the chat's edge to where the handle was taken */
    var move = function (e) { set(e.clientX - chat.left - grab); };
    var up = function () { document.removeEventListener("pointermove", move); document.removeEventListener("pointerup", up); };
    document.addEventListener("pointermove", move);
    document.addEventListener("pointerup", up);
  });
  document.addEventListener("keydown", function (event) {
    if (!event.target || event.target.id !== "workspace-split") return;
    var step = event.key === "ArrowLeft" ? -40 : event.key === "ArrowRight" ? 40 : 0;
    if (!step) return;
    event.preventDefault();
    set(chatWidth() + step);
  });
  new MutationObserver(function () {
    var g = grid();
    if (g && !g.dataset.awRestored) { g.dataset.awRestored = "1"; restore(); }
  }).observe(document.body, { childList: true, subtree: true });
}
"""
"""The workspace's split: drag the handle (or focus it and use the arrow keys) to give the chat
or the preview more room; the width is kept in this browser."""


def split_handle() -> rx.Component:
    return rx.box(
        rx.script(SPLIT),
        id="workspace-split",
        role="separator",
        aria_orientation="vertical",
        aria_label="Resize the chat and the preview",
        aria_valuemin=0,
        aria_valuemax=100,
        aria_valuenow=50,
        tab_index=0,
        display=rx.breakpoints(initial="none", lg="block"),
        width="12px",
        align_self="stretch",
        cursor="col-resize",
        border_radius="6px",
        background="var(--gray-a3)",
        _hover={"background": "var(--accent-a5)"},
        _focus_visible={"outline": "2px solid var(--accent-8)"},
    )


def workspace_body() -> rx.Component:
    return rx.grid(
        rx.vstack(
            rx.hstack(
                rx.heading(WorkspaceState.project_name, size="6", id="project-name"),
                rx.hstack(
                    model_select(),
                    rx.button(
                        "Duplicate", variant="soft", size="1", id="duplicate-project", on_click=WorkspaceState.duplicate
                    ),
                    align="center",
                    spacing="3",
                ),
                justify="between",
                align="center",
                width="100%",
            ),
            chat_history(),
            prompt_form(),
            rx.tabs.root(
                rx.tabs.list(
                    rx.tabs.trigger("Activity", value="activity"),
                    rx.tabs.trigger("Quality", value="quality"),
                    rx.tabs.trigger("Versions", value="versions"),
                    rx.tabs.trigger("Code", value="code"),
                    rx.tabs.trigger("Spec", value="spec"),
                    rx.tabs.trigger("Data", value="data"),
                    flex_wrap="wrap",
                ),
                rx.tabs.content(
                    build_feed(
                        items=WorkspaceState.feed,
                        progress=WorkspaceState.progress,
                        status_text=WorkspaceState.status_text,
                    ),
                    model_writing(),
                    rx.cond(
                        WorkspaceState.usage_text != "",
                        rx.text("Model: ", WorkspaceState.usage_text, size="2", color_scheme="gray", id="build-usage"),
                    ),
                    value="activity",
                    padding_top="0.75em",
                ),
                rx.tabs.content(quality_panel(), value="quality", padding_top="0.75em"),
                rx.tabs.content(versions_panel(), value="versions", padding_top="0.75em"),
                rx.tabs.content(code_panel(), value="code", padding_top="0.75em"),
                rx.tabs.content(spec_panel(), value="spec", padding_top="0.75em"),
                rx.tabs.content(data_panel(), value="data", padding_top="0.75em"),
                default_value="activity",
                on_change=CodeState.open_tab,
                width="100%",
            ),
            spacing="4",
            width="100%",
            min_width="0",
            id="workspace-chat",
        ),
        split_handle(),
        rx.box(
            preview_frame(
                PreviewState.url,
                device=PreviewState.device,
                on_device=PreviewState.set_device,
                reloads=PreviewState.reloads,
                on_reload=PreviewState.reload,
            ),
            # Pinned beside the chat on a wide screen; first on a phone, not below the chat.
            position=rx.breakpoints(initial="static", lg="sticky"),
            top="1em",
            align_self="start",
            order=rx.breakpoints(initial="-1", lg="0"),
            width="100%",
            id="preview-panel",
        ),
        grid_template_columns=rx.breakpoints(
            initial="minmax(0, 1fr)", lg="minmax(320px, var(--aw-chat, 1fr)) 12px minmax(320px, 1fr)"
        ),
        spacing="4",
        width="100%",
        id="workspace-grid",
    )


@rx.page(
    route=routes.WORKSPACE,
    title="Workspace | AutoWebIQ",
    on_load=[AuthState.require_login, WorkspaceState.load, VersionsState.load, CreditsState.refresh],
)
def workspace_page() -> rx.Component:
    return page_shell(
        rx.cond(
            WorkspaceState.not_found,
            rx.vstack(
                rx.heading("Project not found", size="6"),
                rx.link("Back to your projects", href=routes.DASHBOARD),
            ),
            workspace_body(),
        )
    )
