/* Collection: list, create, edit, delete, detail, search, filter, sort and paginate the
   records of one entity, kept in the store. Config: {entity, form, search, filters,
   sort, detail, children, comments, likes, page_size, add_label, mine, browse (a field whose values are links)}. */
AW.feature("collection", function (root, config) {
  "use strict";
  var h = AW.h;
  var entity = AW.entity(config.entity);
  var fields = entity.fields;
  var plural = entity.plural;
  var uid = AW.uid("col");
  var editing = null;
  var query = "";
  var filters = {};
  var sortKey = "newest";
  var page = 1;
  var size = config.page_size || 12;
  var filterFields = fields.filter(function (f) { return (config.filters || []).indexOf(f.key) >= 0; });
  var shown = fields.filter(function (f) { return f.type !== "longtext" && f.type !== "image" && f.key !== entity.title; }).slice(0, 4);
  var imageField = fields.filter(function (f) { return f.type === "image"; })[0];
  var textField = fields.filter(function (f) { return f.type === "longtext"; })[0];
  /* More than one long text ("Yesterday", "Today"): the others show on the card too, cut short. */
  shown = shown.concat(fields.filter(function (f) { return f.type === "longtext" && f !== textField; }).slice(0, 2));

  var listView = h("div", { class: "aw-collection__list-view" });
  var detailView = h("div", { class: "aw-collection__detail", hidden: true });
  root.appendChild(listView);
  root.appendChild(detailView);

  /* the add / edit form */
  /* The list's head has a "New <thing>" button that leads to the form; the form's own button
     says what it does, so a page never has two buttons of one name doing different things. */
  var jumpText = AW.t("new", "New") + " " + entity.label.toLowerCase();
  var addText = config.add_label && config.add_label.toLowerCase() !== jumpText.toLowerCase()
    ? config.add_label : AW.t("add", "Add") + " " + entity.label.toLowerCase();
  var formTitle = h("h3", { id: uid + "-form-title", text: addText });
  var form = h("form", { class: "aw-form card", novalidate: true, "aria-labelledby": uid + "-form-title" });
  var submit = h("button", { type: "submit", class: "btn btn-primary" });
  var cancel = h("button", { type: "button", class: "btn btn-outline", hidden: true, text: AW.t("cancel", "Cancel") });
  function buildForm(record) {
    form.innerHTML = "";
    form.appendChild(formTitle);
    fields.forEach(function (f) {
      if (config.fixed && Object.prototype.hasOwnProperty.call(config.fixed, f.key)) return;
      if (f.compute) return;  /* worked out on save */
      form.appendChild(AW.input(f, record ? record[f.key] : f.default, uid));
    });
    submit.textContent = record ? AW.t("save", "Save changes") : addText;
    formTitle.textContent = record ? AW.t("edit", "Edit") + " " + AW.title(config.entity, record) : submit.textContent;
    cancel.hidden = !record;
    form.appendChild(h("div", { class: "btn-row" }, submit, cancel));
    AW.bindImageInputs(form);
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var others = fields.some(function (f) { return f.key !== entity.title && (f.type === "text" || f.type === "longtext") && AW.control(form, f.key) && String(AW.control(form, f.key).value).trim(); });
    var checked = fields.filter(function (f) { return !(config.fixed && f.key in config.fixed); }).map(function (f) {
      return f.key === entity.title && others ? Object.assign({}, f, { required: false }) : f;
    });
    var values = AW.readForm(form, checked);
    if (!values) { AW.toast(AW.t("fix", "Please correct the highlighted fields.")); return; }
    Object.assign(values, config.fixed || {});
    AW.compute(fields, values);
    if (!values[entity.title]) {
      /* A record is named by its title; when only the notes were written, they name it. */
      var source = fields.filter(function (f) { return (f.type === "text" || f.type === "longtext") && values[f.key]; })[0];
      if (source) values[entity.title] = String(values[source.key]).slice(0, 60);
    }
    if (config.mine) values.owner = AW.auth.owner();
    if (editing) {
      AW.db.update(config.entity, editing, values);
      AW.toast(entity.label + " " + AW.t("saved", "saved") + ".");
      editing = null;
    } else {
      var added = AW.db.add(config.entity, values);
      AW.toast(entity.label + " " + AW.t("added", "added") + ".");
      sortKey = "newest";
      page = 1;
    }
    buildForm(null);
    render();
  });
  cancel.addEventListener("click", function () { editing = null; buildForm(null); });

  /* The values a field is filtered or browsed by: a select's options, or the values the
     records hold for a text field ("browse them by country"). */
  function valuesOf(f) {
    if (f.type !== "text") return f.options || [];
    var seen = {};
    AW.db.list(config.entity).forEach(function (r) { var v = String(r[f.key] || "").trim(); if (v) seen[v] = true; });
    return Object.keys(seen).sort().slice(0, 24);
  }
  var textFilters = [];
  function refreshTextFilters() {
    textFilters.forEach(function (pair) {
      var f = pair[0], select = pair[1], current = select.value;
      select.innerHTML = "";
      select.appendChild(h("option", { value: "", text: AW.t("all", "All") }));
      valuesOf(f).forEach(function (o) { select.appendChild(h("option", { value: o, text: o })); });
      select.value = current;
    });
  }

  /* toolbar: search, filters, sort */
  var linked = new URLSearchParams(window.location.search);
  var toolbar = h("div", { class: "aw-toolbar", role: "search" });
  if (config.search !== false) {
    var search = h("input", { id: uid + "-search", type: "search", class: "input" });
    search.addEventListener("input", function () { query = search.value.trim().toLowerCase(); page = 1; render(); });
    toolbar.appendChild(h("div", { class: "field" }, h("label", { for: uid + "-search", text: AW.t("search", "Search") + " " + plural.toLowerCase() }), search));
  }
  filterFields.forEach(function (f) {
    var select = h("select", { id: uid + "-filter-" + f.key, class: "input" }, h("option", { value: "", text: AW.t("all", "All") }));
    var options = f.type === "ref" ? AW.db.list(f.ref).map(function (r) { return [r.id, AW.title(f.ref, r)]; })
      : f.type === "bool" ? [["true", AW.t("yes", "Yes")], ["false", AW.t("no", "No")]]
      : valuesOf(f).map(function (o) { return [o, o]; });
    options.forEach(function (o) { select.appendChild(h("option", { value: o[0], text: o[1] })); });
    if (f.type === "text") textFilters.push([f, select]);
    /* "?category=Flowers" in the address opens the list already filtered (the category links). */
    var asked = linked.get(f.key);
    if (asked !== null && options.some(function (o) { return String(o[0]) === asked; })) { select.value = asked; filters[f.key] = asked; }
    select.addEventListener("change", function () { filters[f.key] = select.value; page = 1; render(); });
    toolbar.appendChild(h("div", { class: "field" }, h("label", { for: select.id, text: AW.t("filter_by", "Filter by") + " " + f.label.toLowerCase() }), select));
  });
  if (config.sort !== false) {
    var sort = h("select", { id: uid + "-sort", class: "input" },
      h("option", { value: "newest", text: AW.t("newest", "Newest first") }),
      h("option", { value: "oldest", text: AW.t("oldest", "Oldest first") }));
    fields.forEach(function (f) {
      if (["text", "number", "money", "date", "select", "rating", "time"].indexOf(f.type) < 0) return;
      var numeric = ["number", "money", "rating"].indexOf(f.type) >= 0;
      sort.appendChild(h("option", { value: f.key + ":asc", text: f.label + (numeric ? " (low to high)" : f.type === "date" ? " (earliest)" : " (A–Z)") }));
      sort.appendChild(h("option", { value: f.key + ":desc", text: f.label + (numeric ? " (high to low)" : f.type === "date" ? " (latest)" : " (Z–A)") }));
    });
    sort.addEventListener("change", function () { sortKey = sort.value; render(); });
    toolbar.appendChild(h("div", { class: "field" }, h("label", { for: uid + "-sort", text: AW.t("sort", "Sort by") }), sort));
    if (config.likes) {
      /* Liked things are ranked: "Newest" and "Top" side by side, as on any board. */
      sort.appendChild(h("option", { value: "likes:desc", text: AW.t("top", "Top") }));
      var ranks = h("div", { class: "aw-ranks btn-row", role: "group", "aria-label": AW.t("sort", "Sort by") });
      [["newest", AW.t("newest_short", "Newest")], ["likes:desc", AW.t("top", "Top")]].forEach(function (pair) {
        ranks.appendChild(h("button", { type: "button", class: "btn btn-outline btn-small", "data-sort": pair[0],
          onclick: function () { sortKey = pair[0]; sort.value = pair[0]; render(); } }, pair[1]));
      });
      toolbar.appendChild(ranks);
    }
  }

  /* A board's categories (or what the brief browses by: "by country") as links, each opening
     the list of that value (a page of its own). */
  var browseField = filterFields.filter(function (f) { return f.key === config.browse; })[0] || filterFields.filter(function (f) {
    return f.type === "select" && f.options.length >= 2 && f.options.length <= 10 && /categor|topic|genre|board|section|type|cuisine|department|subject/i.test(f.key + " " + f.label);
  })[0];
  var browse = browseField ? h("nav", { class: "aw-browse", "aria-label": browseField.label }) : null;
  function renderBrowse() {
    if (!browse) return;
    browse.innerHTML = "";
    browse.appendChild(h("ul", { class: "aw-browse__list", role: "list" }, valuesOf(browseField).map(function (o) {
      var current = filters[browseField.key] === o;
      return h("li", null, h("a", { class: "aw-chip" + (current ? " is-current" : ""), href: "?" + new URLSearchParams([[browseField.key, o]]).toString(), "aria-current": current ? "page" : null }, o));
    })));
  }

  var count = h("p", { class: "aw-count muted", "aria-live": "polite" });
  var list = h("ul", { class: "aw-cards", role: "list" });
  var pager = h("nav", { class: "aw-pager btn-row", "aria-label": plural + " pages" });
  var listHeading = h("h2", { id: uid + "-heading", text: (config.heading || plural) + (browseField && filters[browseField.key] ? ": " + filters[browseField.key] : "") });
  var layout = h("div", { class: "aw-collection__grid" });
  var main = h("div", { class: "aw-collection__main" }, browse, toolbar, count, list, pager);
  /* The form comes first: adding is what people come to do, and its fields are the ones
     named after the entity's fields (filters say "Filter by …"). */
  if (config.form !== false) layout.appendChild(h("div", { class: "aw-collection__side" }, form));
  layout.appendChild(main);
  /* "New <thing>" leads to the form (what people look for on a board), leaving an edit if one is open. */
  var jump = config.form === false ? null : h("button", { type: "button", class: "btn btn-outline btn-small", onclick: function () {
      /* Only leaves an edit: what someone has typed into the add form stays. */
      if (editing) { editing = null; buildForm(null); }
      form.scrollIntoView({ block: "nearest" });
      var first = form.querySelector("input, textarea, select");
      if (first) first.focus();
    } }, jumpText);
  listView.appendChild(h("div", { class: "aw-collection__head btn-row" }, listHeading, jump));
  listView.appendChild(layout);
  buildForm(null);

  function records() {
    var rows = AW.db.list(config.entity);
    if (config.mine) { var owner = AW.auth.owner(); rows = rows.filter(function (r) { return r.owner === owner; }); }
    if (config.saved_only) rows = rows.filter(function (r) { return r.saved; });
    if (config.fixed) rows = rows.filter(function (r) { return Object.keys(config.fixed).every(function (k) { return String(r[k]) === String(config.fixed[k]); }); });
    if (query) {
      rows = rows.filter(function (r) {
        return fields.some(function (f) { return String(AW.display(f, r[f.key]) || "").toLowerCase().indexOf(query) >= 0 || String(r[f.key] || "").toLowerCase().indexOf(query) >= 0; });
      });
    }
    Object.keys(filters).forEach(function (k) {
      if (filters[k] !== "") rows = rows.filter(function (r) { return String(r[k]) === filters[k]; });
    });
    var parts = sortKey.split(":");
    rows.sort(function (a, b) {
      if (parts[0] === "newest") return (b.created || 0) - (a.created || 0);
      if (parts[0] === "oldest") return (a.created || 0) - (b.created || 0);
      var x = a[parts[0]], y = b[parts[0]];
      if (parts[0] === "likes") { x = Number(x || 0); y = Number(y || 0); }
      var cmp = typeof x === "number" && typeof y === "number" ? x - y : String(x || "").localeCompare(String(y || ""), undefined, { numeric: true });
      return parts[1] === "desc" ? -cmp : cmp;
    });
    return rows;
  }

  function actions(record) {
    var title = AW.title(config.entity, record);
    var row = h("div", { class: "aw-actions btn-row" });
    /* Written things (with a long text) are read; other records are viewed. */
    var open = textField ? AW.t("read_more", "Read more") : AW.t("view", "View");
    if (config.detail !== false) row.appendChild(h("a", { class: "btn btn-outline btn-small", href: AW.link(config.entity, record.id), "aria-label": open + ": " + title, text: open }));
    if ((AW.spec.bookable || []).indexOf(config.entity) >= 0 && AW.pageOf("booking")) {
      row.appendChild(h("a", { class: "btn btn-primary btn-small", href: AW.pageOf("booking") + AW.link("book", record.id), "aria-label": AW.t("book", "Book") + " " + title, text: AW.t("book", "Book") }));
    }
    if (config.likes) {
      var likes = Number(record.likes || 0);
      row.appendChild(h("button", { type: "button", class: "btn btn-outline btn-small", "aria-pressed": record.liked ? "true" : "false",
        onclick: function () { change(record, { likes: likes + (record.liked ? -1 : 1), liked: !record.liked }); } },
        (record.liked ? "♥ " : "♡ ") + (config.like_label || AW.t("like", "Like")) + " (" + likes + ")"));
    }
    if (config.form !== false) {
      row.appendChild(h("button", { type: "button", class: "btn btn-outline btn-small", "aria-label": AW.t("edit", "Edit") + " " + title,
        onclick: function () { editing = record.id; showList(); buildForm(record); form.scrollIntoView({ block: "nearest" }); form.querySelector("input, textarea, select").focus(); } }, AW.t("edit", "Edit")));
      row.appendChild(h("button", { type: "button", class: "btn btn-outline btn-small", "aria-label": AW.t("delete", "Delete") + " " + title,
        onclick: function () {
          var copy = Object.assign({}, record);
          AW.db.remove(config.entity, record.id);
          AW.toast(entity.label + " " + AW.t("deleted", "deleted") + ".", function () { AW.db.restore(config.entity, copy); render(); });
          if (AW.route().id === record.id) window.location.hash = "";
          render();
        } }, AW.t("delete", "Delete")));
    }
    return row;
  }

  /* ---------- reactions: what people do to a record besides editing it ---------- */
  /* Every change made from a card or a detail page: store it, show it. */
  function change(record, values) { AW.db.update(config.entity, record.id, values); render(); }
  function reactions(record, onDetail) {
    var title = AW.title(config.entity, record);
    var row = h("div", { class: "aw-reactions btn-row" });
    var relation = config.relation;
    if (relation) {
      row.appendChild(h("button", { type: "button", class: "btn btn-small " + (record.related ? "btn-outline" : "btn-primary"),
        "aria-pressed": record.related ? "true" : "false", "aria-label": (record.related ? relation.done : relation.label) + ": " + title,
        onclick: function () { change(record, { related: !record.related }); AW.toast((record.related ? relation.done : relation.undone || relation.label) + ": " + title); } },
        record.related ? relation.done : relation.label));
    }
    if (config.rsvp && !onDetail) {
      /* On the detail page the RSVP form (with a name) takes its place. */
      var going = (record.attendees || []).length;
      row.appendChild(h("span", { class: "aw-going", text: going + " " + AW.t("going", "going") }));
      row.appendChild(h("button", { type: "button", class: "btn btn-small " + (record.rsvp ? "btn-outline" : "btn-primary"),
        onclick: function () { rsvp(record, !record.rsvp, AW.auth.user() ? AW.auth.user().name : AW.t("you", "You")); } },
        record.rsvp ? AW.t("cancel_rsvp", "Cancel RSVP") : AW.t("rsvp", "RSVP")));
      if (record.rsvp) row.appendChild(h("span", { class: "aw-badge", text: AW.t("you_are_going", "You're going") }));
    }
    if (config.save) {
      row.appendChild(h("button", { type: "button", class: "btn btn-outline btn-small", "aria-pressed": record.saved ? "true" : "false",
        "aria-label": (record.saved ? AW.t("unsave", "Remove from favourites") : AW.t("save_fav", "Add to favourites")) + ": " + title,
        onclick: function () { change(record, { saved: !record.saved }); AW.toast(title + ": " + (record.saved ? AW.t("saved_fav", "saved to favourites") : AW.t("removed_fav", "removed from favourites"))); } },
        record.saved ? "♥ " + AW.t("saved_label", "Saved") : "♡ " + AW.t("save_label", "Save")));
    }
    if (config.report) {
      row.appendChild(record.reported ? h("span", { class: "aw-badge", text: AW.t("reported", "Reported — thank you") })
        : h("button", { type: "button", class: "btn btn-outline btn-small", "aria-label": AW.t("report", "Report") + ": " + title,
          onclick: function () { change(record, { reported: true }); AW.toast(AW.t("reported", "Reported — thank you")); } }, "🚩 " + AW.t("report", "Report")));
    }
    return row.childNodes.length ? row : null;
  }
  function rsvp(record, going, name) {
    var attendees = (record.attendees || []).filter(function (n) { return n !== name; });
    if (going) attendees.push(name);
    change(record, { attendees: attendees, rsvp: going });
    AW.toast(going ? AW.t("you_are_going", "You're going") + ": " + AW.title(config.entity, record) : AW.t("rsvp_cancelled", "RSVP cancelled"));
  }
  /* On a detail page: who is going (with a name to add), and a rating in stars. */
  function detailReactions(record) {
    var parts = [];
    if (config.rsvp) {
      var nameId = uid + "-rsvp-name";
      var nameInput = h("input", { id: nameId, class: "input", name: "rsvp_name", autocomplete: "name" });
      if (AW.auth.user()) nameInput.value = AW.auth.user().name;
      var people = record.attendees || [];
      parts.push(h("section", { class: "aw-rsvp card", "aria-label": AW.t("who_is_going", "Who is going") },
        h("h3", { text: AW.t("who_is_going", "Who is going") + " (" + people.length + ")" }),
        people.length ? h("ul", null, people.map(function (n) { return h("li", { text: n }); })) : h("p", { class: "muted", text: AW.t("nobody_yet", "Nobody yet.") }),
        h("form", { class: "aw-form", novalidate: true, onsubmit: function (event) {
          event.preventDefault();
          var name = nameInput.value.trim();
          if (!name) { AW.toast(AW.t("name_needed", "Write your name.")); nameInput.focus(); return; }
          rsvp(record, true, name);
        } }, h("div", { class: "field" }, h("label", { for: nameId, text: AW.t("your_name", "Your name") }), nameInput),
          h("button", { type: "submit", class: "btn btn-primary" }, AW.t("rsvp", "RSVP")))));
    }
    if (config.rate) {
      var mine = Number(record.my_rating || 0);
      var stars = h("div", { class: "aw-stars btn-row", role: "group", "aria-label": AW.t("rate", "Rate") });
      [1, 2, 3, 4, 5].forEach(function (n) {
        stars.appendChild(h("button", { type: "button", class: "btn btn-small " + (n <= mine ? "btn-primary" : "btn-outline"),
          "aria-label": n + " " + (n === 1 ? AW.t("star", "star") : AW.t("stars", "stars")), "aria-pressed": n === mine ? "true" : "false",
          onclick: function () { change(record, { my_rating: n }); AW.toast(AW.t("your_rating", "Your rating") + ": " + n + "/5"); } }, "★".repeat(n)));
      });
      parts.push(h("section", { class: "aw-rate card" }, h("h3", { text: AW.t("rate", "Rate") + " " + AW.title(config.entity, record) }), stars,
        mine ? h("p", { text: AW.t("your_rating", "Your rating") + ": " + mine + "/5" }) : null));
    }
    return parts;
  }
  /* A comment straight from the list: one line and a button under each card. */
  function quickComment(record) {
    if (!config.comments) return null;
    var id = uid + "-qc-" + record.id;
    var input = h("input", { id: id, class: "input", name: "comment", "aria-label": AW.t("add_comment", "Add a comment") + ": " + AW.title(config.entity, record), placeholder: AW.t("add_comment", "Add a comment") });
    var said = AW.commentsOn(config.entity, record.id);
    return h("div", { class: "aw-quick-comment" },
      said.length ? h("ul", { class: "aw-quick-comment__list" }, said.slice(-3).map(function (c) { return h("li", null, h("strong", { text: c.name + ": " }), c.text); })) : null,
      h("form", { class: "aw-quick-comment__form", novalidate: true, onsubmit: function (event) {
        event.preventDefault();
        var text = input.value.trim();
        if (!text) { input.focus(); return; }
        var user = AW.auth.user();
        AW.db.add("_comments", { entity: config.entity, record: record.id, name: config.anonymous ? AW.t("anonymous", "Anonymous") : user ? user.name : AW.t("guest", "Guest"), text: text, date: AW.today() });
        render();
      } }, input, h("button", { type: "submit", class: "btn btn-outline btn-small" }, config.comment_label || AW.t("comment", "Comment"))));
  }

  var statusField = fields.filter(function (f) { return f.type === "select" && /status|stage|state|attendance|progress/i.test(f.key + " " + f.label) && f.options.length <= 6; })[0];
  function statusButtons(record) {
    if (!statusField || config.form === false) return null;
    return h("div", { class: "aw-status btn-row", role: "group", "aria-label": statusField.label + ": " + AW.title(config.entity, record) },
      statusField.options.map(function (option) {
        var current = String(record[statusField.key]) === option;
        return h("button", { type: "button", class: "btn btn-small " + (current ? "btn-primary" : "btn-outline"), "aria-pressed": current ? "true" : "false",
          onclick: function () { var values = {}; values[statusField.key] = option; change(record, values); AW.toast(statusField.label + ": " + option); } }, option);
      }));
  }
  function toggles(record) {
    return fields.filter(function (f) { return f.type === "bool"; }).map(function (f) {
      var id = uid + "-" + f.key + "-" + record.id;
      var box = h("input", { type: "checkbox", id: id, class: "aw-check" });
      box.checked = !!record[f.key];
      box.addEventListener("change", function () { var values = {}; values[f.key] = box.checked; change(record, values); });
      return h("label", { for: id, class: "aw-toggle" }, box, " " + f.label);
    });
  }

  function markButtons(record) {
    if (config.form === false) return null;
    return fields.filter(function (f) { return f.type === "bool" && !record[f.key]; }).map(function (f) {
      return h("button", { type: "button", class: "btn btn-outline btn-small",
        onclick: function () { var values = {}; values[f.key] = true; change(record, values); AW.toast(AW.title(config.entity, record) + ": " + f.label); } },
        AW.t("mark_as", "Mark as") + " " + f.label.toLowerCase());
    });
  }
  /* A card with a hidden side (a flashcard's answer): "Flip card" shows it. */
  var revealedIds = {};
  function revealed(record) {
    var field = config.reveal && entity.fields.filter(function (f) { return f.key === config.reveal; })[0];
    if (!field) return null;
    var open = !!revealedIds[record.id];
    return h("div", { class: "aw-reveal" },
      open ? h("p", { class: "aw-reveal__text", text: AW.display(field, record[field.key]) }) : null,
      h("button", { type: "button", class: "btn btn-outline btn-small", "aria-expanded": open ? "true" : "false",
        onclick: function () { revealedIds[record.id] = !open; render(); } }, open ? AW.t("hide_answer", "Hide answer") : AW.t("flip", "Flip card")));
  }
  function card(record) {
    var title = AW.title(config.entity, record);
    var done = fields.some(function (f) { return f.type === "bool" && f.key === "done" && record[f.key]; });
    var meta = h("dl", { class: "aw-meta" });
    shown.forEach(function (f) {
      if (f.key === config.reveal) return;
      var value = AW.display(f, record[f.key]);
      if (value === "" || f.type === "bool") return;
      if (f.type === "longtext" && value.length > 120) value = value.slice(0, 117) + "…";
      meta.appendChild(h("div", null, h("dt", { text: f.label }), h("dd", { text: value })));
    });
    var picture = imageField && record[imageField.key] && String(record[imageField.key]).indexOf("data:image/") === 0
      ? h("img", { src: record[imageField.key], alt: title, class: "aw-thumb" }) : null;
    return h("li", { class: "aw-card card" + (done ? " is-done" : "") },
      picture,
      h("h3", { class: "aw-card__title" }, config.detail === false ? title : h("a", { href: AW.link(config.entity, record.id), text: title })),
      config.anonymous ? h("p", { class: "aw-byline muted", text: AW.t("posted_by", "Posted by") + " " + AW.t("anonymous", "Anonymous") }) : null,
      textField && record[textField.key] && textField.key !== config.reveal ? h("p", { class: "aw-card__text", text: String(record[textField.key]).slice(0, 160) }) : null,
      revealed(record), meta, toggles(record), statusButtons(record), markButtons(record), reactions(record), actions(record), quickComment(record));
  }

  function render() {
    var route = AW.route();
    if (route.name === config.entity && route.id && config.detail !== false) { renderDetail(route.id); return; }
    showList();
    refreshTextFilters();
    renderBrowse();
    var rows = records();
    var pages = Math.max(1, Math.ceil(rows.length / size));
    page = Math.min(page, pages);
    count.textContent = rows.length + " " + (rows.length === 1 ? entity.label.toLowerCase() : plural.toLowerCase()) + (query ? " " + AW.t("match", "match") + " “" + query + "”" : "");
    list.innerHTML = "";
    if (!rows.length) list.appendChild(h("li", { class: "aw-empty muted", text: AW.t("none", "No " + plural.toLowerCase() + " yet.") }));
    rows.slice((page - 1) * size, page * size).forEach(function (r) { list.appendChild(card(r)); });
    pager.innerHTML = "";
    if (pages > 1) {
      pager.appendChild(h("button", { type: "button", class: "btn btn-outline btn-small", disabled: page === 1, onclick: function () { page -= 1; render(); } }, AW.t("previous", "Previous")));
      pager.appendChild(h("span", { text: AW.t("page", "Page") + " " + page + " / " + pages }));
      pager.appendChild(h("button", { type: "button", class: "btn btn-outline btn-small", disabled: page === pages, onclick: function () { page += 1; render(); } }, AW.t("next", "Next")));
    }
  }
  function showList() { listView.hidden = false; detailView.hidden = true; }

  function renderDetail(id) {
    var record = AW.db.get(config.entity, id);
    listView.hidden = true;
    detailView.hidden = false;
    detailView.innerHTML = "";
    detailView.appendChild(h("p", null, h("a", { href: "#", text: "← " + AW.t("back", "Back to") + " " + plural.toLowerCase() })));
    if (!record) { detailView.appendChild(h("p", { text: entity.label + " " + AW.t("notfound", "not found") + "." })); return; }
    var title = AW.title(config.entity, record);
    detailView.appendChild(h("h2", { text: title }));
    var dl = h("dl", { class: "aw-detail card" });
    fields.forEach(function (f) {
      if (f.key === entity.title) return;
      var value = f.type === "image" ? null : AW.display(f, record[f.key]);
      if (f.type === "image" && record[f.key] && String(record[f.key]).indexOf("data:image/") === 0) {
        dl.appendChild(h("div", null, h("dt", { text: f.label }), h("dd", null, h("img", { src: record[f.key], alt: title, class: "aw-photo" }))));
      } else if (value !== null && value !== "") dl.appendChild(h("div", null, h("dt", { text: f.label }), h("dd", { text: value })));
    });
    detailView.appendChild(dl);
    var reacting = reactions(record, true);
    if (reacting) detailView.appendChild(reacting);
    detailReactions(record).forEach(function (part) { detailView.appendChild(part); });
    detailView.appendChild(actions(record));
    (config.children || []).forEach(function (child) {
      var holder = h("section", { class: "aw-children", "data-feature-child": "collection" });
      detailView.appendChild(holder);
      var childConfig = Object.assign({ detail: false, search: false, sort: false, page_size: 20 }, child, { fixed: {} });
      childConfig.fixed[child.via] = record.id;
      AW.mountInto(holder, "collection", childConfig);
    });
    if (config.comments) {
      var comments = h("section", { class: "aw-children" });
      detailView.appendChild(comments);
      AW.mountInto(comments, "comments", { entity: config.entity, record: record.id, label: config.comment_label, anonymous: !!config.anonymous });
    }
    var heading = detailView.querySelector("h2");
    if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus({ preventScroll: true }); }
  }

  AW.db.on(function () { if (!root.contains(document.activeElement) || document.activeElement === document.body) render(); });
  window.addEventListener("hashchange", render);
  render();
});

