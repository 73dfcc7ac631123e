/* Accounts (simulated in this browser): register, sign in, profile, sign out. The first
   account is the admin. Config: {}. */
AW.feature("account", function (root, config) {
  "use strict";
  var h = AW.h;
  var uid = AW.uid("acct");
  function field(key, label, type) {
    var id = uid + "-" + key;
    return h("div", { class: "field" }, h("label", { for: id, text: label }), h("input", { id: id, name: key, type: type, class: "input", required: true, autocomplete: type === "password" ? (key === "new_password" ? "new-password" : "current-password") : type === "email" ? "email" : "name" }));
  }
  function render() {
    root.innerHTML = "";
    var user = AW.auth.user();
    if (user) {
      root.appendChild(h("div", { class: "card" },
        h("h2", { text: AW.t("welcome", "Welcome") + ", " + user.name }),
        h("p", { text: user.email + " · " + (user.role === "admin" ? AW.t("admin", "Administrator") : AW.t("member", "Member")) }),
        h("button", { type: "button", class: "btn btn-outline", onclick: function () { AW.auth.signOut(); AW.toast(AW.t("signed_out", "Signed out.")); render(); } }, AW.t("sign_out", "Sign out"))));
      return;
    }
    var error = h("p", { class: "field-error", role: "alert" });
    var signIn = h("form", { class: "aw-form card", novalidate: true, "aria-labelledby": uid + "-in" },
      h("h2", { id: uid + "-in", text: AW.t("sign_in", "Sign in") }), field("email", AW.t("email", "Email"), "email"), field("password", AW.t("password", "Password"), "password"),
      h("div", { class: "btn-row" }, h("button", { type: "submit", class: "btn btn-primary", text: AW.t("sign_in", "Sign in") })));
    var register = h("form", { class: "aw-form card", novalidate: true, "aria-labelledby": uid + "-up" },
      h("h2", { id: uid + "-up", text: AW.t("register", "Create an account") }), field("name", AW.t("name", "Name"), "text"), field("new_email", AW.t("email", "Email"), "email"), field("new_password", AW.t("password", "Password"), "password"),
      h("div", { class: "btn-row" }, h("button", { type: "submit", class: "btn btn-primary", text: AW.t("register_button", "Register") })));
    signIn.addEventListener("submit", function (event) {
      event.preventDefault();
      var result = AW.auth.signIn(signIn.elements.email.value.trim(), signIn.elements.password.value);
      if (result.error) { error.textContent = result.error; return; }
      AW.toast(AW.t("signed_in", "Signed in.")); render();
    });
    register.addEventListener("submit", function (event) {
      event.preventDefault();
      var name = register.elements.name.value.trim(), email = register.elements.new_email.value.trim(), password = register.elements.new_password.value;
      if (!name || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) { error.textContent = AW.t("need_name_email", "Enter your name and a valid email."); return; }
      if (password.length < 6) { error.textContent = AW.t("short_password", "Use a password of at least 6 characters."); return; }
      var result = AW.auth.register(name, email, password);
      if (result.error) { error.textContent = result.error; return; }
      AW.toast(AW.t("registered", "Account created. You are signed in.")); render();
    });
    root.appendChild(error);
    root.appendChild(h("div", { class: "aw-collection__grid" }, signIn, register));
  }
  render();
});

AW.selftest("account", async function (root, t) {
  var session = AW.db.kv("session");
  AW.auth.signOut();
  var email = "selftest-" + Math.random().toString(36).slice(2, 7) + "@example.com";
  var made = AW.auth.register("Selftest", email, "secret123");
  t.ok(!!made.user, "an account can be registered");
  t.ok(!!AW.auth.register("Again", email, "secret123").error, "an email can only register once");
  AW.auth.signOut();
  t.ok(!!AW.auth.signIn(email, "wrong-password").error, "a wrong password is refused");
  t.ok(!!AW.auth.signIn(email, "secret123").user, "the right password signs in");
  AW.db.remove("_users", made.user.id);
  AW.db.kv("session", session);
});
