/* AutoWebIQ: delivers what visitors send through a published site's forms to its owner.
   Added by the server to published pages only (not to the preview or the zip). Only forms
   marked data-aw-deliver take part; the site's own script validates and confirms as always,
   and a submission is sent when it found nothing wrong (no field marked aria-invalid).
   Password and file fields are never sent. A field hidden from people traps bots. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.fetch) return;
  var endpoint = script.getAttribute("data-submit");
  var TRAP = "aw_hp";
  var pending = new WeakMap();

  function addTrap(form) {
    if (form.querySelector('[name="' + TRAP + '"]')) return;
    var box = document.createElement("div");
    box.setAttribute("aria-hidden", "true");
    box.style.cssText = "position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden;";
    var input = document.createElement("input");
    input.type = "text";
    input.name = TRAP;
    input.tabIndex = -1;
    input.autocomplete = "off";
    box.appendChild(input);
    form.appendChild(box);
  }

  function fieldsOf(form) {
    var pairs = [];
    Array.prototype.forEach.call(form.elements, function (el) {
      var name = el.name || el.id;
      if (!name || el.disabled || !el.type) return;
      var type = String(el.type).toLowerCase();
      if (type === "password" || type === "file" || type === "submit" || type === "button" || type === "reset") return;
      if ((type === "checkbox" || type === "radio") && !el.checked) return;
      if (el.tagName === "SELECT" && el.multiple) {
        var chosen = Array.prototype.filter.call(el.options, function (o) { return o.selected; })
          .map(function (o) { return o.value; });
        pairs.push([name, chosen.join(", ")]);
        return;
      }
      pairs.push([name, type === "checkbox" && el.value === "on" ? "yes" : String(el.value)]);
    });
    return pairs;
  }

  function marked(form) {
    return form instanceof HTMLFormElement && form.hasAttribute("data-aw-deliver") ? form : null;
  }

  document.querySelectorAll("form[data-aw-deliver]").forEach(addTrap);
  new MutationObserver(function () {
    document.querySelectorAll("form[data-aw-deliver]").forEach(addTrap);
  }).observe(document.documentElement, { childList: true, subtree: true });

  /* Before the site's own handler (which may clear the form): what was typed. */
  document.addEventListener("submit", function (event) {
    var form = marked(event.target);
    if (form) pending.set(form, fieldsOf(form));
  }, true);

  /* After it: send, unless it found something wrong. */
  document.addEventListener("submit", function (event) {
    var form = marked(event.target);
    if (!form || !pending.has(form)) return;
    var fields = pending.get(form);
    pending.delete(form);
    if (form.querySelector('[aria-invalid="true"]')) return;
    var body = JSON.stringify({ form: form.getAttribute("data-aw-deliver") || "form", page: location.pathname, fields: fields });
    fetch(endpoint, { method: "POST", headers: { "Content-Type": "text/plain" }, body: body, keepalive: true })
      .then(function (response) {
        form.setAttribute("data-aw-delivered", response.ok ? "yes" : "no");
        if (!response.ok) return response.json().then(function (data) { console.warn("AutoWebIQ:", data.error && data.error.message); });
      })
      .catch(function () { form.setAttribute("data-aw-delivered", "no"); });
  });
})();
