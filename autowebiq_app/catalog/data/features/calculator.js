/* Calculator: number inputs and results worked out from formulas, updated as you type
   and on Calculate. Formulas are arithmetic over the input keys: + - * / ^ ( ), numbers,
   and min, max, round(x[, digits]), floor, ceil, sqrt, abs, pow — read by a small parser
   here, never by eval. Config: {title, intro, inputs: [{key, label, default, step, min, max}],
   outputs: [{label, formula, decimals: 2, prefix, suffix, money}]}. */
(function () {
  "use strict";
  var h = AW.h;
  var DEFAULTS = {
    title: "Tip calculator",
    inputs: [
      { key: "bill", label: "Bill amount", default: 50, step: 0.01, min: 0 },
      { key: "tip", label: "Tip %", default: 15, step: 1, min: 0 },
      { key: "people", label: "People", default: 2, step: 1, min: 1 },
    ],
    outputs: [
      { label: "Tip", formula: "bill * tip / 100", decimals: 2, money: true },
      { label: "Total", formula: "bill + bill * tip / 100", decimals: 2, money: true },
      { label: "Per person", formula: "(bill + bill * tip / 100) / people", decimals: 2, money: true },
    ],
  };

  /* ---------- the expression language ---------- */
  function roundTo(x, digits) {
    var d = Math.max(0, Math.min(10, Math.round(digits || 0)));
    var f = Math.pow(10, d);
    return Math.round((x + (x >= 0 ? 1 : -1) * Number.EPSILON * Math.abs(x)) * f) / f;
  }
  var FUNCS = {
    min: { min: 1, max: 99, fn: function (a) { return Math.min.apply(Math, a); } },
    max: { min: 1, max: 99, fn: function (a) { return Math.max.apply(Math, a); } },
    round: { min: 1, max: 2, fn: function (a) { return roundTo(a[0], a[1]); } },
    floor: { min: 1, max: 1, fn: function (a) { return Math.floor(a[0]); } },
    ceil: { min: 1, max: 1, fn: function (a) { return Math.ceil(a[0]); } },
    sqrt: { min: 1, max: 1, fn: function (a) { return Math.sqrt(a[0]); } },
    abs: { min: 1, max: 1, fn: function (a) { return Math.abs(a[0]); } },
    pow: { min: 2, max: 2, fn: function (a) { return Math.pow(a[0], a[1]); } },
  };
  function has(obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); }
  function tokenize(text) {
    var tokens = [];
    var i = 0;
    var src = String(text);
    while (i < src.length) {
      var ch = src.charAt(i);
      if (/\s/.test(ch)) { i += 1; continue; }
      var num = /^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?/i.exec(src.slice(i));
      if (num) { tokens.push({ t: "num", v: Number(num[0]) }); i += num[0].length; continue; }
      var name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
      if (name) { tokens.push({ t: "name", v: name[0] }); i += name[0].length; continue; }
      if ("+-*/^(),".indexOf(ch) >= 0) { tokens.push({ t: ch }); i += 1; continue; }
      throw new Error("unexpected “" + ch + "”");
    }
    return tokens;
  }
  /* compile: text -> tree; throws on anything outside the language */
  function compile(text, known) {
    var tokens = tokenize(text);
    var pos = 0;
    function peek() { return tokens[pos] || { t: "end" }; }
    function take(type) {
      var tok = peek();
      if (tok.t !== type) throw new Error(type === "end" ? "unexpected “" + (tok.v !== undefined ? tok.v : tok.t) + "”" : "expected “" + type + "”");
      pos += 1;
      return tok;
    }
    function expr() {
      var node = term();
      while (peek().t === "+" || peek().t === "-") { var op = take(peek().t).t; node = { op: op, a: node, b: term() }; }
      return node;
    }
    function term() {
      var node = unary();
      while (peek().t === "*" || peek().t === "/") { var op = take(peek().t).t; node = { op: op, a: node, b: unary() }; }
      return node;
    }
    function unary() {
      if (peek().t === "-") { take("-"); return { op: "neg", a: unary() }; }
      if (peek().t === "+") { take("+"); return unary(); }
      return power();
    }
    function power() {
      var base = primary();
      if (peek().t === "^") { take("^"); return { op: "^", a: base, b: unary() }; }
      return base;
    }
    function primary() {
      var tok = peek();
      if (tok.t === "num") { pos += 1; return { op: "num", v: tok.v }; }
      if (tok.t === "(") { take("("); var inner = expr(); take(")"); return inner; }
      if (tok.t === "name") {
        pos += 1;
        if (peek().t === "(") {
          if (!has(FUNCS, tok.v)) throw new Error("unknown function “" + tok.v + "”");
          take("(");
          var args = [];
          if (peek().t !== ")") {
            args.push(expr());
            while (peek().t === ",") { take(","); args.push(expr()); }
          }
          take(")");
          var spec = FUNCS[tok.v];
          if (args.length < spec.min || args.length > spec.max) throw new Error(tok.v + "() takes " + (spec.min === spec.max ? spec.min : spec.min + "–" + spec.max) + " values");
          return { op: "call", fn: tok.v, args: args };
        }
        if (known && known.indexOf(tok.v) < 0) throw new Error("unknown name “" + tok.v + "”");
        return { op: "var", v: tok.v };
      }
      throw new Error(tok.t === "end" ? "the formula ends too soon" : "unexpected “" + (tok.v !== undefined ? tok.v : tok.t) + "”");
    }
    var tree = expr();
    take("end");
    return tree;
  }
  function evaluate(node, vars) {
    switch (node.op) {
      case "num": return node.v;
      case "var": if (!has(vars, node.v)) throw new Error("unknown name “" + node.v + "”"); return Number(vars[node.v]);
      case "neg": return -evaluate(node.a, vars);
      case "+": return evaluate(node.a, vars) + evaluate(node.b, vars);
      case "-": return evaluate(node.a, vars) - evaluate(node.b, vars);
      case "*": return evaluate(node.a, vars) * evaluate(node.b, vars);
      case "/": return evaluate(node.a, vars) / evaluate(node.b, vars);
      case "^": return Math.pow(evaluate(node.a, vars), evaluate(node.b, vars));
      case "call": return FUNCS[node.fn].fn(node.args.map(function (a) { return evaluate(a, vars); }));
      default: throw new Error("bad formula");
    }
  }
  function calc(text, vars) { return evaluate(compile(text, Object.keys(vars)), vars); }

  var say = AW.t;
  function settings(config) {
    var inputs = (Array.isArray(config.inputs) ? config.inputs : []).filter(function (i) { return i && /^[A-Za-z_][A-Za-z0-9_]*$/.test(String(i.key || "")); });
    var outputs = (Array.isArray(config.outputs) ? config.outputs : []).filter(function (o) { return o && o.formula; });
    if (!inputs.length || !outputs.length) return { title: config.title || DEFAULTS.title, intro: config.intro, inputs: DEFAULTS.inputs, outputs: DEFAULTS.outputs };
    return { title: config.title || "", intro: config.intro, inputs: inputs, outputs: outputs };
  }
  function format(out, value) {
    var decimals = out.decimals === undefined || out.decimals === null || out.decimals === "" ? 2 : Math.max(0, Math.min(10, Math.round(Number(out.decimals) || 0)));
    var text;
    if (out.money) {
      try {
        text = new Intl.NumberFormat(AW.spec.locale || AW.spec.lang || "en", { style: "currency", currency: AW.spec.currency || "USD", minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
      } catch (e) { text = AW.money(value); }
    } else {
      text = new Intl.NumberFormat(AW.spec.locale || AW.spec.lang || "en", { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(roundTo(value, decimals));
    }
    text = (out.prefix || "") + text + (out.suffix || "");
    /* Bands name the range a result falls in ("Normal" for a BMI of 22.9). */
    var band = (Array.isArray(out.bands) ? out.bands : []).filter(function (b) {
      return b && b.label && (b.below === undefined || b.below === null || value < Number(b.below));
    })[0];
    return band ? text + " (" + band.label + ")" : text;
  }

  AW.feature("calculator", function (root, config) {
    var s = settings(config);
    var uid = AW.uid("calc");
    var keys = s.inputs.map(function (i) { return String(i.key); });
    var formulas = s.outputs.map(function (o) {
      try { return { tree: compile(o.formula, keys) }; } catch (e) { return { error: e.message }; }
    });

    var form = h("form", { class: "aw-calculator__form card", novalidate: true, "aria-labelledby": s.title ? uid + "-title" : null, "aria-label": s.title ? null : say("calculator", "Calculator") });
    var controls = s.inputs.map(function (input) {
      var id = uid + "-" + input.key;
      var attrs = { id: id, name: input.key, type: "number", class: "input", inputmode: "decimal", step: input.step !== undefined ? String(input.step) : "any", "aria-describedby": id + "-error" };
      if (input.min !== undefined && input.min !== null && input.min !== "") attrs.min = String(input.min);
      if (input.max !== undefined && input.max !== null && input.max !== "") attrs.max = String(input.max);
      var control = h("input", attrs);
      control.value = input.default !== undefined && input.default !== null ? String(input.default) : "";
      var error = h("p", { class: "field-error", id: id + "-error", "aria-live": "polite" });
      form.appendChild(h("div", { class: "field aw-calculator__field" }, h("label", { for: id, text: String(input.label || input.key) }), control, error));
      return { spec: input, control: control, error: error };
    });
    form.appendChild(h("div", { class: "btn-row aw-calculator__actions" },
      h("button", { type: "submit", class: "btn btn-primary" }, say("calculate", "Calculate"))));
    var results = h("div", { class: "aw-calculator__results card", role: "status", "aria-live": "polite", "aria-atomic": "true" });
    root.appendChild(h("div", { class: "aw-calculator" },
      s.title ? h("h2", { class: "aw-calculator__title", id: uid + "-title", text: s.title }) : null,
      s.intro ? h("p", { class: "aw-calculator__intro", text: String(s.intro) }) : null,
      h("div", { class: "aw-calculator__layout" }, form,
        h("section", { class: "aw-calculator__side", "aria-labelledby": uid + "-results" },
          h("h3", { id: uid + "-results", class: "aw-calculator__heading", text: say("results", "Results") }), results))));

    function read(focusBad) {
      var vars = {};
      var bad = null;
      controls.forEach(function (c) {
        var label = String(c.spec.label || c.spec.key);
        var raw = String(c.control.value).trim();
        var n = Number(raw);
        var message = "";
        if (raw === "" || c.control.validity && c.control.validity.badInput) message = say("calculator.need", "Enter a number for {label}.", { label: label });
        else if (!isFinite(n)) message = say("calculator.need", "Enter a number for {label}.", { label: label });
        else if (c.control.min !== "" && n < Number(c.control.min)) message = say("calculator.min", "{label} must be at least {min}.", { label: label, min: c.control.min });
        else if (c.control.max !== "" && n > Number(c.control.max)) message = say("calculator.max", "{label} must be at most {max}.", { label: label, max: c.control.max });
        c.error.textContent = message;
        c.control.setAttribute("aria-invalid", message ? "true" : "false");
        if (message && !bad) bad = c;
        vars[c.spec.key] = n;
      });
      if (bad && focusBad) bad.control.focus();
      return bad ? null : vars;
    }
    function compute(focusBad) {
      var vars = read(focusBad);
      results.textContent = "";
      if (!vars) {
        results.appendChild(h("p", { class: "aw-calculator__problem", text: say("calculator.fix", "Check the highlighted numbers to see the results.") }));
        return;
      }
      s.outputs.forEach(function (out, i) {
        var label = String(out.label || "");
        var f = formulas[i];
        var text;
        var problem = false;
        if (f.error) { text = say("calculator.bad_formula", "this formula is not valid ({error}).", { error: f.error }); problem = true; }
        else {
          var value;
          try { value = evaluate(f.tree, vars); } catch (e) { value = NaN; }
          if (isFinite(value)) text = format(out, value);
          else { text = say("calculator.undefined", "can't be worked out with these numbers (check for a zero divisor)."); problem = true; }
        }
        results.appendChild(h("p", { class: "aw-calculator__result" + (problem ? " is-problem" : "") },
          h("span", { class: "aw-calculator__label", text: label + ": " }), h("strong", { class: "aw-calculator__value", text: text })));
      });
    }
    form.addEventListener("input", function () { compute(false); });
    form.addEventListener("submit", function (event) { event.preventDefault(); compute(true); });
    compute(false);
  });

  AW.selftest("calculator", async function (root, t, config) {
    /* the expression reader on its own */
    var cases = [["2+3*4^2", 50], ["-2^2", -4], ["(1+2)*3", 9], ["2^3^2", 512], ["min(3, max(1, 2))", 2], ["round(2.345, 2)", 2.35],
      ["round(2.5)", 3], ["sqrt(16) + abs(-2) + pow(2, 3)", 14], ["10 / 4", 2.5], ["1e3 + .5", 1000.5], ["a * b - -a", 8]];
    cases.forEach(function (c) {
      var got;
      try { got = calc(c[0], { a: 2, b: 3 }); } catch (e) { got = e.message; }
      t.ok(Math.abs(got - c[1]) < 1e-9, "“" + c[0] + "” = " + c[1] + " (got " + got + ")");
    });
    ["alert(1)", "a = 1", "constructor", "__proto__", "toString()", "1 +", "2 ** 3", "a; b", "max()", "'x'", "window.x", "a[0]"].forEach(function (bad) {
      var threw = false;
      try { calc(bad, { a: 2, b: 3 }); } catch (e) { threw = true; }
      t.ok(threw, "“" + bad + "” is refused");
    });

    var s = settings(config);
    s.outputs.forEach(function (out) {
      var problem = "";
      try { compile(out.formula, s.inputs.map(function (i) { return String(i.key); })); } catch (e) { problem = e.message; }
      t.ok(!problem, "the formula for “" + out.label + "” is valid" + (problem ? ": " + problem : ""));
    });
    var form = root.querySelector("form");
    var results = root.querySelector('[role="status"]');
    var inputs = root.querySelectorAll('input[type="number"]');
    t.ok(inputs.length === s.inputs.length, "one number field per input");
    t.ok(Array.prototype.every.call(inputs, function (el, i) { return el.labels[0] && el.labels[0].textContent === String(s.inputs[i].label || s.inputs[i].key); }), "each field is labelled");
    function line(label) {
      return Array.prototype.map.call(results.querySelectorAll(".aw-calculator__result"), function (p) { return p.textContent; })
        .filter(function (text) { return text.indexOf(label + ": ") === 0; })[0] || "";
    }
    function expect(label, value) {
      var out = s.outputs.filter(function (o) { return String(o.label || "") === label; })[0];
      return label + ": " + format(out, value);
    }
    var isDefault = JSON.stringify(s.inputs.map(function (i) { return i.key; })) === JSON.stringify(DEFAULTS.inputs.map(function (i) { return i.key; })) &&
      JSON.stringify(s.outputs.map(function (o) { return [o.label, o.formula]; })) === JSON.stringify(DEFAULTS.outputs.map(function (o) { return [o.label, o.formula]; }));
    if (isDefault) {
      t.fill(inputs[0], "100");
      t.fill(inputs[1], "20");
      t.fill(inputs[2], "4");
      await t.wait(10);
      t.ok(line("Tip") === expect("Tip", 20), "Tip on 100 at 20% is 20 (" + line("Tip") + ")");
      t.ok(line("Total") === expect("Total", 120), "Total is 120 (" + line("Total") + ")");
      t.ok(line("Per person") === expect("Per person", 30), "Per person for 4 is 30 (" + line("Per person") + ")");
      t.fill(inputs[2], "3");
      form.querySelector('button[type="submit"]').click();
      await t.wait(10);
      t.ok(line("Per person") === expect("Per person", 40), "Calculate shows 40 per person for 3 (" + line("Per person") + ")");
      t.ok(/Per person: \$?40\.00/.test(line("Per person")) || AW.spec.lang !== "en", "the value reads like “Per person: $40.00”");
    }
    /* any config: fill each input and compare with the formulas */
    var vars = {};
    s.inputs.forEach(function (input, i) {
      var v = input.min !== undefined && input.min !== null && input.min !== "" ? Number(input.min) + 2 : 3;
      if (input.max !== undefined && input.max !== null && input.max !== "" && v > Number(input.max)) v = Number(input.max);
      vars[input.key] = v;
      t.fill(inputs[i], String(v));
    });
    form.querySelector('button[type="submit"]').click();
    await t.wait(10);
    s.outputs.forEach(function (out) {
      var expected;
      try { expected = calc(out.formula, vars); } catch (e) { expected = NaN; }
      var label = String(out.label || "");
      var shown = line(label);
      t.ok(shown !== "", "the result “" + label + "” is shown as “label: value”");
      if (isFinite(expected)) t.ok(shown === expect(label, expected), label + " shows " + expect(label, expected) + " (got " + shown + ")");
    });
    /* a bad entry gets a clear message */
    t.fill(inputs[0], "");
    await t.wait(10);
    var error = root.querySelector(".field-error").textContent;
    t.ok(error !== "" && inputs[0].getAttribute("aria-invalid") === "true", "an empty field says what is wrong (" + error + ")");
    t.ok(results.querySelector(".aw-calculator__result") === null && results.textContent !== "", "results are replaced by a message while a field is wrong");
    s.inputs.forEach(function (input, i) { t.fill(inputs[i], input.default !== undefined && input.default !== null ? String(input.default) : ""); });
  });
})();
