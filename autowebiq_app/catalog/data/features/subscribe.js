/* Mailing-list sign-up: a valid email, kept once in `_subscribers`, thanked; the address
   signed up from this browser is shown with "Unsubscribe". Config: {heading, text}. */
AW.feature("subscribe", function (root, config) {
  "use strict";
  var h = AW.h;
  var uid = AW.uid("sub");
  var fields = [
    { key: "email", label: AW.t("email", "Email"), type: "email", required: true },
    { key: "name", label: AW.t("your_name_optional", "Your name (optional)"), type: "text" },
  ];
  var status = h("div", { role: "status", "aria-live": "polite" });
  var form = h("form", { class: "aw-form card aw-subscribe", novalidate: true, "data-aw-deliver": "subscribe", "aria-labelledby": uid + "-title" },
    h("h2", { id: uid + "-title", text: config.heading || AW.t("join_list", "Join the mailing list") }),
    config.text ? h("p", { class: "muted", text: config.text }) : null);
  fields.forEach(function (f) { form.appendChild(AW.input(f, undefined, uid)); });
  form.appendChild(h("div", { class: "btn-row" }, h("button", { type: "submit", class: "btn btn-primary", text: AW.t("subscribe", "Subscribe") })));
  root.appendChild(form);
  root.appendChild(status);
  function mine() { return AW.db.list("_subscribers").filter(function (s) { return s.owner === AW.auth.owner(); })[0]; }
  function render() {
    status.innerHTML = "";
    var me = mine();
    if (!me) return;
    status.appendChild(h("p", { class: "card" }, AW.t("subscribed_as", "Subscribed as") + " " + me.email + ". ",
      h("button", { type: "button", class: "btn btn-outline btn-small", onclick: function () {
        AW.db.remove("_subscribers", me.id);
        AW.toast(AW.t("unsubscribed", "You have been unsubscribed."));
        render();
      } }, AW.t("unsubscribe", "Unsubscribe"))));
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var values = AW.readForm(form, fields);
    if (!values) return;
    var email = String(values.email).toLowerCase();
    var known = AW.db.list("_subscribers").some(function (s) { return s.email === email; });
    form.reset();
    render();
    if (known) {
      status.insertBefore(h("p", { class: "card", text: AW.t("already_subscribed", "That address is already on the list.") }), status.firstChild);
      return;
    }
    AW.db.add("_subscribers", { email: email, name: values.name || "", owner: AW.auth.owner(), date: AW.today() });
    render();
    status.insertBefore(h("p", { class: "card", text: AW.t("thanks_subscribed", "Thanks for subscribing! We will write to") + " " + email + "." }), status.firstChild);
  });
  render();
});

AW.selftest("subscribe", async function (root, t) {
  var form = root.querySelector("form");
  var before = AW.db.list("_subscribers").length;
  t.fill(form.elements.email, "not-an-email");
  form.querySelector('button[type="submit"]').click();
  await t.wait(20);
  t.ok(AW.db.list("_subscribers").length === before, "a bad email is refused");
  t.fill(form.elements.email, "Selftest@Example.com");
  form.querySelector('button[type="submit"]').click();
  await t.wait(20);
  t.ok(AW.db.list("_subscribers").length === before + 1 && t.text().indexOf("selftest@example.com") >= 0, "a valid email is kept and thanked");
  t.fill(form.elements.email, "selftest@example.com");
  form.querySelector('button[type="submit"]').click();
  await t.wait(20);
  t.ok(AW.db.list("_subscribers").length === before + 1, "the same address is kept once");
  AW.db.list("_subscribers").forEach(function (s) { if (s.email === "selftest@example.com") AW.db.remove("_subscribers", s.id); });
});
