/* Order history: orders placed at checkout (kept in `_orders`), newest first, with their
   lines and totals, printable. Config: {}. */
AW.feature("orders", function (root, config) {
  "use strict";
  var h = AW.h;
  var list = h("ol", { class: "aw-cards", role: "list", reversed: true });
  root.appendChild(h("h2", { text: config.heading || AW.t("my_orders", "My orders") }));
  root.appendChild(list);
  function render() {
    var owner = AW.auth.owner();
    var user = AW.auth.user();
    var admin = config.all || (user && user.role === "admin");
    var orders = AW.db.list("_orders").filter(function (o) { return admin || o.owner === owner; })
      .sort(function (a, b) { return (b.created || 0) - (a.created || 0); });
    list.innerHTML = "";
    if (!orders.length) list.appendChild(h("li", { class: "muted" }, AW.t("no_orders", "No orders yet.") + " ", h("a", { href: AW.pageOf("shop") || "index.html", text: AW.t("start_shopping", "Start shopping") })));
    orders.forEach(function (o) {
      list.appendChild(h("li", { class: "aw-card card" },
        h("h3", { class: "aw-card__title", text: AW.t("order", "Order") + " " + o.number }),
        h("p", { class: "muted", text: AW.date(o.date) + " · " + o.status }),
        h("ul", null, (o.lines || []).map(function (l) { return h("li", { text: l.quantity + " × " + l.name + " — " + AW.money(l.total) }); })),
        h("p", { class: "aw-total", text: AW.t("total", "Total") + ": " + AW.money(o.total) }),
        admin && o.status !== AW.t("shipped", "Shipped") ? h("button", { type: "button", class: "btn btn-outline btn-small",
          onclick: function () { AW.db.update("_orders", o.id, { status: AW.t("shipped", "Shipped") }); } }, AW.t("mark_shipped", "Mark as shipped")) : null));
    });
  }
  AW.db.on(render);
  render();
});

AW.selftest("orders", async function (root, t) {
  var order = AW.db.add("_orders", { number: "ORD-SELFTEST", owner: AW.auth.owner(), date: AW.today(), lines: [{ name: "Thing", quantity: 2, total: 4 }], total: 4, status: "Placed" });
  await t.wait(20);
  t.ok(t.text().indexOf("ORD-SELFTEST") >= 0, "a placed order is listed");
  AW.db.remove("_orders", order.id);
  await t.wait(20);
  t.ok(t.text().indexOf("ORD-SELFTEST") < 0, "the list follows the store");
});
