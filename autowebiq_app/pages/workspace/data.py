"""The workspace's Data tab: what visitors sent through the published site's forms (kept for
the owner, downloadable as CSV), and the records the site keeps in this preview, as the
visitor of the preview changes them. The site's runtime sends those from the preview frame
(only there, and only to this page's origin); this page draws them as text, never as markup."""

from __future__ import annotations

from typing import TypedDict

import reflex as rx

from autowebiq_app.services import site_submissions
from state.signed_in import as_user, page_event

SHOWN = 100
"""Submissions listed in the tab (the CSV has them all)."""


class SubmissionItem(TypedDict):
    received: str
    form: str
    page: str
    fields: str


class SubmissionsState(rx.State):
    items: list[SubmissionItem] = []
    total: int = 0
    error: str = ""

    @rx.event
    @page_event
    async def load(self):
        """The project's submissions, newest first."""
        rows = await self._rows()
        self.total, self.error = len(rows), ""
        self.items = [
            SubmissionItem(
                received=row.created_at.strftime("%d %b %H:%M"),
                form=row.form,
                page=row.page,
                fields=" · ".join(f"{name}: {value}" for name, value in row.fields),
            )
            for row in rows[:SHOWN]
        ]

    @rx.event
    @page_event
    async def download(self):
        """All of them as a CSV file."""
        rows = await self._rows()
        return rx.download(data=site_submissions.as_csv(rows), filename="form-submissions.csv")

    async def _rows(self) -> list[site_submissions.Submission]:
        project_id = self.router.page.params.get("project_id", "")
        return await as_user(self, site_submissions.for_project, project_id=project_id)

LISTEN = """
if (!window.awDataListens) {
  window.awDataListens = true;
  window.awPreviewData = null;
  var preview = function () { return document.getElementById("site-preview"); };
  var cell = function (value) {
    if (value === null || value === undefined) return "";
    return typeof value === "object" ? JSON.stringify(value) : String(value);
  };
  window.awDrawData = function () {
    var box = document.getElementById("preview-data");
    if (!box) return;
    box.textContent = "";
    var collections = window.awPreviewData;
    if (!collections) { box.textContent = "Open the preview to see the records it keeps."; return; }
    var names = Object.keys(collections).filter(function (name) {
      return name.charAt(0) !== "_" || (collections[name] || []).length;
    });
    if (!names.length) { box.textContent = "This site keeps no records."; return; }
    names.forEach(function (name) {
      var rows = collections[name] || [];
      var heading = document.createElement("h3");
      heading.className = "data-entity";
      heading.textContent = name.replace(/^_/, "") + " (" + rows.length + ")";
      box.appendChild(heading);
      var keys = [];
      rows.forEach(function (row) {
        Object.keys(row).forEach(function (key) { if (key !== "created" && keys.indexOf(key) < 0) keys.push(key); });
      });
      if (!rows.length) return;
      var table = document.createElement("table");
      table.className = "data-table";
      table.style.cssText = "border-collapse: collapse; font-size: 13px; margin-bottom: 12px";
      var head = table.createTHead().insertRow();
      keys.forEach(function (key) {
        var th = document.createElement("th");
        th.textContent = key;
        th.style.cssText = "text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--gray-a6)";
        head.appendChild(th);
      });
      var body = table.createTBody();
      rows.slice(0, 200).forEach(function (row) {
        var tr = body.insertRow();
        tr.className = "data-row";
        keys.forEach(function (key) {
          var td = tr.insertCell();
          td.textContent = cell(row[key]);
          td.style.cssText = "padding: 4px 8px; border-bottom: 1px solid var(--gray-a3)";
        });
      });
      box.appendChild(table);
    });
  };
  window.awAskData = function () {
    var frame = preview();
    if (frame && frame.contentWindow) frame.contentWindow.postMessage({ type: "aw-data-request" }, "*");
    window.awDrawData();
  };
  window.addEventListener("message", function (event) {
    var frame = preview();
    if (!frame || event.source !== frame.contentWindow || !event.data || event.data.type !== "aw-data") return;
    window.awPreviewData = event.data.collections || {};
    window.awDrawData();
  });
}
"""
"""Installed once per page: keeps the preview's latest records and draws them when shown."""


def data_listener() -> rx.Component:
    return rx.script(LISTEN)


SUBMISSION_COLUMNS = ("received", "form", "page", "what they sent")


def _submission_row(item: SubmissionItem) -> rx.Component:
    return rx.table.row(
        rx.table.cell(item["received"], white_space="nowrap"),
        rx.table.cell(item["form"]),
        rx.table.cell(item["page"]),
        rx.table.cell(item["fields"]),
        class_name="submission-row",
    )


def submissions_section() -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.heading("Sent through the published site", size="3", as_="h3"),
            rx.spacer(),
            rx.button("Refresh", size="1", variant="soft", on_click=SubmissionsState.load, id="submissions-refresh"),
            rx.button(
                "Download CSV",
                size="1",
                variant="soft",
                on_click=SubmissionsState.download,
                disabled=SubmissionsState.total == 0,
                id="submissions-csv",
            ),
            width="100%",
            align="center",
            wrap="wrap",
        ),
        rx.cond(SubmissionsState.error != "", rx.callout(SubmissionsState.error, color_scheme="red", size="1")),
        rx.cond(
            SubmissionsState.total == 0,
            rx.text(
                "Messages, bookings and sign-ups that visitors send through the published site's forms arrive here.",
                size="2",
                color_scheme="gray",
                id="submissions-empty",
            ),
            rx.table.root(
                rx.table.header(rx.table.row(*[rx.table.column_header_cell(h) for h in SUBMISSION_COLUMNS])),
                rx.table.body(rx.foreach(SubmissionsState.items, _submission_row)),
                id="submissions",
                size="1",
                width="100%",
            ),
        ),
        on_mount=SubmissionsState.load,
        width="100%",
        spacing="2",
    )


def data_panel() -> rx.Component:
    return rx.vstack(
        submissions_section(),
        rx.heading("In this preview", size="3", as_="h3"),
        rx.text(
            "The records this preview keeps, live as you use it. Each visitor of the published site "
            "keeps their own, in their browser.",
            size="2",
            color_scheme="gray",
        ),
        rx.box(
            id="preview-data",
            on_mount=rx.call_script("window.awAskData && window.awAskData()"),
            width="100%",
            overflow_x="auto",
            class_name="preview-data",
        ),
        width="100%",
        spacing="2",
    )
