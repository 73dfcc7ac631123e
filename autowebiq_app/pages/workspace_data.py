"""The workspace's Data tab: the records the site keeps in this preview, as the visitor of the
preview changes them. The site's runtime sends them from the preview frame (only there, and
only to this page's origin); this page draws them as text, never as markup."""

from __future__ import annotations

import reflex as rx

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


def data_panel() -> rx.Component:
    return rx.vstack(
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
