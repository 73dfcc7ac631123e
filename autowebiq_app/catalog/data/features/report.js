/* Report: one entity grouped by a field (count, optional sum), the records in a table,
   "Export CSV" (a file made in the browser) and "Print". Config: {entity, group_by, sum, best, title, largest_first}. */
AW.feature("report", function (root, config) {
  "use strict";
  var h = AW.h;
  var entity = AW.entity(config.entity);
  var by = entity.fields.filter(function (f) { return f.key === config.group_by; })[0] || entity.fields[0];
  var sum = entity.fields.filter(function (f) { return f.key === config.sum; })[0] || null;
  /* `best`: the highest value of a field in each group (a personal record). */
  var best = entity.fields.filter(function (f) { return f.key === config.best; })[0] || null;
  var summary = h("div", { class: "aw-table-wrap", role: "region", tabindex: "0", "aria-label": config.title || entity.plural });
  var detail = h("div", { class: "aw-table-wrap", role: "region", tabindex: "0", "aria-label": entity.plural });
  var exportButton = h("button", { type: "button", class: "btn btn-primary", text: AW.t("export_csv", "Export CSV") });
  var printButton = h("button", { type: "button", class: "btn btn-outline", text: AW.t("print", "Print") });
  root.appendChild(h("h2", { text: config.title || entity.plural }));
  root.appendChild(h("div", { class: "btn-row" }, exportButton, printButton));
  root.appendChild(summary);
  root.appendChild(h("h3", { text: AW.t("all", "All") + " " + entity.plural.toLowerCase() }));
  root.appendChild(detail);

  function value(f, v) { return f.type === "money" ? AW.money(v || 0) : f.type === "number" ? AW.number(v || 0) : String(v || 0); }
  AW.reportRows = function () {
    var groups = {};
    AW.db.list(config.entity).forEach(function (r) {
      var key = AW.display(by, r[by.key]) || "—";
      groups[key] = groups[key] || { count: 0, total: 0, best: null };
      groups[key].count += 1;
      if (sum) groups[key].total += Number(r[sum.key]) || 0;
      if (best && r[best.key] !== undefined && r[best.key] !== "" && (groups[key].best === null || Number(r[best.key]) > groups[key].best)) groups[key].best = Number(r[best.key]);
    });
    var keys = Object.keys(groups).sort();
    /* `largest_first`: a "top pages" table, the largest total at the top. */
    if (config.largest_first && sum) keys.sort(function (a, b) { return groups[b].total - groups[a].total; });
    return keys.map(function (k) { return { key: k, count: groups[k].count, total: groups[k].total, best: groups[k].best }; });
  };
  function csvCell(text) { var s = String(text === undefined || text === null ? "" : text); return /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; }
  AW.reportCsv = function () {
    var head = entity.fields.map(function (f) { return csvCell(f.label); }).join(",");
    var lines = AW.db.list(config.entity).map(function (r) {
      return entity.fields.map(function (f) { return csvCell(f.type === "ref" ? AW.display(f, r[f.key]) : r[f.key]); }).join(",");
    });
    return [head].concat(lines).join("\n") + "\n";
  };
  function render() {
    var rows = AW.reportRows();
    var table = h("table", { class: "aw-table" }, h("caption", { class: "visually-hidden", text: config.title || entity.plural }),
      h("thead", null, h("tr", null, h("th", { scope: "col", text: by.label }), h("th", { scope: "col", class: "num", text: AW.t("count", "Count") }),
        sum ? h("th", { scope: "col", class: "num", text: AW.t("total", "Total") + " " + sum.label.toLowerCase() }) : null,
        best ? h("th", { scope: "col", class: "num", text: AW.t("best", "Best") + " " + best.label.toLowerCase() }) : null)));
    var body = h("tbody");
    var count = 0, total = 0;
    rows.forEach(function (r) {
      count += r.count; total += r.total;
      body.appendChild(h("tr", null, h("th", { scope: "row", text: r.key }), h("td", { class: "num", text: String(r.count) }), sum ? h("td", { class: "num", text: value(sum, r.total) }) : null,
        best ? h("td", { class: "num", text: r.best === null ? "—" : value(best, r.best) }) : null));
    });
    body.appendChild(h("tr", { class: "aw-total" }, h("th", { scope: "row", text: AW.t("total", "Total") }), h("td", { class: "num", text: String(count) }), sum ? h("td", { class: "num", text: value(sum, total) }) : null, best ? h("td") : null));
    table.appendChild(body);
    summary.innerHTML = "";
    summary.appendChild(table);
    var full = h("table", { class: "aw-table" }, h("caption", { class: "visually-hidden", text: entity.plural }),
      h("thead", null, h("tr", null, entity.fields.filter(function (f) { return f.type !== "image" && f.type !== "longtext"; }).map(function (f) { return h("th", { scope: "col", text: f.label }); }))));
    var fullBody = h("tbody");
    AW.db.list(config.entity).forEach(function (r) {
      fullBody.appendChild(h("tr", null, entity.fields.filter(function (f) { return f.type !== "image" && f.type !== "longtext"; }).map(function (f) { return h("td", { text: AW.display(f, r[f.key]) }); })));
    });
    full.appendChild(fullBody);
    detail.innerHTML = "";
    detail.appendChild(full);
  }
  exportButton.addEventListener("click", function () {
    var blob = new Blob([AW.reportCsv()], { type: "text/csv" });
    var link = h("a", { href: URL.createObjectURL(blob), download: (entity.plural.toLowerCase().replace(/\W+/g, "-") || "report") + ".csv" });
    document.body.appendChild(link);
    link.click();
    link.remove();
    AW.toast(AW.t("exported", "Exported") + " " + entity.plural.toLowerCase() + ".csv");
  });
  printButton.addEventListener("click", function () { window.print(); });
  AW.db.on(render);
  render();
});

AW.selftest("report", async function (root, t, config) {
  var entity = AW.entity(config.entity);
  var before = AW.db.list(config.entity).length;
  var record = {};
  record[entity.title] = "Selftest, with \"quotes\"";
  var added = AW.db.add(config.entity, record);
  await t.wait(20);
  var total = AW.reportRows().reduce(function (acc, r) { return acc + r.count; }, 0);
  t.ok(total === before + 1, "the report counts every record");
  var csv = AW.reportCsv();
  t.ok(csv.split("\n").length === before + 3, "the CSV has a header and a line per record");
  t.ok(csv.indexOf('"Selftest, with ""quotes"""') >= 0, "CSV cells with commas and quotes are quoted");
  AW.db.remove(config.entity, added.id);
});
