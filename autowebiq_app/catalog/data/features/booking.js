/* Booking: choose what (optional entity), when (date, time slot or check-out), how many,
   and who; taken slots are refused; a confirmation with a reference and a ticket to print.
   Bookings live in `_bookings`. Config: {entity, slots, seats_label, price, date_label, nights}. */
AW.feature("booking", function (root, config) {
  "use strict";
  var h = AW.h;
  var uid = AW.uid("book");
  var entity = config.entity ? AW.entity(config.entity) : null;
  var capacityField = entity ? entity.fields.filter(function (f) { return /^(capacity|seats|spaces|places|rooms)$/.test(f.key); })[0] : null;
  var fields = [];
  if (entity) fields.push({ key: "item", label: entity.label, type: "ref", ref: config.entity, required: true });
  fields.push({ key: "date", label: config.date_label || AW.t("date", "Date"), type: "date", required: true });
  if (config.nights) fields.push({ key: "until", label: AW.t("checkout_date", "Check-out"), type: "date", required: true });
  if (config.slots && config.slots.length) fields.push({ key: "time", label: AW.t("time", "Time"), type: "select", options: config.slots, required: true });
  fields.push({ key: "seats", label: config.seats_label || AW.t("people", "People"), type: "number", required: true });
  fields.push({ key: "name", label: AW.t("name", "Name"), type: "text", required: true });
  fields.push({ key: "email", label: AW.t("email", "Email"), type: "email", required: true });
  var form = h("form", { class: "aw-form card", novalidate: true, "aria-labelledby": uid + "-title" },
    h("h2", { id: uid + "-title", text: config.heading || AW.t("make_booking", "Make a booking") }));
  var user = AW.auth.user();
  fields.forEach(function (f) {
    var initial = f.key === "seats" ? 1 : f.key === "date" ? AW.today(1) : f.key === "until" ? AW.today(3) : f.key === "name" && user ? user.name : f.key === "email" && user ? user.email : undefined;
    form.appendChild(AW.input(f, initial, uid));
  });
  var note = h("p", { class: "muted", "aria-live": "polite" });
  form.appendChild(note);
  form.appendChild(h("div", { class: "btn-row" }, h("button", { type: "submit", class: "btn btn-primary", text: AW.t("book", "Book") })));
  var confirmation = h("div", { role: "status", "aria-live": "polite" });
  root.appendChild(confirmation);
  root.appendChild(form);
  if (form.elements.seats) { form.elements.seats.min = "1"; form.elements.seats.max = "20"; form.elements.seats.step = "1"; }
  var route = AW.route();
  if (entity && route.name === "book" && route.id && form.elements.item) form.elements.item.value = route.id;

  function capacity(itemId) {
    if (!entity || !capacityField) return config.slots && config.slots.length ? 1 : Infinity;
    var item = AW.db.get(config.entity, itemId);
    return item ? Number(item[capacityField.key]) || 1 : 1;
  }
  function nights(b) { return b.until ? Math.max(1, Math.round((new Date(b.until) - new Date(b.date)) / 86400000)) : 1; }
  AW.bookingTaken = function (itemId, date, time) {
    return AW.db.list("_bookings").filter(function (b) {
      return b.status !== "cancelled" && (b.item || "") === (itemId || "") && b.date === date && (b.time || "") === (time || "");
    }).reduce(function (n, b) { return n + (capacityField ? Number(b.seats) || 1 : 1); }, 0);
  };
  function price(values) {
    if (!entity || !config.price) return null;
    var item = AW.db.get(config.entity, values.item);
    if (!item) return null;
    var unit = Number(item[config.price]) || 0;
    return config.nights ? unit * nights(values) : unit * (Number(values.seats) || 1);
  }
  function updateNote() {
    var values = { item: form.elements.item ? form.elements.item.value : "", date: form.elements.date.value, time: form.elements.time ? form.elements.time.value : "", seats: form.elements.seats.value, until: form.elements.until ? form.elements.until.value : "" };
    var p = price(values);
    note.textContent = p === null ? "" : AW.t("price", "Price") + ": " + AW.money(p);
  }
  form.addEventListener("change", updateNote);
  updateNote();
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var values = AW.readForm(form, fields);
    if (!values) return;
    if (values.date < AW.today()) { AW.toast(AW.t("past_date", "Choose a date from today on.")); form.elements.date.focus(); return; }
    if (values.until && values.until <= values.date) { AW.toast(AW.t("bad_range", "Check-out must be after check-in.")); form.elements.until.focus(); return; }
    if (values.seats < 1) { AW.toast(AW.t("bad_seats", "Book for at least one.")); return; }
    var taken = AW.bookingTaken(values.item, values.date, values.time);
    var need = capacityField ? values.seats : 1;
    if (taken + need > capacity(values.item)) {
      note.textContent = AW.t("unavailable", "Sorry, that is fully booked. Choose another date or time.");
      AW.toast(note.textContent);
      return;
    }
    var reference = "BK-" + String(1000 + AW.db.list("_bookings").length + 1) + "-" + Math.random().toString(36).slice(2, 5).toUpperCase();
    var item = values.item && entity ? AW.db.get(config.entity, values.item) : null;
    var booking = AW.db.add("_bookings", Object.assign(values, {
      reference: reference, owner: AW.auth.owner(), status: "confirmed", what: item ? AW.title(config.entity, item) : (config.heading || AW.spec.name),
      total: price(values),
    }));
    confirmation.innerHTML = "";
    confirmation.appendChild(h("div", { class: "card aw-ticket" },
      h("h3", { text: AW.t("booking_confirmed", "Booking confirmed") + ": " + booking.reference }),
      h("p", { text: booking.what + " · " + AW.date(booking.date) + (booking.until ? " – " + AW.date(booking.until) : "") + (booking.time ? " · " + booking.time : "") + " · " + (config.seats_label || AW.t("people", "People")) + ": " + booking.seats }),
      booking.total !== null ? h("p", { text: AW.t("total", "Total") + ": " + AW.money(booking.total) }) : null,
      h("div", { class: "btn-row" },
        h("button", { type: "button", class: "btn btn-outline", onclick: function () { window.print(); } }, AW.t("print_ticket", "Print ticket")),
        AW.pageOf("my-bookings") ? h("a", { class: "btn btn-outline", href: AW.pageOf("my-bookings"), text: AW.t("my_bookings", "My bookings") }) : null)));
    AW.toast(AW.t("booking_confirmed", "Booking confirmed") + ": " + booking.reference);
    confirmation.scrollIntoView({ block: "nearest" });
  });
});

AW.selftest("booking", async function (root, t, config) {
  var form = root.querySelector("form");
  var before = AW.db.list("_bookings").length;
  if (form.elements.item && form.elements.item.options.length > 1) form.elements.item.selectedIndex = 1;
  t.fill(form.elements.date, AW.today(30));
  if (form.elements.until) t.fill(form.elements.until, AW.today(32));
  t.fill(form.elements.name, "Selftest Guest");
  t.fill(form.elements.email, "guest@example.com");
  form.querySelector('button[type="submit"]').click();
  await t.wait(30);
  t.ok(AW.db.list("_bookings").length === before + 1, "a booking is stored");
  t.ok(/BK-\d+/.test(t.text()), "the confirmation shows a reference");
  t.fill(form.elements.date, AW.today(-2));
  form.querySelector('button[type="submit"]').click();
  await t.wait(30);
  t.ok(AW.db.list("_bookings").length === before + 1, "a date in the past is refused");
  AW.db.list("_bookings").forEach(function (b) { if (b.name === "Selftest Guest") AW.db.remove("_bookings", b.id); });
});
