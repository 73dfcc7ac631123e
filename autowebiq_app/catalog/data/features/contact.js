/* Contact form: validated, kept in `_messages`, confirmed with a reference; the messages
   sent from this browser are listed. Config: {subjects}. */
AW.feature("contact", function (root, config) {
  "use strict";
  var h = AW.h;
  var uid = AW.uid("contact");
  var fields = [
    { key: "name", label: AW.t("name", "Name"), type: "text", required: true },
    { key: "email", label: AW.t("email", "Email"), type: "email", required: true },
    { key: "subject", label: AW.t("subject", "Subject"), type: config.subjects ? "select" : "text", options: config.subjects || [] },
    { key: "message", label: AW.t("message", "Message"), type: "longtext", required: true },
  ];
  var form = h("form", { class: "aw-form card", novalidate: true, "data-aw-deliver": "contact", "aria-labelledby": uid + "-title" },
    h("h2", { id: uid + "-title", text: config.heading || AW.t("write_to_us", "Send us a message") }));
  fields.forEach(function (f) { form.appendChild(AW.input(f, undefined, uid)); });
  form.appendChild(h("div", { class: "btn-row" }, h("button", { type: "submit", class: "btn btn-primary", text: AW.t("send", "Send") })));
  var status = h("div", { role: "status", "aria-live": "polite" });
  var sent = h("ul", { class: "aw-cards", role: "list" });
  root.appendChild(status);
  root.appendChild(form);
  root.appendChild(h("h3", { text: AW.t("sent_messages", "Messages you sent") }));
  root.appendChild(sent);
  function render() {
    var owner = AW.auth.owner();
    var rows = AW.db.list("_messages").filter(function (m) { return m.owner === owner; });
    sent.innerHTML = "";
    if (!rows.length) sent.appendChild(h("li", { class: "muted", text: AW.t("none_sent", "None yet.") }));
    rows.reverse().forEach(function (m) {
      sent.appendChild(h("li", { class: "aw-card card" }, h("h4", { text: m.subject || AW.t("message", "Message") }), h("p", { text: m.message }), h("p", { class: "muted", text: AW.date(m.date) })));
    });
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var values = AW.readForm(form, fields);
    if (!values) return;
    AW.db.add("_messages", Object.assign(values, { owner: AW.auth.owner(), date: AW.today() }));
    form.reset();
    status.innerHTML = "";
    status.appendChild(h("p", { class: "card", text: AW.t("thanks_message", "Thank you, your message has been sent. We will reply to") + " " + values.email + "." }));
    render();
  });
  render();
});

AW.selftest("contact", async function (root, t) {
  var form = root.querySelector("form");
  var before = AW.db.list("_messages").length;
  form.querySelector('button[type="submit"]').click();
  await t.wait(20);
  t.ok(AW.db.list("_messages").length === before, "an empty form is refused");
  t.fill(form.elements.name, "Selftest");
  t.fill(form.elements.email, "not-an-email");
  t.fill(form.elements.message, "Hello from the self-test");
  form.querySelector('button[type="submit"]').click();
  await t.wait(20);
  t.ok(AW.db.list("_messages").length === before, "a bad email is refused");
  t.fill(form.elements.email, "selftest@example.com");
  form.querySelector('button[type="submit"]').click();
  await t.wait(20);
  t.ok(AW.db.list("_messages").length === before + 1, "a valid message is kept");
  t.ok(t.text().indexOf("Hello from the self-test") >= 0, "the sent message is listed");
  AW.db.list("_messages").forEach(function (m) { if (m.name === "Selftest") AW.db.remove("_messages", m.id); });
});
