/* Goal: a running total against a goal, and what is left. The total is the sum of one field
   of an entity's records (or their count), today's (period "today", by the date field) or all
   of them; the goal starts at the configured value and the visitor can change it (kept in the
   store). With `quick_add`, a big button logs one more record (a glass of water) in one click.
   Config: {entity, field, goal, unit, label, goal_label, period, date_field, quick_add}. */
/* The date field a goal counts days by: the one configured, else the entity's first date. */
AW.goalDateField = function (cfg) {
  var entity = AW.entity(cfg.entity);
  return cfg.date_field || (entity.fields.filter(function (f) { return f.type === "date"; })[0] || {}).key;
};
/* The records a goal counts: today's (unless the period is "all"), and for a budget only
   what the visitor logged, not the examples the site starts with. */
AW.goalRows = function (cfg) {
  var rows = AW.db.list(cfg.entity);
  var dateKey = AW.goalDateField(cfg);
  /* A record's day: its date field, else the day it was added. */
  function dayOf(r) {
    if (dateKey && r[dateKey]) return String(r[dateKey]).slice(0, 10);
    return r.created > 1e12 ? new Date(r.created).toISOString().slice(0, 10) : "";
  }
  if (cfg.own) rows = rows.filter(function (r) { return (r.created || 0) > 1e12; });
  if (cfg.period !== "all") rows = rows.filter(function (r) { return dayOf(r) === AW.today(); });
  return rows;
};
AW.goalTotal = function (cfg) {
  var rows = AW.goalRows(cfg);
  return cfg.field ? rows.reduce(function (sum, r) { return sum + (Number(r[cfg.field]) || 0); }, 0) : rows.length;
};

AW.feature("goal", function (root, config) {
  "use strict";
  var h = AW.h;
  var uid = AW.uid("goal");
  var entity = AW.entity(config.entity);
  var field = config.field ? entity.fields.filter(function (f) { return f.key === config.field; })[0] : null;
  var dateKey = AW.goalDateField(config);
  var today = config.period !== "all";
  var key = "goal:" + config.entity + ":" + (config.field || "count");
  var unit = config.unit ? " " + config.unit : "";

  function goal() {
    var stored = Number(AW.db.kv(key));
    return stored > 0 ? stored : Number(config.goal) || 0;
  }
  function plain(n) { return field && field.type === "money" ? AW.money(n) : AW.number(Math.round(n * 100) / 100); }
  function format(n) { return plain(n) + unit; }
  var input = h("input", { id: uid + "-goal", class: "input", type: "number", min: "1", step: "any", name: "goal" });
  input.value = String(goal());
  function setGoal() {
    var value = Number(input.value);
    if (!(value > 0)) { AW.toast(AW.t("goal_positive", "The goal must be a number above zero.")); input.value = String(goal()); return; }
    AW.db.kv(key, value);
    AW.toast((config.goal_label || AW.t("daily_goal", "Daily goal")) + ": " + format(value));
  }
  input.addEventListener("change", setGoal);
  var figure = h("p", { class: "aw-goal__figure", "aria-live": "polite" });
  var left = h("p", { class: "aw-goal__left" });
  var bar = h("progress", { class: "aw-goal__bar", max: "100", value: "0" });
  var row = h("form", { class: "aw-goal__row", novalidate: true, onsubmit: function (event) { event.preventDefault(); setGoal(); } },
    h("div", { class: "field" }, h("label", { for: input.id, text: config.goal_label || AW.t("daily_goal", "Daily goal") }), input),
    h("button", { type: "submit", class: "btn btn-outline" }, AW.t("set", "Set") + " " + (config.goal_label || AW.t("goal", "goal")).toLowerCase().replace(/^total /, "")));
  if (config.quick_add) {
    row.appendChild(h("button", { type: "button", class: "btn btn-primary aw-goal__add", onclick: function () {
      var record = {};
      record[entity.title] = config.quick_title || config.quick_add;
      if (dateKey) record[dateKey] = AW.today();
      if (field) record[field.key] = 1;
      AW.db.add(config.entity, record);
      AW.toast(config.quick_add + " ✓");
    } }, config.quick_add));
    row.appendChild(h("button", { type: "button", class: "btn btn-outline", onclick: function () {
      var last = AW.goalRows(config).sort(function (a, b) { return (b.created || 0) - (a.created || 0); })[0];
      if (last) AW.db.remove(config.entity, last.id);
    } }, AW.t("undo_last", "Undo last")));
  }
  root.appendChild(h("section", { class: "aw-goal card", "aria-labelledby": uid + "-title" },
    h("h2", { id: uid + "-title", text: config.label || (today ? AW.t("today", "Today") : AW.t("total", "Total")) }),
    figure, bar, left, row));

  function render() {
    var total = AW.goalTotal(config);
    var target = goal();
    figure.textContent = plain(total) + " / " + format(target);
    var rest = target - total;
    left.textContent = rest >= 0 ? format(rest) + " " + AW.t("left", "left") : format(-rest) + " " + AW.t("over", "over the goal");
    bar.value = Math.min(100, target ? Math.round((total / target) * 100) : 0);
    bar.textContent = bar.value + "%";
    if (document.activeElement !== input) input.value = String(target);
  }
  AW.db.on(render);
  render();
});

AW.selftest("goal", async function (root, t, config) {
  var entity = AW.entity(config.entity);
  var before = AW.goalTotal(config);
  var record = {};
  record[entity.title] = "Selftest";
  var dateField = AW.goalDateField(config);
  if (dateField) record[dateField] = AW.today();
  if (config.field) record[config.field] = 7;
  var added = AW.db.add(config.entity, record);
  await t.wait(20);
  var after = AW.goalTotal(config);
  t.ok(after === before + (config.field ? 7 : 1), "a new record adds to the total");
  var input = root.querySelector('input[name="goal"]');
  var goal = Number(input.value);
  var shownLeft = root.querySelector(".aw-goal__left").textContent;
  t.ok(shownLeft.indexOf(AW.number(Math.abs(goal - after))) >= 0 || shownLeft.indexOf(AW.money(Math.abs(goal - after))) >= 0, "what is left is the goal minus the total");
  AW.db.remove(config.entity, added.id);
});
