/* AutoWebIQ app runtime: the small library every feature module shares.
   A store kept in localStorage (schema-versioned, seeded from the spec's sample records;
   window.name when storage is blocked, as in a sandboxed preview), a hash router, typed
   form fields with validation, money and date formats, toasts, dialogs, and the registry
   that mounts features and runs their browser self-tests. No network, no external files. */
(function () {
  "use strict";
  var AW = (window.AW = window.AW || {});
  var SPEC = (AW.spec = window.AW_SPEC || { id: "site", schema: 1, entities: {} });
  var KEY = "aw:" + SPEC.id;
  var features = {};
  var selftests = {};
  var listeners = [];

  /* ---------- storage ---------- */
  function storageBackend() {
    try {
      var probe = KEY + ":probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (e) {
      return windowNameStorage();
    }
  }
  function windowNameStorage() {
    var PREFIX = "aw-store:";
    function read() {
      if (String(window.name).indexOf(PREFIX) !== 0) return {};
      try { return JSON.parse(window.name.slice(PREFIX.length)) || {}; } catch (e) { return {}; }
    }
    return {
      getItem: function (k) { var all = read(); return Object.prototype.hasOwnProperty.call(all, k) ? all[k] : null; },
      setItem: function (k, v) { var all = read(); all[k] = String(v); window.name = PREFIX + JSON.stringify(all); },
      removeItem: function (k) { var all = read(); delete all[k]; window.name = PREFIX + JSON.stringify(all); },
    };
  }
  var backend = storageBackend();

  function seeded() {
    var data = { schema: SPEC.schema, seq: 1000, collections: {}, kv: {} };
    Object.keys(SPEC.entities || {}).forEach(function (name) {
      data.collections[name] = (SPEC.entities[name].records || []).map(function (record, index) {
        var copy = Object.assign({}, record);
        copy.id = copy.id || name.slice(0, 3) + "-" + (index + 1);
        copy.created = copy.created || index;
        return copy;
      });
    });
    return data;
  }
  var state = (function load() {
    try {
      var raw = backend.getItem(KEY);
      var data = raw ? JSON.parse(raw) : null;
      if (data && data.schema === SPEC.schema && data.collections) {
        Object.keys(SPEC.entities || {}).forEach(function (name) {
          if (!data.collections[name]) data.collections[name] = seeded().collections[name];
        });
        data.kv = data.kv || {};
        return data;
      }
    } catch (e) { /* a damaged store starts again from the samples */ }
    return seeded();
  })();
  function save() {
    try { backend.setItem(KEY, JSON.stringify(state)); } catch (e) { AW.toast("Could not save: storage is full."); }
    listeners.slice().forEach(function (fn) { try { fn(); } catch (e) { console.error(e); } });
  }
  function collection(name) {
    if (!state.collections[name]) state.collections[name] = [];
    return state.collections[name];
  }
  AW.db = {
    list: function (name) { return collection(name).slice(); },
    get: function (name, id) { return collection(name).filter(function (r) { return r.id === id; })[0] || null; },
    add: function (name, record) {
      state.seq += 1;
      var copy = Object.assign({}, record, { id: name.slice(0, 3) + "-" + state.seq, created: Date.now() });
      collection(name).push(copy);
      save();
      return copy;
    },
    update: function (name, id, patch) {
      var record = AW.db.get(name, id);
      if (!record) return null;
      Object.assign(record, patch, { id: id });
      save();
      return record;
    },
    remove: function (name, id) {
      state.collections[name] = collection(name).filter(function (r) { return r.id !== id; });
      save();
    },
    restore: function (name, record) {
      if (!AW.db.get(name, record.id)) { collection(name).push(Object.assign({}, record)); save(); }
    },
    kv: function (key, value) {
      if (arguments.length > 1) { state.kv[key] = value; save(); return value; }
      return Object.prototype.hasOwnProperty.call(state.kv, key) ? state.kv[key] : null;
    },
    on: function (fn) { listeners.push(fn); },
    reset: function () { state = seeded(); save(); },
  };

  /* In the builder's preview, and only there, the records go to the builder's page around it
     (its Data tab), on its own origin: a published site shares nothing with a page embedding it. */
  (function shareWithTheBuilder() {
    if (window.parent === window || location.pathname.indexOf("/preview/") !== 0) return;
    var builder = location.ancestorOrigins && location.ancestorOrigins.length ? location.ancestorOrigins[0] : "";
    try { builder = builder || new URL(document.referrer).origin; } catch (e) { return; }
    if (!builder || builder === "null") return;
    function send() {
      try { window.parent.postMessage({ type: "aw-data", collections: state.collections }, builder); } catch (e) { /* gone */ }
    }
    listeners.push(send);
    window.addEventListener("message", function (event) {
      if (event.source === window.parent && event.origin === builder && event.data && event.data.type === "aw-data-request") send();
    });
    send();
  })();

  /* The comments on one record, oldest first (the comments feature and a list's quick comments). */
  AW.commentsOn = function (entity, record) {
    return AW.db.list("_comments").filter(function (c) { return c.entity === entity && c.record === record; })
      .sort(function (a, b) { return (a.created || 0) - (b.created || 0); });
  };

  /* ---------- DOM helpers ---------- */
  function h(tag, attrs) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) return;
      if (k === "text") el.textContent = v;
      else if (k === "class") el.className = v;
      else if (k.slice(0, 2) === "on") el.addEventListener(k.slice(2), v);
      else if (v === true) el.setAttribute(k, "");
      else el.setAttribute(k, v);
    });
    for (var i = 2; i < arguments.length; i += 1) append(el, arguments[i]);
    return el;
  }
  function append(el, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { append(el, c); }); return; }
    el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  AW.h = h;
  var uidCount = 0;
  AW.uid = function (prefix) { uidCount += 1; return (prefix || "aw") + "-" + uidCount; };
  AW.entity = function (name) { return (SPEC.entities || {})[name] || null; };
  /* The page a feature lives on ("cart" -> "cart.html"), so features link to each other. */
  AW.pageOf = function (feature) { return (SPEC.pages || {})[feature] || null; };

  /* ---------- formats ---------- */
  var lang = SPEC.lang || "en";
  AW.money = function (value) {
    var n = Number(value) || 0;
    try {
      return new Intl.NumberFormat(SPEC.locale || lang, { style: "currency", currency: SPEC.currency || "USD" }).format(n);
    } catch (e) { return (SPEC.currency || "") + " " + n.toFixed(2); }
  };
  AW.number = function (value) {
    var n = Number(value) || 0;
    return new Intl.NumberFormat(SPEC.locale || lang, { maximumFractionDigits: 2 }).format(n);
  };
  AW.date = function (value) {
    if (!value) return "";
    var d = new Date(String(value).length === 10 ? value + "T00:00:00" : value);
    if (isNaN(d.getTime())) return String(value);
    return d.toLocaleDateString(SPEC.locale || lang, { year: "numeric", month: "short", day: "numeric" });
  };
  /* Fields worked out from others when a record is saved: "hours:bedtime,wake" is the hours
     from one time to the next (past midnight when the second is earlier). */
  AW.compute = function (fields, values) {
    fields.forEach(function (f) {
      var product = /^product:(\w+),(\w+)$/.exec(f.compute || "");
      if (product) {
        /* "total invested": the price times the quantity, when both are given. */
        var a = values[product[1]], b = values[product[2]];
        if (a !== undefined && a !== null && a !== "" && b !== undefined && b !== null && b !== "") {
          values[f.key] = Math.round(Number(a) * Number(b) * 100) / 100;
        }
        return;
      }
      var parts = /^hours:(\w+),(\w+)$/.exec(f.compute || "");
      if (!parts) return;
      var from = /^(\d{1,2}):(\d{2})/.exec(values[parts[1]] || ""), to = /^(\d{1,2}):(\d{2})/.exec(values[parts[2]] || "");
      if (!from || !to) return;
      var minutes = (Number(to[1]) * 60 + Number(to[2])) - (Number(from[1]) * 60 + Number(from[2]));
      if (minutes < 0) minutes += 24 * 60;
      values[f.key] = Math.round((minutes / 60) * 100) / 100;
    });
    return values;
  };
  AW.hours = function (value) {
    var n = Number(value) || 0;
    var whole = Math.floor(n), minutes = Math.round((n - whole) * 60);
    return n.toFixed(1) + " h (" + whole + "h " + minutes + "m)";
  };
  AW.today = function (offsetDays) {
    var d = new Date(Date.now() + (offsetDays || 0) * 86400000);
    return d.toISOString().slice(0, 10);
  };
  /* The interface word for `key` in the site's language, with "{name}" filled from `vars`. */
  AW.t = function (key, fallback, vars) {
    var text = (SPEC.words && SPEC.words[key]) || fallback || key;
    Object.keys(vars || {}).forEach(function (k) { text = text.split("{" + k + "}").join(String(vars[k])); });
    return text;
  };
  AW.display = function (field, value) {
    if (value === null || value === undefined || value === "") return "";
    switch (field.type) {
      case "money": return AW.money(value);
      case "number": return field.compute ? AW.hours(value) : AW.number(value);
      case "date": return AW.date(value);
      case "bool": return value ? AW.t("yes", "Yes") : AW.t("no", "No");
      case "rating": return "★".repeat(Number(value) || 0) + " (" + value + "/5)";
      case "ref":
        var target = AW.db.get(field.ref, value);
        return target ? AW.title(field.ref, target) : "";
      default: return String(value);
    }
  };
  AW.title = function (entityName, record) {
    var entity = AW.entity(entityName);
    var key = entity && entity.title ? entity.title : "name";
    var field = entity ? entity.fields.filter(function (f) { return f.key === key; })[0] : null;
    var value = record[key] || record.name || record.title || record.id;
    /* A record named by a date or a link reads as one ("Nov 30, 2026", the client's name). */
    return String(field && (field.type === "date" || field.type === "ref" || field.type === "money") ? AW.display(field, value) || value : value);
  };

  /* ---------- fields and validation ---------- */
  /* A form's control by its field's key: namedItem, so a field called "item" or "length" is
     the control and not the collection's own method or count. */
  AW.control = function (form, key) { return form.elements.namedItem(key); };
  AW.input = function (field, value, idPrefix) {
    var id = (idPrefix || AW.uid("f")) + "-" + field.key;
    var control, suggestions = null;
    var attrs = { id: id, name: field.key, class: "input" };
    if (field.required) attrs.required = true;
    if (field.type === "longtext") {
      control = h("textarea", Object.assign(attrs, { rows: 3 }));
      control.value = value || "";
    } else if (field.type === "select" && field.buttons) {
      return choiceButtons(field, value, id);
    } else if (field.type === "select" || field.type === "ref" || field.type === "rating") {
      control = h("select", attrs);
      var options = field.type === "ref"
        ? AW.db.list(field.ref).map(function (r) { return [r.id, AW.title(field.ref, r)]; })
        : field.type === "rating" ? [["5", "5 ★★★★★"], ["4", "4 ★★★★"], ["3", "3 ★★★"], ["2", "2 ★★"], ["1", "1 ★"]]
        : (field.options || []).map(function (o) { return [o, o]; });
      if (!field.required || field.type === "ref") control.appendChild(h("option", { value: "", text: "—" }));
      options.forEach(function (o) { control.appendChild(h("option", { value: o[0], text: o[1] })); });
      control.value = value === undefined || value === null ? (field.type === "rating" ? "5" : control.value) : String(value);
    } else if (field.type === "bool") {
      control = h("input", { id: id, name: field.key, type: "checkbox", class: "aw-check" });
      control.checked = !!value;
      return h("div", { class: "field aw-field aw-field--check" }, h("label", { for: id }, control, " " + field.label));
    } else if (field.type === "image") {
      control = h("input", Object.assign(attrs, { type: "file", accept: "image/*" }));
    } else {
      var types = { number: "number", money: "number", date: "date", time: "time", email: "email", phone: "tel", url: "url" };
      attrs.type = types[field.type] || "text";
      if (field.type === "money") attrs.step = "0.01";
      if (field.type === "number") attrs.step = "any";
      if (field.type === "money" || field.min === 0) attrs.min = "0";
      control = h("input", attrs);
      if (field.type === "text" && field.options && field.options.length) {
        /* An open choice (a teacher's subject): the usual values suggested, any other typed. */
        suggestions = h("datalist", { id: id + "-options" });
        field.options.forEach(function (o) { suggestions.appendChild(h("option", { value: o })); });
        control.setAttribute("list", suggestions.id);
      }
      if ((value === undefined || value === null) && field.type === "date" && field.required) value = AW.today();
      /* A required amount starts at a sensible value rather than blocking the form. */
      if ((value === undefined || value === null) && field.type === "number" && field.required) value = /quantit|qty|seat|people|guest|count/i.test(field.key) ? 1 : 0;
      control.value = value === undefined || value === null ? "" : value;
    }
    var error = h("p", { class: "field-error", id: id + "-error", "aria-live": "polite" });
    control.setAttribute("aria-describedby", id + "-error");
    var counter = field.max && (field.type === "text" || field.type === "longtext") ? characterCounter(control, field.max) : null;
    return h("div", { class: "field aw-field" }, h("label", { for: id, text: field.label + (field.required ? " *" : "") }), control, suggestions, counter, error);
  };
  /* Choices to press rather than pick from a list (a mood: Great, Good, Okay…): buttons that
     set a hidden value the form reads like any other. */
  function choiceButtons(field, value, id) {
    var hidden = h("input", { type: "hidden", id: id, name: field.key });
    hidden.value = value === undefined || value === null ? "" : String(value);
    var legendId = id + "-legend";
    var row = h("div", { class: "aw-choices btn-row", role: "group", "aria-labelledby": legendId });
    function paint() {
      Array.prototype.forEach.call(row.children, function (b) {
        var on = b.getAttribute("data-value") === hidden.value;
        b.setAttribute("aria-pressed", on ? "true" : "false");
        b.className = "btn btn-small " + (on ? "btn-primary" : "btn-outline");
      });
    }
    (field.options || []).forEach(function (option) {
      row.appendChild(h("button", { type: "button", "data-value": option, onclick: function () { hidden.value = option; paint(); } }, option));
    });
    paint();
    var error = h("p", { class: "field-error", id: id + "-error", "aria-live": "polite" });
    return h("div", { class: "field aw-field" }, h("p", { id: legendId, class: "aw-choices__label", text: field.label + (field.required ? " *" : "") }), row, hidden, error);
  }
  /* "14 / 280": a text with a length limit shows how much of it is used as people type. */
  function characterCounter(control, max) {
    control.setAttribute("maxlength", String(max));
    var counter = h("p", { class: "aw-counter muted", "aria-live": "polite" });
    function update() {
      var left = max - control.value.length;
      counter.textContent = control.value.length + " / " + max + " · " + left + " " + AW.t("chars_left", "characters left");
    }
    control.addEventListener("input", update);
    update();
    return counter;
  }
  AW.readForm = function (form, fields) {
    var values = {};
    var ok = true;
    var firstBad = null;
    fields.forEach(function (field) {
      var control = AW.control(form, field.key);
      if (!control) return;
      var error = document.getElementById(control.id + "-error");
      var message = "";
      var value;
      if (field.type === "bool") value = control.checked;
      else if (field.type === "image") value = control.dataset.value || "";
      else value = String(control.value || "").trim();
      if (field.required && (value === "" || value === null)) message = field.label + " is required.";
      else if (value !== "" && (field.type === "number" || field.type === "money" || field.type === "rating")) {
        if (isNaN(Number(value))) message = field.label + " must be a number.";
        else if (field.type === "money" && Number(value) < 0) message = field.label + " cannot be negative.";
        else value = Number(value);
      } else if (value !== "" && field.type === "email" && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
        message = "Enter an email address like name@example.com.";
      } else if (field.max && typeof value === "string" && value.length > field.max) {
        message = field.label + " " + AW.t("too_long", "is too long") + " (" + value.length + " / " + field.max + ").";
      } else if (value !== "" && field.type === "date" && isNaN(new Date(value).getTime())) {
        message = field.label + " must be a date.";
      }
      if (error) error.textContent = message;
      control.setAttribute("aria-invalid", message ? "true" : "false");
      if (message) { ok = false; firstBad = firstBad || control; }
      values[field.key] = value;
    });
    if (firstBad) firstBad.focus();
    return ok ? values : null;
  };
  AW.bindImageInputs = function (form) {
    Array.prototype.forEach.call(form.querySelectorAll('input[type="file"]'), function (input) {
      input.addEventListener("change", function () {
        var file = input.files && input.files[0];
        if (!file) return;
        if (file.size > 400000) { AW.toast("That image is too large (400 KB at most)."); input.value = ""; return; }
        var reader = new FileReader();
        reader.onload = function () {
          input.dataset.value = reader.result;
          var old = input.parentNode.querySelector(".aw-preview");
          if (old) old.remove();
          input.parentNode.insertBefore(h("img", { class: "aw-preview", src: reader.result, alt: "Preview of " + file.name }), input.nextSibling);
        };
        reader.readAsDataURL(file);
      });
    });
  };

  /* ---------- keys ---------- */
  var ARROWS = { ArrowUp: "up", ArrowDown: "down", ArrowLeft: "left", ArrowRight: "right" };
  function typingIn(el) {
    if (!el || !el.tagName) return false;
    var tag = el.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || el.isContentEditable;
  }
  /* The direction an arrow key gives the feature in `root` ("up", …), or null when the key is
     not a plain arrow, someone is typing, a dialog is open, the feature is hidden, or another
     feature has focus (keys belong to the feature that has focus). */
  AW.arrowFor = function (root, event) {
    var dir = ARROWS[event.key];
    if (!dir || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
    if (typingIn(event.target) || typingIn(document.activeElement)) return null;
    if (!root.getClientRects().length || document.querySelector("dialog[open]")) return null;
    var owner = document.activeElement && document.activeElement.closest ? document.activeElement.closest("[data-feature]") : null;
    return owner && owner !== root ? null : dir;
  };

  /* ---------- toasts and dialogs ---------- */
  var toastRegion = null;
  /* A short message; with `undo`, a button that calls it (deletions are undone this way
     rather than asked about first). */
  AW.toast = function (text, undo) {
    if (!toastRegion) {
      toastRegion = h("div", { class: "aw-toasts", role: "status", "aria-live": "polite" });
      document.body.appendChild(toastRegion);
    }
    var item = h("p", { class: "aw-toast" }, text);
    if (undo) {
      item.appendChild(h("button", { type: "button", class: "aw-toast__undo", onclick: function () { undo(); item.remove(); } }, AW.t("undo", "Undo")));
    }
    toastRegion.appendChild(item);
    setTimeout(function () { item.remove(); }, undo ? 8000 : 4000);
  };
  AW.confirm = function (text, action) {
    return new Promise(function (resolve) {
      var dialog = h("dialog", { class: "aw-dialog", "aria-label": text });
      function close(answer) { dialog.close(); dialog.remove(); resolve(answer); }
      dialog.appendChild(h("p", { text: text }));
      dialog.appendChild(h("div", { class: "btn-row" },
        h("button", { type: "button", class: "btn btn-primary", onclick: function () { close(true); } }, action || AW.t("confirm", "Confirm")),
        h("button", { type: "button", class: "btn btn-outline", onclick: function () { close(false); } }, AW.t("cancel", "Cancel"))));
      dialog.addEventListener("cancel", function () { close(false); });
      document.body.appendChild(dialog);
      if (dialog.showModal) dialog.showModal(); else dialog.setAttribute("open", "");
    });
  };

  /* ---------- router ---------- */
  AW.route = function () {
    var parts = (window.location.hash || "").replace(/^#\/?/, "").split("/");
    return { name: parts[0] || "", id: decodeURIComponent(parts[1] || "") };
  };
  AW.link = function (name, id) { return "#/" + name + (id ? "/" + encodeURIComponent(id) : ""); };

  /* ---------- accounts (simulated, in this browser) ---------- */
  AW.auth = {
    user: function () {
      var id = AW.db.kv("session");
      return id ? AW.db.get("_users", id) : null;
    },
    register: function (name, email, password) {
      var exists = AW.db.list("_users").some(function (u) { return u.email === email.toLowerCase(); });
      if (exists) return { error: "An account with that email already exists." };
      var user = AW.db.add("_users", { name: name, email: email.toLowerCase(), password: password, role: AW.db.list("_users").length ? "member" : "admin" });
      AW.db.kv("session", user.id);
      return { user: user };
    },
    signIn: function (email, password) {
      var user = AW.db.list("_users").filter(function (u) { return u.email === String(email).toLowerCase() && u.password === password; })[0];
      if (!user) return { error: "Wrong email or password." };
      AW.db.kv("session", user.id);
      return { user: user };
    },
    signOut: function () { AW.db.kv("session", null); },
    owner: function () { var user = AW.auth.user(); return user ? user.id : "guest"; },
  };

  /* ---------- cart and orders (shop, cart and orders features share them) ---------- */
  AW.cart = {
    items: function () { return (AW.db.kv("cart") || []).slice(); },
    add: function (entity, id, quantity) {
      var items = AW.cart.items();
      var line = items.filter(function (i) { return i.entity === entity && i.id === id; })[0];
      if (line) line.quantity += quantity || 1;
      else items.push({ entity: entity, id: id, quantity: quantity || 1 });
      AW.db.kv("cart", items);
    },
    set: function (entity, id, quantity) {
      var items = AW.cart.items().map(function (i) { return i.entity === entity && i.id === id ? Object.assign({}, i, { quantity: quantity }) : i; });
      AW.db.kv("cart", items.filter(function (i) { return i.quantity > 0; }));
    },
    clear: function () { AW.db.kv("cart", []); },
    count: function () { return AW.cart.items().reduce(function (n, i) { return n + i.quantity; }, 0); },
    lines: function (priceKey) {
      return AW.cart.items().map(function (i) {
        var record = AW.db.get(i.entity, i.id);
        if (!record) return null;
        var price = Number(record[priceKey]) || 0;
        return { entity: i.entity, id: i.id, name: AW.title(i.entity, record), price: price, quantity: i.quantity, total: price * i.quantity };
      }).filter(Boolean);
    },
  };

  /* ---------- features and self-tests ---------- */
  AW.feature = function (name, mount) { features[name] = mount; };
  AW.selftest = function (name, test) { selftests[name] = test; };
  AW.mount = function (root) {
    var name = root.getAttribute("data-feature");
    var config = JSON.parse(root.getAttribute("data-config") || "{}");
    if (!features[name]) { console.error("unknown feature " + name); return; }
    try { features[name](root, config); } catch (e) { console.error(e); root.appendChild(h("p", { class: "aw-error", text: "This part of the page could not start." })); }
    root.setAttribute("data-ready", "true");
  };
  function mountAll() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-feature]"), AW.mount);
    document.documentElement.setAttribute("data-app-ready", "true");
  }
  /* One self-test on `root`: its problems and how many checks it made. */
  async function runSelfTest(name, root, config) {
    var problems = [];
    var checks = 0;
    var t = {
      ok: function (cond, message) { checks += 1; if (!cond) problems.push(message); },
      wait: function (ms) { return new Promise(function (r) { setTimeout(r, ms || 30); }); },
      fill: function (control, value) {
        control.value = value;
        control.dispatchEvent(new Event("input", { bubbles: true }));
        control.dispatchEvent(new Event("change", { bubbles: true }));
      },
      text: function () { return root.innerText || root.textContent; },
    };
    if (!selftests[name]) return { feature: name, config: config, passed: false, checks: 0, problems: ["no self-test"] };
    try { await selftests[name](root, t, config); } catch (e) { problems.push(String(e && e.message || e)); }
    return { feature: name, config: config, passed: problems.length === 0, checks: checks, problems: problems };
  }
  AW.runSelfTests = async function () {
    var results = [];
    var roots = Array.prototype.slice.call(document.querySelectorAll("[data-feature]"));
    for (var i = 0; i < roots.length; i += 1) {
      var root = roots[i];
      results.push(await runSelfTest(root.getAttribute("data-feature"), root, JSON.parse(root.getAttribute("data-config") || "{}")));
    }
    return results;
  };
  /* A feature's self-test on an empty element where the feature never started: a self-test
     that passes there proves nothing about the feature. */
  AW.runSelfTestBlank = async function (name) {
    var blank = h("div", { "data-feature": name, hidden: true });
    document.body.appendChild(blank);
    try { return await runSelfTest(name, blank, {}); } finally { blank.remove(); }
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else setTimeout(mountAll, 0);
})();
