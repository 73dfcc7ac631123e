/* Calendar: a month grid (a table with day-name headers) showing the records of one
   entity on their dates, with Previous month / Next month / Today, the month named in a
   heading, a list of what is on a chosen day, and an Upcoming list of the next events.
   Config: {entity, date_field, title_field, time_field, upcoming: 5, week_start: 1 (Monday) or 0 (Sunday)}. */
(function () {
  "use strict";
  var h = AW.h;

  var say = AW.t;
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function ymd(d) { return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()); }
  function parse(value) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(value || ""));
    return m ? m[1] + "-" + m[2] + "-" + m[3] : "";
  }
  function setup(config) {
    var entity = AW.entity(config.entity);
    if (!entity || !Array.isArray(entity.fields)) return null;
    function find(key, test) {
      return entity.fields.filter(function (f) { return f.key === key; })[0] || entity.fields.filter(test)[0] || null;
    }
    var dateField = find(config.date_field, function (f) { return f.type === "date"; });
    if (!dateField) return null;
    var titleField = find(config.title_field || entity.title, function (f) { return f.type === "text"; });
    var timeField = find(config.time_field, function (f) { return f.type === "time"; });
    return { entity: entity, dateField: dateField, titleField: titleField, timeField: timeField };
  }
  function locale() { return AW.spec.locale || AW.spec.lang || "en"; }

  AW.feature("calendar", function (root, config) {
    var s = setup(config);
    if (!s) {
      root.appendChild(h("p", { class: "aw-calendar__problem", text: say("calendar.nosetup", "This calendar needs a list with a date field.") }));
      return;
    }
    var uid = AW.uid("cal");
    var name = config.entity;
    var weekStart = Number(config.week_start) === 0 ? 0 : 1;
    var upcomingCount = Math.max(1, Math.min(20, Math.round(Number(config.upcoming) || 5)));
    var now = new Date();
    var year = now.getFullYear();
    var month = now.getMonth();
    var selected = "";

    var heading = h("h2", { class: "aw-calendar__month", id: uid + "-month", "aria-live": "polite" });
    var prev = h("button", { type: "button", class: "btn btn-outline aw-calendar__nav", onclick: function () { shift(-1); } },
      h("span", { "aria-hidden": "true" }, "‹ "), say("calendar.prev", "Previous month"));
    var today = h("button", { type: "button", class: "btn btn-outline aw-calendar__nav", onclick: function () {
      var d = new Date();
      year = d.getFullYear();
      month = d.getMonth();
      selected = "";
      render();
    } }, say("today", "Today"));
    var next = h("button", { type: "button", class: "btn btn-outline aw-calendar__nav", onclick: function () { shift(1); } },
      say("calendar.next", "Next month"), h("span", { "aria-hidden": "true" }, " ›"));
    var table = h("table", { class: "aw-calendar__grid", "aria-labelledby": uid + "-month" });
    var dayPanel = h("section", { class: "aw-calendar__day card", "aria-live": "polite", "aria-labelledby": uid + "-day" });
    var upcoming = h("ol", { class: "aw-calendar__upcoming" });
    root.appendChild(h("div", { class: "aw-calendar" },
      h("div", { class: "aw-calendar__bar" }, heading, h("div", { class: "aw-calendar__navs" }, prev, today, next)),
      h("div", { class: "aw-calendar__layout" },
        h("div", { class: "aw-calendar__main" }, table, dayPanel),
        h("section", { class: "aw-calendar__side card", "aria-labelledby": uid + "-up" },
          h("h3", { id: uid + "-up", text: say("upcoming", "Upcoming") }), upcoming))));

    function events() {
      return AW.db.list(name).map(function (r) { return { record: r, date: parse(r[s.dateField.key]) }; })
        .filter(function (e) { return e.date; })
        .sort(function (a, b) {
          if (a.date !== b.date) return a.date < b.date ? -1 : 1;
          var ta = s.timeField ? String(a.record[s.timeField.key] || "") : "";
          var tb = s.timeField ? String(b.record[s.timeField.key] || "") : "";
          return ta < tb ? -1 : ta > tb ? 1 : 0;
        });
    }
    function titleOf(record) {
      var v = s.titleField ? record[s.titleField.key] : "";
      return v === undefined || v === null || v === "" ? AW.title(name, record) : String(v);
    }
    function timeOf(record) { return s.timeField && record[s.timeField.key] ? String(record[s.timeField.key]) : ""; }
    function longDate(key) {
      var p = key.split("-");
      return new Date(Number(p[0]), Number(p[1]) - 1, Number(p[2])).toLocaleDateString(locale(), { weekday: "long", year: "numeric", month: "long", day: "numeric" });
    }
    function eventItem(e, withDate) {
      var time = timeOf(e.record);
      return h("li", { class: "aw-calendar__event" },
        withDate ? h("time", { class: "aw-calendar__when", datetime: e.date + (time ? "T" + time : "") }, AW.date(e.date) + (time ? " · " + time : "")) : time ? h("time", { class: "aw-calendar__when", datetime: time }, time) : null,
        h("span", { class: "aw-calendar__what", text: titleOf(e.record) }));
    }
    function shift(delta) {
      month += delta;
      if (month < 0) { month = 11; year -= 1; }
      if (month > 11) { month = 0; year += 1; }
      selected = "";
      render();
    }
    function render() {
      var all = events();
      var byDay = {};
      all.forEach(function (e) { (byDay[e.date] = byDay[e.date] || []).push(e); });
      var first = new Date(year, month, 1);
      heading.textContent = first.toLocaleDateString(locale(), { month: "long", year: "numeric" });
      var todayKey = ymd(new Date());

      table.textContent = "";
      var headRow = h("tr");
      for (var i = 0; i < 7; i += 1) {
        var sample = new Date(2024, 0, 7 + ((weekStart + i) % 7)); /* 7 Jan 2024 was a Sunday */
        headRow.appendChild(h("th", { scope: "col", abbr: sample.toLocaleDateString(locale(), { weekday: "long" }) },
          h("span", { "aria-hidden": "true" }, sample.toLocaleDateString(locale(), { weekday: "short" })),
          h("span", { class: "visually-hidden" }, sample.toLocaleDateString(locale(), { weekday: "long" }))));
      }
      table.appendChild(h("thead", null, headRow));
      var body = h("tbody");
      var offset = (first.getDay() - weekStart + 7) % 7;
      var days = new Date(year, month + 1, 0).getDate();
      var cells = Math.ceil((offset + days) / 7) * 7;
      var row = null;
      for (var c = 0; c < cells; c += 1) {
        if (c % 7 === 0) { row = h("tr"); body.appendChild(row); }
        var day = c - offset + 1;
        if (day < 1 || day > days) { row.appendChild(h("td", { class: "aw-calendar__cell is-outside" })); continue; }
        var key = year + "-" + pad(month + 1) + "-" + pad(day);
        var list = byDay[key] || [];
        var td = h("td", { class: "aw-calendar__cell" + (key === todayKey ? " is-today" : "") + (list.length ? " has-events" : "") + (key === selected ? " is-selected" : "") });
        if (key === todayKey) td.setAttribute("aria-current", "date");
        if (list.length) {
          (function (dayKey, count) {
            var titles = h("span", { class: "aw-calendar__titles", "aria-hidden": "true" });
            list.slice(0, 2).forEach(function (e) { titles.appendChild(h("span", { class: "aw-calendar__chip", text: titleOf(e.record) })); });
            if (list.length > 2) titles.appendChild(h("span", { class: "aw-calendar__more", text: "+" + (list.length - 2) }));
            td.appendChild(h("button", { type: "button", class: "aw-calendar__daybtn", "data-date": dayKey, "aria-pressed": dayKey === selected ? "true" : "false",
              "aria-label": longDate(dayKey) + ", " + (count === 1 ? say("calendar.one", "1 event") : say("calendar.many", "{n} events", { n: count })),
              onclick: function () { selected = dayKey; render(); focusDay(dayKey); } },
              h("span", { class: "aw-calendar__num", "aria-hidden": "true" }, String(day)),
              h("span", { class: "aw-calendar__dot", "aria-hidden": "true" }), titles));
          })(key, list.length);
        } else {
          td.appendChild(h("span", { class: "aw-calendar__num" }, String(day)));
        }
        row.appendChild(td);
      }
      table.appendChild(body);

      dayPanel.textContent = "";
      if (selected) {
        var chosen = byDay[selected] || [];
        dayPanel.hidden = false;
        dayPanel.appendChild(h("h3", { id: uid + "-day", text: say("calendar.on", "On {date}", { date: longDate(selected) }) }));
        if (!chosen.length) dayPanel.appendChild(h("p", { class: "aw-calendar__none", text: say("calendar.nothing", "Nothing on this day.") }));
        else dayPanel.appendChild(h("ul", { class: "aw-calendar__list" }, chosen.map(function (e) { return eventItem(e, false); })));
      } else dayPanel.hidden = true;

      upcoming.textContent = "";
      var next = all.filter(function (e) { return e.date >= todayKey; }).slice(0, upcomingCount);
      if (!next.length) upcoming.appendChild(h("li", { class: "aw-calendar__none", text: say("calendar.noupcoming", "Nothing coming up.") }));
      next.forEach(function (e) { upcoming.appendChild(eventItem(e, true)); });
    }
    function focusDay(key) {
      var b = table.querySelector('[data-date="' + key + '"]');
      if (b) b.focus();
    }
    AW.db.on(function () {
      if (!root.isConnected) return;
      var active = document.activeElement;
      var key = active && root.contains(active) && active.getAttribute("data-date");
      render();
      if (key) focusDay(key);
    });
    root.awCalendar = { show: function (y, m) { year = y; month = m; selected = ""; render(); } };
    render();
  });

  AW.selftest("calendar", async function (root, t, config) {
    var s = setup(config);
    t.ok(!!s, "the entity has a date field");
    if (!s) return;
    function button(label) {
      return Array.prototype.filter.call(root.querySelectorAll("button"), function (b) { return b.textContent.replace(/[‹›]/g, "").trim() === label; })[0];
    }
    var heading = root.querySelector(".aw-calendar__month");
    var now = new Date();
    var key = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
    var monthName = now.toLocaleDateString(locale(), { month: "long", year: "numeric" });
    button(AW.t("today", "Today")).click();
    t.ok(heading.textContent === monthName, "the heading names this month (" + monthName + ")");
    t.ok(root.querySelectorAll("table thead th").length === 7, "the grid has seven day-name headers");
    t.ok(!!root.querySelector('td[aria-current="date"]'), "today is marked");

    var marker = "Selftest " + Math.random().toString(36).slice(2, 8);
    var record = {};
    s.entity.fields.forEach(function (f) {
      if (f.required) record[f.key] = f.type === "select" ? (f.options || [""])[0] : f.type === "number" || f.type === "money" ? 1 : "x";
    });
    if (s.titleField) record[s.titleField.key] = marker;
    else record[s.entity.title || "title"] = marker;
    record[s.dateField.key] = key;
    var added = AW.db.add(config.entity, record);
    await t.wait(30);
    var day = root.querySelector('button[data-date="' + key + '"]');
    t.ok(!!day, "today's square becomes a button once it has an event");
    if (day) {
      day.click();
      await t.wait(20);
      var panel = root.querySelector(".aw-calendar__day");
      t.ok(!panel.hidden && panel.textContent.indexOf(marker) >= 0, "clicking the day lists its events");
    }
    t.ok(root.querySelector(".aw-calendar__upcoming").textContent.indexOf(marker) >= 0, "the new event is in Upcoming");

    button(AW.t("calendar.next", "Next month")).click();
    var nextName = new Date(now.getFullYear(), now.getMonth() + 1, 1).toLocaleDateString(locale(), { month: "long", year: "numeric" });
    t.ok(heading.textContent === nextName, "Next month shows " + nextName);
    button(AW.t("calendar.prev", "Previous month")).click();
    button(AW.t("calendar.prev", "Previous month")).click();
    var prevName = new Date(now.getFullYear(), now.getMonth() - 1, 1).toLocaleDateString(locale(), { month: "long", year: "numeric" });
    t.ok(heading.textContent === prevName, "Previous month shows " + prevName);
    button(AW.t("today", "Today")).click();
    t.ok(heading.textContent === monthName, "Today comes back to " + monthName);

    AW.db.remove(config.entity, added.id);
    await t.wait(30);
    t.ok(root.textContent.indexOf(marker) < 0, "the removed event leaves the calendar");
    t.ok(!AW.db.get(config.entity, added.id), "the test event is cleaned up");
  });
})();