AW.selftest("collection", async function (root, t, config) {
  var entity = AW.entity(config.entity);
  var form = root.querySelector(".aw-collection__side form");
  if (config.saved_only) {
    /* A favourites list shows what was saved, and only that. */
    var first = AW.db.list(config.entity).filter(function (r) { return !r.saved; })[0];
    if (first) AW.db.update(config.entity, first.id, { saved: true });
    window.dispatchEvent(new HashChangeEvent("hashchange"));
    await t.wait(20);
    var saved = AW.db.list(config.entity).filter(function (r) { return r.saved; }).length;
    t.ok(saved > 0 && root.querySelectorAll(".aw-card").length === Math.min(saved, config.page_size || 12), "the favourites list shows the saved " + entity.plural.toLowerCase() + " only");
    if (first) AW.db.update(config.entity, first.id, { saved: false });
    window.dispatchEvent(new HashChangeEvent("hashchange"));
    return;
  }
  if (config.form === false || !form) {
    t.ok(root.querySelectorAll(".aw-card").length > 0, "the list shows the sample " + entity.plural.toLowerCase());
    return;
  }
  var marker = "Selftest " + Math.random().toString(36).slice(2, 8);
  var textual = function (f) { return (f.type === "text" || f.type === "longtext") && AW.control(form, f.key); };
  var markerField = entity.fields.filter(function (f) { return f.key === entity.title && textual(f); })[0] || entity.fields.filter(textual)[0];
  var before = AW.db.list(config.entity).length;
  var sample = (entity.records || [])[0] || {};
  entity.fields.forEach(function (f) {
    var control = AW.control(form, f.key);
    if (!control || f.type === "image") return;
    if (markerField && f.key === markerField.key) t.fill(control, marker);
    else if (f.type === "bool") control.checked = true;
    else if (control.tagName === "SELECT") { if (control.options.length > 1 && !control.value) control.selectedIndex = 1; }
    else if (sample[f.key] !== undefined && sample[f.key] !== null && f.type !== "ref") t.fill(control, String(sample[f.key]));
    else t.fill(control, f.type === "email" ? "test@example.com" : f.type === "date" ? AW.today(3) : f.type === "time" ? "10:00" : f.type === "number" || f.type === "money" || f.type === "rating" ? "3" : "x");
  });
  form.querySelector('button[type="submit"]').click();
  await t.wait(60);
  t.ok(AW.db.list(config.entity).length === before + 1, "the new " + entity.label.toLowerCase() + " is stored");
  var added = AW.db.list(config.entity).filter(function (r) { return (r.created || 0) > 1e12; }).sort(function (a, b) { return b.created - a.created; })[0];
  t.ok(!!added && !!root.querySelector('a[href="' + AW.link(config.entity, added.id) + '"], .aw-card'), "it appears in the list");
  var search = root.querySelector('input[type="search"]');
  if (search && markerField) {
    t.fill(search, marker.toLowerCase());
    await t.wait(30);
    t.ok(root.querySelectorAll(".aw-card").length === 1, "search finds exactly the new record");
    t.fill(search, "zzqx-no-such-thing");
    await t.wait(30);
    t.ok(root.querySelectorAll(".aw-card").length === 0, "search for nonsense finds nothing");
    t.fill(search, "");
  }
  /* Each reaction asked for changes the record it was pressed on. */
  var first = root.querySelector(".aw-card .aw-reactions");
  var reactionChecks = [["save", "saved", "♡"], ["report", "reported", "🚩"]];
  for (var i = 0; i < reactionChecks.length && first && added; i += 1) {
    var option = reactionChecks[i];
    if (!config[option[0]]) continue;
    var button = [].filter.call(root.querySelectorAll(".aw-card .aw-reactions button"), function (b) { return b.textContent.indexOf(option[2]) === 0; })[0];
    var card = button && button.closest(".aw-card");
    var link = card && card.querySelector(".aw-card__title a");
    var id = link ? decodeURIComponent(link.getAttribute("href").split("/").pop()) : null;
    if (button) button.click();
    await t.wait(30);
    t.ok(!!id && !!(AW.db.get(config.entity, id) || {})[option[1]], option[0] + " marks the record " + option[1]);
  }
  if (added) AW.db.remove(config.entity, added.id);
  await t.wait(30);
  t.ok(AW.db.list(config.entity).length === before, "a deleted record leaves the store");
  if (markerField) t.ok(t.text().indexOf(marker) < 0, "and the list");
});

AW.mountInto = function (holder, name, config) {
  holder.setAttribute("data-feature", name);
  holder.setAttribute("data-config", JSON.stringify(config));
  AW.mount(holder);
};
