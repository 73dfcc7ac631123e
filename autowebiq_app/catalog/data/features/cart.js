/* Cart and checkout: quantities, totals, a validated checkout form, and an order (stored in
   `_orders`, shown with its number) when placed. Config: {entity, price}. */
AW.feature("cart", function (root, config) {
  "use strict";
  var h = AW.h;
  var entity = AW.entity(config.entity);
  var priceKey = config.price || (entity.fields.filter(function (f) { return f.type === "money"; })[0] || {}).key;
  var uid = AW.uid("cart");
  var lines = h("div", { class: "aw-table-wrap" });
  var done = h("div", { class: "aw-confirmation", role: "status", "aria-live": "polite" });
  var fields = [
    { key: "name", label: AW.t("name", "Name"), type: "text", required: true },
    { key: "email", label: AW.t("email", "Email"), type: "email", required: true },
    { key: "address", label: AW.t("address", "Address"), type: "text", required: true },
    { key: "delivery", label: AW.t("delivery", "Delivery"), type: "select", options: [AW.t("ship", "Delivery"), AW.t("pickup", "Pick up")], required: true },
  ];
  var form = h("form", { class: "aw-form card", novalidate: true, "aria-labelledby": uid + "-checkout" },
    h("h3", { id: uid + "-checkout", text: AW.t("checkout", "Checkout") }));
  var user = AW.auth.user();
  fields.forEach(function (f) { form.appendChild(AW.input(f, f.key === "name" && user ? user.name : f.key === "email" && user ? user.email : undefined, uid)); });
  var codes = config.codes || {};
  var applied = AW.db.kv("discount") || null;
  var codeInput = h("input", { id: uid + "-code", class: "input", autocomplete: "off" });
  var codeNote = h("p", { class: "aw-code-note", "aria-live": "polite" });
  if (Object.keys(codes).length) {
    form.appendChild(h("div", { class: "field" }, h("label", { for: codeInput.id, text: AW.t("discount_code", "Discount code") }),
      h("div", { class: "btn-row" }, codeInput, h("button", { type: "button", class: "btn btn-outline", onclick: function () {
        var code = codeInput.value.trim().toUpperCase();
        if (Object.prototype.hasOwnProperty.call(codes, code)) { applied = code; AW.db.kv("discount", code); codeNote.textContent = code + ": " + codes[code] + "% " + AW.t("off", "off") + "."; }
        else { applied = null; AW.db.kv("discount", null); codeNote.textContent = AW.t("bad_code", "That code is not valid."); }
        render();
      } }, AW.t("apply", "Apply"))), codeNote));
  }
  form.appendChild(h("div", { class: "btn-row" }, h("button", { type: "submit", class: "btn btn-primary", text: AW.t("place_order", "Place order") })));
  root.appendChild(h("h2", { text: config.heading || AW.t("your_cart", "Your cart") }));
  root.appendChild(done);
  root.appendChild(h("div", { class: "aw-collection__grid" }, lines, form));

  AW.cartSubtotal = function () { return AW.cart.lines(priceKey).reduce(function (n, l) { return n + l.total; }, 0); };
  AW.cartTotal = function () {
    var percent = applied && codes[applied] ? Number(codes[applied]) : 0;
    return Math.round(AW.cartSubtotal() * (100 - percent)) / 100;
  };
  function render() {
    var items = AW.cart.lines(priceKey);
    lines.innerHTML = "";
    if (!items.length) {
      lines.appendChild(h("p", { class: "muted" }, AW.t("cart_empty", "Your cart is empty.") + " ", h("a", { href: AW.pageOf("shop") || "index.html", text: AW.t("continue", "Continue shopping") })));
      form.hidden = true;
      return;
    }
    form.hidden = false;
    var body = h("tbody");
    items.forEach(function (l) {
      var qid = uid + "-q-" + l.id;
      var qty = h("input", { id: qid, type: "number", min: "0", max: "99", class: "input aw-qty", value: String(l.quantity) });
      qty.addEventListener("change", function () { AW.cart.set(l.entity, l.id, Math.max(0, Math.min(99, parseInt(qty.value, 10) || 0))); render(); });
      body.appendChild(h("tr", null,
        h("th", { scope: "row", text: l.name }),
        h("td", null, h("label", { class: "visually-hidden", for: qid, text: AW.t("quantity", "Quantity") + " " + l.name }), qty),
        h("td", { class: "num", text: AW.money(l.price) }),
        h("td", { class: "num", text: AW.money(l.total) }),
        h("td", null, h("button", { type: "button", class: "btn btn-outline btn-small", "aria-label": AW.t("remove", "Remove") + " " + l.name,
          onclick: function () { AW.cart.set(l.entity, l.id, 0); render(); } }, AW.t("remove", "Remove")))));
    });
    lines.appendChild(h("table", { class: "aw-table" },
      h("thead", null, h("tr", null, h("th", { scope: "col", text: AW.t("item", "Item") }), h("th", { scope: "col", text: AW.t("quantity", "Quantity") }),
        h("th", { scope: "col", class: "num", text: AW.t("price", "Price") }), h("th", { scope: "col", class: "num", text: AW.t("subtotal", "Subtotal") }),
        h("th", { scope: "col" }, h("span", { class: "visually-hidden", text: AW.t("actions", "Actions") })))),
      body));
    if (applied && codes[applied]) {
      lines.appendChild(h("p", { text: AW.t("subtotal", "Subtotal") + ": " + AW.money(AW.cartSubtotal()) }));
      lines.appendChild(h("p", { text: AW.t("discount", "Discount") + " (" + applied + ", " + codes[applied] + "%): −" + AW.money(AW.cartSubtotal() - AW.cartTotal()) }));
    }
    lines.appendChild(h("p", { class: "aw-total" }, AW.t("total", "Total") + ": " + AW.money(AW.cartTotal())));
    lines.appendChild(h("p", null, h("button", { type: "button", class: "btn btn-primary", onclick: function () {
      var first = form.querySelector("input, select");
      form.scrollIntoView({ block: "start" });
      if (first) first.focus();
    } }, AW.t("checkout", "Checkout"))));
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var values = AW.readForm(form, fields);
    var items = AW.cart.lines(priceKey);
    if (!values || !items.length) return;
    var number = "ORD-" + String(1000 + AW.db.list("_orders").length + 1);
    var order = AW.db.add("_orders", Object.assign(values, { number: number, owner: AW.auth.owner(), date: AW.today(), lines: items, total: AW.cartTotal(), status: AW.t("placed", "Placed") }));
    AW.cart.clear();
    AW.db.kv("discount", null);
    applied = null;
    done.innerHTML = "";
    done.appendChild(h("div", { class: "card aw-ticket" },
      h("h3", { text: AW.t("order_confirmed", "Order confirmed") + ": " + order.number }),
      h("p", { text: AW.t("thanks", "Thank you") + ", " + order.name + ". " + AW.t("total", "Total") + ": " + AW.money(order.total) + "." }),
      h("p", null, h("a", { href: AW.pageOf("orders") || "index.html", text: AW.t("see_orders", "See your orders") }))));
    render();
    done.scrollIntoView({ block: "nearest" });
  });
  AW.db.on(render);
  render();
});

