/* Kanban board: the records of one entity as cards in columns, one column per option of
   a select field (e.g. To do / Doing / Done). Cards move forward and back with buttons,
   can be deleted, and new cards are added with a form; everything lives in the store.
   Config: {entity, field: "<select field key>", title_field: "<field key>", heading}. */
(function () {
  "use strict";
  var h = AW.h;

  var say = AW.t;
  /* the entity, its column field, its title field and the columns */
  function setup(config) {
    var entity = AW.entity(config.entity);
    if (!entity || !Array.isArray(entity.fields)) return null;
    var field = entity.fields.filter(function (f) { return f.key === config.field && f.type === "select"; })[0] ||
      entity.fields.filter(function (f) { return f.type === "select" && (f.options || []).length > 1; })[0];
    if (!field || !(field.options || []).length) return null;
    var titleKey = config.title_field || entity.title || "title";
    var titleField = entity.fields.filter(function (f) { return f.key === titleKey; })[0] ||
      entity.fields.filter(function (f) { return f.key === entity.title; })[0] ||
      entity.fields.filter(function (f) { return f.type === "text"; })[0];
    if (!titleField) return null;
    return { entity: entity, field: field, titleField: titleField, columns: field.options.map(String) };
  }

  AW.feature("kanban", function (root, config) {
    var s = setup(config);
    if (!s) {
      root.appendChild(h("p", { class: "aw-kanban__problem", text: say("kanban.nosetup", "This board needs a list with a choice field for its columns.") }));
      return;
    }
    var uid = AW.uid("kanban");
    var name = config.entity;
    var label = s.entity.label || "Card";
    var plural = s.entity.plural || label + "s";
    var lower = function (x) { return String(x).toLowerCase(); };

    var live = h("p", { class: "visually-hidden", role: "status", "aria-live": "polite" });
    var boardEl = h("div", { class: "aw-kanban__board" });
    var colEls = s.columns.map(function (column, ci) {
      var count = h("span", { class: "aw-kanban__count" });
      var list = h("ul", { class: "aw-kanban__cards", role: "list" });
      var section = h("section", { class: "aw-kanban__column", "aria-labelledby": uid + "-col" + ci, "data-column": column },
        h("h3", { class: "aw-kanban__heading", id: uid + "-col" + ci }, h("span", { class: "aw-kanban__name", text: column }), " ", count),
        list);
      boardEl.appendChild(section);
      return { name: column, count: count, list: list, section: section };
    });

    /* the add form: the title, the column, and any other required fields */
    var formFields = [s.titleField, s.field].concat(s.entity.fields.filter(function (f) {
      return f.required && f.key !== s.titleField.key && f.key !== s.field.key && f.type !== "image";
    }));
    var form = h("form", { class: "aw-kanban__form card", novalidate: true, "aria-labelledby": uid + "-add" });
    function buildForm() {
      form.textContent = "";
      form.appendChild(h("h3", { id: uid + "-add", text: say("kanban.add", "Add card") }));
      var grid = h("div", { class: "aw-kanban__fields" });
      formFields.forEach(function (f) {
        var fieldSpec = f === s.field ? Object.assign({}, f, { required: true }) : f;
        grid.appendChild(AW.input(fieldSpec, f === s.field ? s.columns[0] : f.default, uid));
      });
      form.appendChild(grid);
      form.appendChild(h("div", { class: "btn-row" }, h("button", { type: "submit", class: "btn btn-primary" }, say("kanban.add", "Add card"))));
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var values = AW.readForm(form, formFields);
      if (!values) { live.textContent = say("fix", "Please correct the highlighted fields."); return; }
      var added = AW.db.add(name, values);
      var title = AW.title(name, added);
      buildForm();
      render();
      live.textContent = say("kanban.added", "“{title}” added to {column}.", { title: title, column: columnOf(added) });
      var titleInput = AW.control(form, s.titleField.key);
      if (titleInput) titleInput.focus();
    });

    root.appendChild(h("div", { class: "aw-kanban" },
      h("h2", { class: "aw-kanban__title", text: config.heading || plural }),
      boardEl, form, live));

    function columnOf(record) {
      var v = String(record[s.field.key] === undefined || record[s.field.key] === null ? "" : record[s.field.key]);
      return s.columns.indexOf(v) >= 0 ? v : s.columns[0];
    }
    function titleOf(record) {
      var v = record[s.titleField.key];
      return v === undefined || v === null || v === "" ? AW.title(name, record) : String(v);
    }
    function move(record, to, focusKind) {
      var patch = {};
      patch[s.field.key] = to;
      AW.db.update(name, record.id, patch);
      render();
      live.textContent = say("kanban.moved", "“{title}” moved to {column}.", { title: titleOf(record), column: to });
      var card = boardEl.querySelector('[data-id="' + CSS.escape(record.id) + '"]');
      if (card) {
        var target = card.querySelector('[data-action="' + focusKind + '"]') || card.querySelector("[data-action]");
        if (target) target.focus();
      }
    }
    function card(record) {
      var title = titleOf(record);
      var at = s.columns.indexOf(columnOf(record));
      var next = s.columns[at + 1];
      var prev = s.columns[at - 1];
      var meta = s.entity.fields.filter(function (f) {
        return f.key !== s.titleField.key && f.key !== s.field.key && ["longtext", "image", "bool"].indexOf(f.type) < 0 && record[f.key] !== undefined && record[f.key] !== "";
      }).slice(0, 3);
      var actions = h("div", { class: "aw-kanban__actions" });
      if (prev !== undefined) actions.appendChild(h("button", { type: "button", class: "btn btn-outline aw-kanban__btn", "data-action": "back",
        "aria-label": say("kanban.back_label", "Move “{title}” back to {column}", { title: title, column: prev }),
        onclick: function () { move(record, prev, "back"); } }, h("span", { "aria-hidden": "true" }, "← "), say("kanban.back", "Move back")));
      if (next !== undefined) actions.appendChild(h("button", { type: "button", class: "btn btn-outline aw-kanban__btn", "data-action": "next",
        "aria-label": say("kanban.next_label", "Move “{title}” to {column}", { title: title, column: next }),
        onclick: function () { move(record, next, "next"); } }, say("kanban.next", "Move to {column}", { column: next }), h("span", { "aria-hidden": "true" }, " →")));
      actions.appendChild(h("button", { type: "button", class: "btn btn-outline aw-kanban__btn aw-kanban__delete", "data-action": "delete",
        "aria-label": say("delete", "Delete") + " “" + title + "”",
        onclick: function () {
          AW.confirm(say("delete", "Delete") + " “" + title + "”?", say("delete", "Delete")).then(function (yes) {
            if (!yes) return;
            var column = colEls[at];
            AW.db.remove(name, record.id);
            render();
            live.textContent = say("kanban.deleted", "“{title}” deleted.", { title: title });
            var focusTo = column && column.list.querySelector("[data-action]");
            if (focusTo) focusTo.focus(); else if (column) { column.section.setAttribute("tabindex", "-1"); column.section.focus(); }
          });
        } }, say("delete", "Delete")));
      return h("li", { class: "aw-kanban__card", "data-id": record.id },
        h("p", { class: "aw-kanban__card-title", text: title }),
        meta.length ? h("dl", { class: "aw-kanban__meta" }, meta.map(function (f) {
          return h("div", null, h("dt", { text: f.label }), h("dd", { text: AW.display(f, record[f.key]) }));
        })) : null,
        actions);
    }
    function render() {
      var records = AW.db.list(name).slice().sort(function (a, b) { return (a.created || 0) - (b.created || 0); });
      colEls.forEach(function (col) {
        var mine = records.filter(function (r) { return columnOf(r) === col.name; });
        col.list.textContent = "";
        col.count.textContent = "";
        col.count.appendChild(document.createTextNode(String(mine.length)));
        col.count.appendChild(h("span", { class: "visually-hidden", text: " " + (mine.length === 1 ? lower(label) : lower(plural)) }));
        if (!mine.length) col.list.appendChild(h("li", { class: "aw-kanban__empty", text: say("kanban.empty", "Nothing here yet.") }));
        mine.forEach(function (r) { col.list.appendChild(card(r)); });
      });
    }
    AW.db.on(function () {
      if (!root.isConnected) return;
      if (boardEl.contains(document.activeElement)) return;
      render();
    });
    buildForm();
    render();
  });

  AW.selftest("kanban", async function (root, t, config) {
    var s = setup(config);
    t.ok(!!s, "the entity has a choice field for the columns");
    if (!s) return;
    var columns = root.querySelectorAll(".aw-kanban__column");
    t.ok(columns.length === s.columns.length, "one column per option (" + s.columns.join(", ") + ")");
    t.ok(Array.prototype.every.call(columns, function (c, i) { return c.querySelector("h3").textContent.indexOf(s.columns[i]) === 0 && /\d/.test(c.querySelector(".aw-kanban__count").textContent); }), "each column has a heading and a count");
    var form = root.querySelector("form");
    var marker = "Selftest " + Math.random().toString(36).slice(2, 8);
    var titleInput = AW.control(form, s.titleField.key);
    var select = AW.control(form, s.field.key);
    t.ok(titleInput && titleInput.labels[0].textContent.indexOf(s.titleField.label) === 0, "the title field is labelled “" + s.titleField.label + "”");
    t.ok(select && select.tagName === "SELECT" && select.options.length >= s.columns.length, "the form has the column select");
    var before = AW.db.list(config.entity).length;
    form.querySelector('button[type="submit"]').click();
    await t.wait(20);
    t.ok(AW.db.list(config.entity).length === before && titleInput.getAttribute("aria-invalid") === "true", "an empty title is refused");

    /* fill the other required fields from the first sample, then add */
    var sample = (s.entity.records || [])[0] || {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el === titleInput || el === select || el.tagName === "BUTTON") return;
      var f = s.entity.fields.filter(function (x) { return x.key === el.name; })[0];
      if (!f) return;
      if (el.tagName === "SELECT") { if (!el.value && el.options.length > 1) el.selectedIndex = 1; }
      else if (el.type === "checkbox") el.checked = true;
      else if (!el.value) t.fill(el, sample[f.key] !== undefined ? String(sample[f.key]) : f.type === "date" ? AW.today(2) : f.type === "email" ? "test@example.com" : f.type === "number" || f.type === "money" ? "3" : "x");
    });
    t.fill(titleInput, marker);
    select.value = s.columns[0];
    form.querySelector('button[type="submit"]').click();
    await t.wait(30);
    function stored() { return AW.db.list(config.entity).filter(function (r) { return r[s.titleField.key] === marker; })[0]; }
    function columnWith() {
      var found = -1;
      Array.prototype.forEach.call(root.querySelectorAll(".aw-kanban__column"), function (c, i) { if (c.textContent.indexOf(marker) >= 0) found = i; });
      return found;
    }
    function count(i) { return parseInt(root.querySelectorAll(".aw-kanban__count")[i].textContent, 10); }
    var record = stored();
    t.ok(!!record && record[s.field.key] === s.columns[0], "the new card is stored in “" + s.columns[0] + "”");
    t.ok(columnWith() === 0, "the new card shows in the first column");
    var first = count(0);
    if (s.columns.length > 1 && record) {
      var card = root.querySelector('[data-id="' + CSS.escape(record.id) + '"]');
      var next = card.querySelector('[data-action="next"]');
      t.ok(next && next.textContent.indexOf(s.columns[1]) >= 0, "the card has a “Move to " + s.columns[1] + "” button");
      next.click();
      await t.wait(30);
      t.ok(columnWith() === 1 && stored()[s.field.key] === s.columns[1], "Move to " + s.columns[1] + " moves the card and stores it");
      t.ok(count(0) === first - 1, "the first column's count goes down");
      var back = root.querySelector('[data-id="' + CSS.escape(record.id) + '"] [data-action="back"]');
      t.ok(back && document.activeElement && document.activeElement.closest('[data-id="' + record.id + '"]'), "focus follows the moved card");
      back.click();
      await t.wait(30);
      t.ok(columnWith() === 0 && stored()[s.field.key] === s.columns[0], "Move back returns it to " + s.columns[0]);
    }
    /* delete through the confirmation dialog */
    var del = record && root.querySelector('[data-id="' + CSS.escape(record.id) + '"] [data-action="delete"]');
    if (del) {
      del.click();
      await t.wait(30);
      var yes = document.querySelector("dialog.aw-dialog .btn-primary");
      t.ok(!!yes, "Delete asks for confirmation");
      if (yes) yes.click();
      await t.wait(30);
      t.ok(!stored() && columnWith() < 0, "Delete removes the card and the record");
    }
    var left = stored();
    if (left) AW.db.remove(config.entity, left.id);
  });
})();
