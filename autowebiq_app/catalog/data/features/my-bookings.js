/* My bookings: this visitor's bookings (from `_bookings`), upcoming first, with cancel
   (asks first) and print. Config: {}. */
AW.feature("my-bookings", function (root, config) {
  "use strict";
  var h = AW.h;
  var list = h("ul", { class: "aw-cards", role: "list" });
  root.appendChild(h("h2", { text: config.heading || AW.t("my_bookings", "My bookings") }));
  root.appendChild(list);
  function render() {
    var owner = AW.auth.owner();
    var user = AW.auth.user();
    var admin = config.all || (user && user.role === "admin");
    var rows = AW.db.list("_bookings").filter(function (b) { return (admin || b.owner === owner) && b.status !== "cancelled"; })
      .sort(function (a, b) { return (b.created || 0) - (a.created || 0); });
    list.innerHTML = "";
    if (!rows.length) list.appendChild(h("li", { class: "muted" }, AW.t("no_bookings", "You have no bookings yet.") + " ",
      AW.pageOf("booking") ? h("a", { href: AW.pageOf("booking"), text: AW.t("book_now", "Book now") }) : null));
    rows.forEach(function (b) {
      var cancelled = b.status === "cancelled";
      list.appendChild(h("li", { class: "aw-card card aw-ticket" + (cancelled ? " is-done" : "") },
        h("h3", { class: "aw-card__title", text: b.what }),
        h("p", { text: AW.t("reference", "Reference") + ": " + b.reference }),
        h("p", { text: AW.date(b.date) + (b.until ? " – " + AW.date(b.until) : "") + (b.time ? " · " + b.time : "") + " · " + b.seats + (b.name ? " × " + b.name : "") }),
        b.total !== null && b.total !== undefined ? h("p", { text: AW.t("total", "Total") + ": " + AW.money(b.total) }) : null,
        (b.extra || []).map(function (pair) { return h("p", { text: pair[0] + ": " + pair[1] }); }),
        h("div", { class: "btn-row" },
          cancelled ? null : h("button", { type: "button", class: "btn btn-outline btn-small", "aria-label": AW.t("cancel_booking", "Cancel booking") + " " + b.reference,
            onclick: function () {
              AW.db.update("_bookings", b.id, { status: "cancelled" });
              AW.toast(AW.t("booking_cancelled", "Booking cancelled") + ": " + b.reference, function () { AW.db.update("_bookings", b.id, { status: "confirmed" }); });
            } }, AW.t("cancel_booking", "Cancel booking")),
          h("button", { type: "button", class: "btn btn-outline btn-small", onclick: function () { window.print(); } }, AW.t("print_ticket", "Print ticket")))));
    });
  }
  AW.db.on(render);
  render();
});

AW.selftest("my-bookings", async function (root, t) {
  var booking = AW.db.add("_bookings", { reference: "BK-SELFTEST", owner: AW.auth.owner(), status: "confirmed", what: "Test", date: AW.today(5), seats: 2, name: "Selftest" });
  await t.wait(20);
  t.ok(t.text().indexOf("BK-SELFTEST") >= 0, "my booking is listed");
  AW.db.update("_bookings", booking.id, { status: "cancelled" });
  await t.wait(20);
  t.ok(t.text().indexOf("BK-SELFTEST") < 0, "a cancelled booking leaves the list");
  AW.db.remove("_bookings", booking.id);
});
