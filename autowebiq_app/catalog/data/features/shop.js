/* Shop: products as cards with price, search, a filter by the first select field, sort by
   price, and "Add to cart" (cart kept in the store). Config: {entity, price}. */
AW.feature("shop", function (root, config) {
  "use strict";
  var h = AW.h;
  var entity = AW.entity(config.entity);
  var priceKey = config.price || (entity.fields.filter(function (f) { return f.type === "money"; })[0] || {}).key;
  var category = entity.fields.filter(function (f) { return f.type === "select"; })[0];
  var text = entity.fields.filter(function (f) { return f.type === "longtext"; })[0];
  var uid = AW.uid("shop");
  var query = "", filter = "", order = "";
  var search = h("input", { id: uid + "-search", type: "search", class: "input" });
  var toolbar = h("div", { class: "aw-toolbar", role: "search" },
    h("div", { class: "field" }, h("label", { for: search.id, text: AW.t("search", "Search") + " " + entity.plural.toLowerCase() }), search));
  search.addEventListener("input", function () { query = search.value.trim().toLowerCase(); render(); });
  if (category) {
    var select = h("select", { id: uid + "-cat", class: "input" }, h("option", { value: "", text: AW.t("all", "All") }),
      category.options.map(function (o) { return h("option", { value: o, text: o }); }));
    select.addEventListener("change", function () { filter = select.value; render(); });
    toolbar.appendChild(h("div", { class: "field" }, h("label", { for: select.id, text: category.label }), select));
  }
  var sort = h("select", { id: uid + "-sort", class: "input" }, h("option", { value: "", text: AW.t("featured", "Featured") }),
    h("option", { value: "asc", text: AW.t("price_low", "Price: low to high") }), h("option", { value: "desc", text: AW.t("price_high", "Price: high to low") }));
  sort.addEventListener("change", function () { order = sort.value; render(); });
  toolbar.appendChild(h("div", { class: "field" }, h("label", { for: sort.id, text: AW.t("sort", "Sort by") }), sort));
  var cartLink = h("a", { class: "btn btn-outline", href: AW.pageOf("cart") || "#" });
  var list = h("ul", { class: "aw-cards", role: "list" });
  root.appendChild(h("div", { class: "aw-shop__head btn-row" }, h("h2", { text: config.heading || entity.plural }), cartLink));
  root.appendChild(toolbar);
  root.appendChild(list);

  function render() {
    cartLink.textContent = AW.t("cart", "Cart") + " (" + AW.cart.count() + ")";
    var rows = AW.db.list(config.entity).filter(function (r) {
      if (filter && r[category.key] !== filter) return false;
      if (!query) return true;
      return entity.fields.some(function (f) { return String(r[f.key] || "").toLowerCase().indexOf(query) >= 0; });
    });
    if (order) rows.sort(function (a, b) { return order === "asc" ? a[priceKey] - b[priceKey] : b[priceKey] - a[priceKey]; });
    list.innerHTML = "";
    if (!rows.length) list.appendChild(h("li", { class: "muted", text: AW.t("none_found", "Nothing found.") }));
    rows.forEach(function (r) {
      var name = AW.title(config.entity, r);
      list.appendChild(h("li", { class: "aw-card card aw-product" },
        h("h3", { class: "aw-card__title", text: name }),
        text && r[text.key] ? h("p", { class: "aw-card__text", text: r[text.key] }) : null,
        category && r[category.key] ? h("p", { class: "muted", text: r[category.key] }) : null,
        h("p", { class: "aw-price", text: AW.money(r[priceKey]) }),
        h("button", { type: "button", class: "btn btn-primary", "aria-label": AW.t("add_to_cart", "Add to cart") + ": " + name,
          onclick: function () { AW.cart.add(config.entity, r.id, 1); AW.toast(name + " — " + AW.t("added_to_cart", "added to your cart") + "."); render(); } },
          AW.t("add_to_cart", "Add to cart"))));
    });
  }
  AW.db.on(render);
  render();
});

AW.selftest("shop", async function (root, t, config) {
  var saved = AW.cart.items();
  AW.cart.clear();
  var button = root.querySelector(".aw-product button");
  t.ok(!!button, "products are listed with an Add to cart button");
  if (!button) return;
  button.click();
  button.click();
  await t.wait(20);
  t.ok(AW.cart.count() === 2, "Add to cart twice puts two in the cart");
  t.ok(t.text().indexOf("(2)") >= 0, "the cart count on the page follows");
  t.ok(/\d/.test(root.querySelector(".aw-price").textContent), "prices are shown");
  AW.db.kv("cart", saved);
});
