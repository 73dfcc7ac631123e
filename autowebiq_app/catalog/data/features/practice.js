/* Practice: an arithmetic drill (times tables by default). Pick a table (or All), press Start,
   and answer "7 × 8 = ?" in the Answer box; Check says right or wrong (with the answer) and
   asks the next one. Score and Streak are on show from the start; the best streak is kept in
   the store. Config: {op: "×" | "+" | "−" | "÷", from, to, title}: the tables offered run
   from..to and so does the other number of each question. */
(function () {
  "use strict";
  var h = AW.h;
  var OPS = { "×": "×", x: "×", "*": "×", "+": "+", "−": "−", "-": "−", "÷": "÷", "/": "÷" };

  var say = AW.t;
  function settings(config) {
    var low = Math.max(0, Math.round(Number(config.from)) || 1);
    var high = Math.round(Number(config.to)) || 12;
    if (high < low) high = low;
    return { op: OPS[String(config.op || "×").trim()] || "×", from: low, to: Math.min(high, low + 29), title: config.title ? String(config.title) : "" };
  }
  function bestKey(s) { return "practice:best:" + s.op + ":" + s.from + "-" + s.to; }
  function randomIn(low, high) { return low + Math.floor(Math.random() * (high - low + 1)); }
  /* A question on table n with the other number k: the answer is always a whole number >= 0. */
  function question(op, n, k) {
    if (op === "+") return { text: n + " + " + k, answer: n + k };
    if (op === "−") return { text: (n + k) + " − " + n, answer: k };
    if (op === "÷") return n === 0 ? { text: "0 × " + k, answer: 0 } : { text: (n * k) + " ÷ " + n, answer: k };
    return { text: n + " × " + k, answer: n * k };
  }
  /* "7 × 8 = ?" -> the answer, so the self-test checks the sums it is shown. */
  function solve(text) {
    var m = /^(\d+) ([×+−÷]) (\d+) = \?$/.exec(text);
    if (!m) return null;
    var a = Number(m[1]), b = Number(m[3]);
    return m[2] === "×" ? a * b : m[2] === "+" ? a + b : m[2] === "−" ? a - b : b ? a / b : null;
  }
  var words = {
    score: function (n) { return say("score", "Score") + ": " + n; },
    streak: function (n) { return say("practice.streak", "Streak") + ": " + n; },
    best: function (n) { return say("practice.best", "Best streak") + ": " + n; },
    correct: function () { return say("practice.correct", "Correct!"); },
    wrong: function (sum, answer) { return say("practice.wrong", "Not quite: {sum} = {answer}", { sum: sum, answer: answer }); },
  };

  AW.feature("practice", function (root, config) {
    var s = settings(config);
    var uid = AW.uid("practice");
    var table = null;
    var current = null;
    var tally = { score: 0, asked: 0, streak: 0 };

    var scoreOut = h("span", { class: "aw-practice__stat" });
    var streakOut = h("span", { class: "aw-practice__stat" });
    var bestOut = h("span", { class: "aw-practice__stat" });
    var tables = h("div", { class: "aw-practice__tables", role: "group", "aria-labelledby": uid + "-table" });
    var pickButtons = [];
    function tableButton(value, label) {
      var button = h("button", { type: "button", class: "btn btn-outline btn-small", "aria-pressed": "false", onclick: function () { choose(value); } }, label);
      pickButtons.push({ value: value, button: button });
      tables.appendChild(button);
    }
    for (var n = s.from; n <= s.to; n += 1) tableButton(n, String(n));
    tableButton(null, say("practice.all", "All"));

    var startButton = h("button", { type: "button", class: "btn btn-primary", onclick: function () { start(); } }, say("practice.start", "Start"));
    var prompt = h("p", { class: "aw-practice__question", id: uid + "-question", "aria-live": "polite" }, say("practice.pick", "Pick a table, then press Start."));
    var answer = h("input", { id: uid + "-answer", class: "input aw-practice__answer", type: "number", inputmode: "numeric", name: "answer", autocomplete: "off", step: "1", disabled: true, "aria-describedby": uid + "-question " + uid + "-feedback" });
    var check = h("button", { type: "submit", class: "btn btn-primary", disabled: true }, say("practice.check", "Check"));
    var feedback = h("p", { class: "aw-practice__feedback", id: uid + "-feedback", role: "status", "aria-live": "polite" });
    var form = h("form", { class: "aw-practice__form", novalidate: true },
      h("div", { class: "field" }, h("label", { for: answer.id, text: say("practice.answer", "Answer") }), answer), check);

    root.appendChild(h("div", { class: "aw-practice" },
      s.title ? h("h2", { class: "aw-practice__title", text: s.title }) : null,
      h("p", { class: "aw-practice__stats", "aria-live": "polite" }, scoreOut, streakOut, bestOut),
      h("div", { class: "aw-practice__setup card" },
        h("p", { class: "aw-practice__label", id: uid + "-table", text: say("practice.table", "Table") + " (" + s.from + "–" + s.to + ")" }),
        tables, h("div", { class: "btn-row" }, startButton)),
      h("div", { class: "aw-practice__play card" }, prompt, form, feedback)));

    function best() { return Number(AW.db.kv(bestKey(s))) || 0; }
    function showStats() {
      scoreOut.textContent = words.score(tally.score) + (tally.asked ? " / " + tally.asked : "");
      streakOut.textContent = words.streak(tally.streak);
      bestOut.textContent = words.best(best());
    }
    function choose(value) {
      table = value;
      pickButtons.forEach(function (p) { p.button.setAttribute("aria-pressed", p.value === value ? "true" : "false"); p.button.className = "btn btn-small " + (p.value === value ? "btn-primary" : "btn-outline"); });
    }
    function start() {
      tally = { score: 0, asked: 0, streak: 0 };
      feedback.textContent = "";
      answer.disabled = false;
      check.disabled = false;
      showStats();
      next();
      answer.focus();
    }
    function next() {
      var previous = current;
      for (var tries = 0; tries < 5; tries += 1) {
        var n = table === null ? randomIn(s.from, s.to) : table;
        current = question(s.op, n, randomIn(s.from, s.to));
        if (!previous || current.text !== previous.text) break;
      }
      prompt.textContent = current.text + " = ?";
      answer.value = "";
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!current) { start(); return; }
      var typed = String(answer.value).trim();
      if (typed === "" || isNaN(Number(typed))) {
        feedback.textContent = say("practice.empty", "Type your answer as a number first.");
        answer.focus();
        return;
      }
      tally.asked += 1;
      if (Number(typed) === current.answer) {
        tally.score += 1;
        tally.streak += 1;
        feedback.textContent = words.correct();
        feedback.className = "aw-practice__feedback is-right";
        if (tally.streak > best()) AW.db.kv(bestKey(s), tally.streak);
      } else {
        tally.streak = 0;
        feedback.textContent = words.wrong(current.text, current.answer);
        feedback.className = "aw-practice__feedback is-wrong";
      }
      showStats();
      next();
      answer.focus();
    });
    AW.db.on(function () { if (root.isConnected) showStats(); });
    choose(null);
    showStats();
  });

  AW.selftest("practice", async function (root, t, config) {
    var s = settings(config);
    var savedBest = AW.db.kv(bestKey(s));
    AW.db.kv(bestKey(s), 0);
    function button(label) {
      return Array.prototype.filter.call(root.querySelectorAll("button"), function (b) { return b.textContent.trim() === label && !b.closest("[hidden]"); })[0];
    }
    function stats() { return root.querySelector(".aw-practice__stats").textContent; }
    var input = root.querySelector('input[name="answer"]');
    var shown = function () { return root.querySelector(".aw-practice__question").textContent; };
    async function reply(value) {
      t.fill(input, String(value));
      button(AW.t("practice.check", "Check")).click();
      await t.wait(5);
    }

    t.ok(stats().indexOf(words.score(0)) >= 0 && stats().indexOf(words.streak(0)) >= 0, "Score and Streak are shown from the start");
    t.ok(input && input.labels[0].textContent === AW.t("practice.answer", "Answer"), "the answer box is labelled “Answer”");
    var group = root.querySelector('[role="group"]');
    t.ok(group && document.getElementById(group.getAttribute("aria-labelledby")).textContent.indexOf(AW.t("practice.table", "Table")) === 0, "the tables are a group labelled “Table”");
    t.ok(!!button(String(s.from)) && !!button(String(s.to)), "the tables " + s.from + " to " + s.to + " are offered");

    var pick = Math.min(s.to, Math.max(s.from, 3));
    button(String(pick)).click();
    button(AW.t("practice.start", "Start")).click();
    await t.wait(5);
    var sum = shown();
    t.ok(solve(sum) !== null, "Start asks a question like “7 × 8 = ?” (" + sum + ")");
    var left = Number(sum.split(" ")[s.op === "−" || s.op === "÷" ? 2 : 0]);
    t.ok(left === pick, "the question is on the table picked (" + pick + ")");

    await reply(solve(sum));
    t.ok(stats().indexOf(words.score(1)) >= 0 && stats().indexOf(words.streak(1)) >= 0, "a right answer scores 1 and starts a streak");
    t.ok(root.querySelector(".aw-practice__feedback").textContent === words.correct(), "a right answer says “" + words.correct() + "”");
    await reply(solve(shown()));
    t.ok(stats().indexOf(words.streak(2)) >= 0, "two right answers make a streak of 2");
    t.ok(Number(AW.db.kv(bestKey(s))) === 2, "the best streak is stored");

    sum = shown();
    await reply(solve(sum) + 1);
    t.ok(stats().indexOf(words.score(2)) >= 0 && stats().indexOf(words.streak(0)) >= 0, "a wrong answer keeps the score and ends the streak");
    t.ok(root.querySelector(".aw-practice__feedback").textContent === words.wrong(sum.replace(" = ?", ""), solve(sum)), "a wrong answer shows the right one");
    t.ok(stats().indexOf(words.best(2)) >= 0, "the best streak stays at 2");

    var before = stats();
    t.fill(input, "");
    button(AW.t("practice.check", "Check")).click();
    await t.wait(5);
    t.ok(stats() === before, "an empty answer is not marked");

    AW.db.kv(bestKey(s), savedBest);
  });
})();
