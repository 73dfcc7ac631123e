/* Dashboard: figures (count, sum, average, distinct values, a kept figure's latest value) and a bar chart computed from the stored records,
   updated whenever the data changes. Config: {stats: [{label, entity, agg, field, where, last, date, switched}],
   chart: {entity, by, title, sum}, switch: {field, options, label}}. */
AW.feature("dashboard", function (root, config) {
  "use strict";
  var h = AW.h;
  var uid = AW.uid("dash");
  var statsList = h("ul", { class: "aw-stats", role: "list" });
  var chartBox = h("div", { class: "aw-chart card" });
  root.appendChild(h("h2", { id: uid + "-title", text: config.heading || AW.t("overview", "Overview") }));
  /* A switch between periods ("Last 7 days", "Last 30 days"): the figures marked `switched`
     show the records of the chosen one (config.switch: {field, options, label}). */
  var period = config.switch ? config.switch.options[0] : null;
  var periods = null;
  if (config.switch) {
    periods = h("div", { class: "aw-periods btn-row", role: "group", "aria-label": config.switch.label || AW.t("period", "Period") });
    config.switch.options.forEach(function (option) {
      periods.appendChild(h("button", { type: "button", class: "btn btn-small", "data-period": option,
        onclick: function () { period = option; render(); } }, option));
    });
    root.appendChild(periods);
  }
  root.appendChild(statsList);
  if (config.chart) root.appendChild(chartBox);

  function rows(spec) {
    var list = AW.db.list(spec.entity);
    var where = Object.assign({}, spec.where || {});
    if (spec.switched && config.switch) where[config.switch.field] = period;
    Object.keys(where).forEach(function (k) {
      list = list.filter(function (r) { return String(r[k]) === String(where[k]); });
    });
    if (spec.last && spec.date) {
      /* "the weekly average": the latest `last` records by their date. */
      list = list.slice().sort(function (a, b) { return String(b[spec.date] || "").localeCompare(String(a[spec.date] || "")); }).slice(0, spec.last);
    }
    return list;
  }
  function fieldOf(entity, key) {
    var e = AW.entity(entity);
    return e ? e.fields.filter(function (f) { return f.key === key; })[0] : null;
  }
  AW.dashboardValue = function (spec) {
    var list = rows(spec);
    if (spec.agg === "sum" || spec.agg === "avg") {
      var total = list.reduce(function (acc, r) { return acc + (Number(r[spec.field]) || 0); }, 0);
      return spec.agg === "sum" ? total : list.length ? total / list.length : 0;
    }
    if (spec.agg === "latest") {
      /* A figure kept as a record (a KPI's value): the newest one's. */
      var latest = list[list.length - 1];
      return latest ? Number(latest[spec.field]) || 0 : 0;
    }
    if (spec.agg === "distinct") {
      /* "the number of classes" when a class is a value students have: how many different ones. */
      var seen = {};
      list.forEach(function (r) { var v = String(r[spec.field] === undefined || r[spec.field] === null ? "" : r[spec.field]).trim(); if (v) seen[v] = true; });
      return Object.keys(seen).length;
    }
    return list.length;
  };
  function render() {
    statsList.innerHTML = "";
    if (periods) periods.querySelectorAll("button").forEach(function (b) {
      var on = b.getAttribute("data-period") === period;
      b.className = "btn btn-small " + (on ? "btn-primary" : "btn-outline");
      b.setAttribute("aria-pressed", on ? "true" : "false");
    });
    (config.stats || []).forEach(function (spec) {
      var value = AW.dashboardValue(spec);
      var field = spec.field ? fieldOf(spec.entity, spec.field) : null;
      var unit = spec.agg === "latest" ? (rows(spec).slice(-1)[0] || {}).unit : null;
      var shown = (field && field.type === "money") || unit === "$" ? AW.money(value) : AW.number(value) + (unit === "%" ? "%" : "");
      statsList.appendChild(h("li", { class: "aw-stat card" }, h("span", { class: "aw-stat__value", text: shown }), h("span", { text: spec.label })));
    });
    if (!config.chart) return;
    var c = config.chart;
    var by = fieldOf(c.entity, c.by) || { key: c.by, type: "text" };
    var groups = {};
    AW.db.list(c.entity).forEach(function (r) {
      var key = AW.display(by, r[c.by]) || AW.t("none_value", "(none)");
      groups[key] = (groups[key] || 0) + (c.sum ? Number(r[c.sum]) || 0 : 1);
    });
    var keys = Object.keys(groups).sort(function (a, b) { return groups[b] - groups[a]; });
    var max = keys.reduce(function (m, k) { return Math.max(m, groups[k]); }, 0) || 1;
    var sum = keys.reduce(function (n, k) { return n + groups[k]; }, 0) || 1;
    chartBox.innerHTML = "";
    chartBox.appendChild(h("h3", { text: c.title || AW.t("chart", "Chart") }));
    var bars = h("ul", { class: "aw-bars", role: "list" });
    keys.forEach(function (k) {
      var sumField = c.sum ? fieldOf(c.entity, c.sum) : null;
      var label = (sumField && sumField.type === "money" ? AW.money(groups[k]) : AW.number(groups[k])) + " (" + Math.round((groups[k] / sum) * 100) + "%)";
      bars.appendChild(h("li", { class: "aw-bar" },
        h("span", { text: k }),
        h("span", { class: "aw-bar__track", "aria-hidden": "true" }, h("span", { class: "aw-bar__fill", style: "width:" + Math.round((groups[k] / max) * 100) + "%" })),
        h("span", { class: "aw-bar__value", text: label })));
    });
    if (!keys.length) bars.appendChild(h("li", { class: "muted", text: AW.t("nodata", "No data yet.") }));
    chartBox.appendChild(bars);
  }
  AW.db.on(render);
  render();
});

AW.selftest("dashboard", async function (root, t, config) {
  var first = (config.stats || []).filter(function (s) { return s.agg === "count" && !s.where; })[0];
  t.ok(root.querySelectorAll(".aw-stat").length === (config.stats || []).length, "every figure is shown");
  if (!first) return;
  var before = AW.dashboardValue(first);
  var entity = AW.entity(first.entity);
  var record = {};
  record[entity.title] = "Selftest record";
  var added = AW.db.add(first.entity, record);
  await t.wait(20);
  t.ok(AW.dashboardValue(first) === before + 1, "a new record is counted");
  t.ok(t.text().indexOf(AW.number(before + 1)) >= 0, "the figure on the page follows the data");
  AW.db.remove(first.entity, added.id);
  if (config.chart) t.ok(root.querySelectorAll(".aw-bar").length > 0, "the chart has bars from the data");
});