AW.selftest("cart", async function (root, t, config) {
  var entity = AW.entity(config.entity);
  var product = AW.db.list(config.entity)[0];
  var savedCart = AW.cart.items();
  var ordersBefore = AW.db.list("_orders").length;
  if (!product) { t.ok(false, "there are products to buy"); return; }
  AW.cart.clear();
  AW.cart.add(config.entity, product.id, 2);
  await t.wait(20);
  var price = Number(product[config.price || entity.fields.filter(function (f) { return f.type === "money"; })[0].key]) || 0;
  t.ok(Math.abs(AW.cartTotal() - 2 * price) < 0.001, "the total is quantity times price");
  var form = root.querySelector("form");
  t.fill(form.elements.name, "Selftest Buyer");
  t.fill(form.elements.email, "buyer@example.com");
  t.fill(form.elements.address, "1 Test Street");
  form.querySelector('button[type="submit"]').click();
  await t.wait(30);
  t.ok(AW.db.list("_orders").length === ordersBefore + 1, "checkout stores an order");
  t.ok(AW.cart.count() === 0, "checkout empties the cart");
  t.ok(/ORD-\d+/.test(t.text()), "the order number is shown");
  AW.db.list("_orders").forEach(function (o) { if (o.name === "Selftest Buyer") AW.db.remove("_orders", o.id); });
  AW.db.kv("cart", savedCart);
});
