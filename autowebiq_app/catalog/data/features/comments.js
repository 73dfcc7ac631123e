/* Comments on one record: a form (comment, and a name that is optional: "Guest" when left
   empty) and the list, kept in the store. Config: {entity, record, label, anonymous}. */
AW.feature("comments", function (root, config) {
  "use strict";
  var h = AW.h;
  var uid = AW.uid("com");
  var user = AW.auth.user();
  var list = h("ol", { class: "aw-comments", role: "list" });
  var name = h("input", { id: uid + "-name", name: "name", class: "input", autocomplete: "name" });
  if (user) name.value = user.name;
  var text = h("textarea", { id: uid + "-text", name: "comment", class: "input", rows: 3, required: true });
  var error = h("p", { class: "field-error", "aria-live": "polite" });
  /* "Answer", "Reply" or "Review" where the brief calls comments that. */
  var noun = config.label || AW.t("comment_noun", "Comment");
  var form = h("form", { class: "aw-form card", novalidate: true },
    h("div", { class: "field" }, h("label", { for: uid + "-text", text: noun }), text),
    config.anonymous ? null : h("div", { class: "field" }, h("label", { for: uid + "-name", text: AW.t("your_name_optional", "Your name (optional)") }), name),
    error,
    h("div", { class: "btn-row" }, h("button", { type: "submit", class: "btn btn-primary", text: config.label ? AW.t("post", "Post") + " " + noun.toLowerCase() : AW.t("post_comment", "Post comment") })));
  root.appendChild(h("h3", { text: config.label ? noun + "s" : AW.t("comments", "Comments") }));
  root.appendChild(list);
  root.appendChild(form);
  function render() {
    list.innerHTML = "";
    var rows = AW.commentsOn(config.entity, config.record);
    if (!rows.length) list.appendChild(h("li", { class: "muted", text: AW.t("no_comments", "No comments yet. Be the first.") }));
    rows.forEach(function (c) {
      list.appendChild(h("li", { class: "aw-comment card" }, h("p", null, h("strong", { text: c.name }), " · " + AW.date(c.date)), h("p", { text: c.text })));
    });
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!text.value.trim()) {
      error.textContent = AW.t("comment_needed", "Write a comment first.");
      text.focus();
      return;
    }
    error.textContent = "";
    var by = config.anonymous ? AW.t("anonymous", "Anonymous") : name.value.trim() || AW.t("guest", "Guest");
    AW.db.add("_comments", { entity: config.entity, record: config.record, name: by, text: text.value.trim(), date: AW.today() });
    text.value = "";
    AW.toast(AW.t("comment_posted", "Comment posted."));
    render();
  });
  render();
});

AW.selftest("comments", async function (root, t) {
  var form = root.querySelector("form");
  var before = AW.db.list("_comments").length;
  form.querySelector('button[type="submit"]').click();
  await t.wait(20);
  t.ok(AW.db.list("_comments").length === before, "an empty comment is refused");
  if (form.elements.name) t.fill(form.elements.name, "");
  t.fill(form.elements.comment, "A selftest comment");
  form.querySelector('button[type="submit"]').click();
  await t.wait(20);
  t.ok(t.text().indexOf("A selftest comment") >= 0, "a posted comment is listed, with no name needed");
  AW.db.list("_comments").forEach(function (c) { if (c.text === "A selftest comment") AW.db.remove("_comments", c.id); });
});
