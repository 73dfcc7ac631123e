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
  var filters = {};
  (config.filters || []).forEach(function (key) {
    var f = entity.fields.filter(function (x) { return x.key === key; })[0];
    if (!f || (category && f.key === category.key)) return;
    var values = {};
    AW.db.list(config.entity).forEach(function (r) { if (r[key] !== undefined && r[key] !== "") values[r[key]] = 1; });
    var choice = h("select", { id: uid + "-f-" + key, class: "input" }, h("option", { value: "", text: AW.t("all", "All") }),
      Object.keys(values).sort(function (a, b) { return a.localeCompare(b, undefined, { numeric: true }); }).map(function (v) { return h("option", { value: v, text: v }); }));
    choice.addEventListener("change", function () { filters[key] = choice.value; render(); });
    toolbar.appendChild(h("div", { class: "field" }, h("label", { for: choice.id, text: f.label }), choice));
  });
  var cartLink = h("a", { class: "btn btn-outline", href: AW.pageOf("cart") || "#" });
  var wishLink = config.wishlist ? h("a", { class: "btn btn-outline", href: "#/wishlist" }) : null;
  var list = h("ul", { class: "aw-cards", role: "list" });
  var detail = h("div", { class: "aw-shop__detail", hidden: true });
  var listing = h("div", null, toolbar, list);
  root.appendChild(h("div", { class: "aw-shop__head btn-row" }, h("h2", { text: config.heading || entity.plural }), cartLink, wishLink));
  root.appendChild(listing);
  root.appendChild(detail);
  function wished() { return AW.db.kv("wishlist") || []; }
  function toggleWish(r) {
    var ids = wished();
    var on = ids.indexOf(r.id) >= 0;
    AW.db.kv("wishlist", on ? ids.filter(function (i) { return i !== r.id; }) : ids.concat([r.id]));
    AW.toast(AW.title(config.entity, r) + (on ? " — " + AW.t("removed_wishlist", "removed from your wishlist") : " — " + AW.t("added_wishlist", "added to your wishlist")) + ".");
  }
  function buttons(r, name) {
    var on = wished().indexOf(r.id) >= 0;
    return h("div", { class: "btn-row" },
      h("button", { type: "button", class: "btn btn-primary", "aria-label": AW.t("add_to_cart", "Add to cart") + ": " + name,
        onclick: function () { AW.cart.add(config.entity, r.id, 1); AW.toast(name + " — " + AW.t("added_to_cart", "added to your cart") + "."); render(); } },
        AW.t("add_to_cart", "Add to cart")),
      config.wishlist ? h("button", { type: "button", class: "btn btn-outline", "aria-pressed": on ? "true" : "false", "aria-label": (on ? AW.t("remove_from_wishlist", "Remove from wishlist") : AW.t("add_to_wishlist", "Add to wishlist")) + ": " + name,
        onclick: function () { toggleWish(r); render(); } }, (on ? "♥ " : "♡ ") + AW.t("wishlist", "Wishlist")) : null);
  }
  function showDetail(r) {
    listing.hidden = true;
    detail.hidden = false;
    detail.innerHTML = "";
    var name = AW.title(config.entity, r);
    var dl = h("dl", { class: "aw-detail card" });
    entity.fields.forEach(function (f) {
      if (f.key === entity.title || f.type === "image") return;
      var v = AW.display(f, r[f.key]);
      if (v !== "") dl.appendChild(h("div", null, h("dt", { text: f.label }), h("dd", { text: v })));
    });
    detail.appendChild(h("p", null, h("a", { href: "#", text: "← " + AW.t("back_to_shop", "Back to all") + " " + entity.plural.toLowerCase() })));
    detail.appendChild(h("h3", { text: name }));
    detail.appendChild(h("p", { class: "aw-price aw-total", text: AW.money(r[priceKey]) }));
    detail.appendChild(dl);
    detail.appendChild(buttons(r, name));
  }
  function showWishlist() {
    listing.hidden = true;
    detail.hidden = false;
    detail.innerHTML = "";
    detail.appendChild(h("p", null, h("a", { href: "#", text: "← " + AW.t("back_to_shop", "Back to all") + " " + entity.plural.toLowerCase() })));
    detail.appendChild(h("h3", { text: AW.t("your_wishlist", "Your wishlist") }));
    var items = wished().map(function (id) { return AW.db.get(config.entity, id); }).filter(Boolean);
    var ul = h("ul", { class: "aw-cards", role: "list" });
    if (!items.length) ul.appendChild(h("li", { class: "muted", text: AW.t("wishlist_empty", "Nothing saved yet.") }));
    items.forEach(function (r) { var name = AW.title(config.entity, r); ul.appendChild(h("li", { class: "aw-card card" }, h("h4", { text: name }), h("p", { text: AW.money(r[priceKey]) }), buttons(r, name))); });
    detail.appendChild(ul);
  }

  function render() {
    cartLink.textContent = AW.t("cart", "Cart") + " (" + AW.cart.count() + ")";
    if (wishLink) wishLink.textContent = "♥ " + AW.t("wishlist", "Wishlist") + " (" + wished().length + ")";
    var route = AW.route();
    if (route.name === "wishlist" && config.wishlist) { showWishlist(); return; }
    if (route.name === config.entity && route.id && AW.db.get(config.entity, route.id)) { showDetail(AW.db.get(config.entity, route.id)); return; }
    listing.hidden = false;
    detail.hidden = true;
    var rows = AW.db.list(config.entity).filter(function (r) {
      if (filter && r[category.key] !== filter) return false;
      if (Object.keys(filters).some(function (k) { return filters[k] && String(r[k]) !== filters[k]; })) return false;
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
        h("a", { class: "btn btn-outline btn-small", href: AW.link(config.entity, r.id), "aria-label": AW.t("view_details", "View details") + ": " + name, text: AW.t("view_details", "View details") }),
        buttons(r, name)));
    });
  }
  AW.db.on(render);
  window.addEventListener("hashchange", render);
  render();
});

AW.selftest("shop", async function (root, t, config) {
  var saved = AW.cart.items();
  AW.cart.clear();
  var button = root.querySelector(".aw-product .btn-primary");
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
