/* Quiz: multiple-choice questions asked one at a time, the way people expect a quiz to go.
   A start screen (title, "{n} questions", Start quiz, the leaderboard); then "Question k of N"
   and "Score: s" above the question and its options, each a button. Picking one locks the
   options, says "Correct!" or "Wrong — the answer is X" and offers "Next question" ("See my
   score" after the last). The end shows "Score: s / N" and a name to save to a leaderboard
   kept in the store (one per quiz title), best scores first. Restart is there throughout.
   Config: {title, questions: [{question, options: ["..", ..], answer: <index of the right option>}]}. */
(function () {
  "use strict";
  var h = AW.h;
  var DEFAULTS = {
    title: "General knowledge quiz",
    questions: [
      { question: "Which planet is known as the Red Planet?", options: ["Venus", "Mars", "Jupiter", "Saturn"], answer: 1 },
      { question: "How many continents are there?", options: ["Five", "Six", "Seven", "Eight"], answer: 2 },
      { question: "What is the largest ocean on Earth?", options: ["Atlantic", "Indian", "Arctic", "Pacific"], answer: 3 },
      { question: "Which gas do plants take in from the air?", options: ["Oxygen", "Carbon dioxide", "Nitrogen", "Helium"], answer: 1 },
    ],
  };

  var say = AW.t;
  function settings(config) {
    var questions = (Array.isArray(config.questions) ? config.questions : []).filter(function (q) {
      return q && q.question && Array.isArray(q.options) && q.options.length >= 2;
    }).map(function (q) {
      var answer = Math.round(Number(q.answer));
      return { question: String(q.question), options: q.options.map(String), answer: answer >= 0 && answer < q.options.length ? answer : 0 };
    });
    if (!questions.length) questions = DEFAULTS.questions;
    return { title: String(config.title || (questions === DEFAULTS.questions ? DEFAULTS.title : "Quiz")), questions: questions };
  }
  function boardKey(title) {
    return "quiz:leaderboard:" + String(title).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  }
  function ranked(entries) {
    return (Array.isArray(entries) ? entries : []).slice().sort(function (a, b) {
      var pa = a.total ? a.score / a.total : 0;
      var pb = b.total ? b.score / b.total : 0;
      return pb - pa || b.score - a.score || (a.at || 0) - (b.at || 0);
    });
  }
  /* The words the quiz and its self-test both use, so the test reads what a player reads. */
  var words = {
    count: function (n) { return say("quiz.count", "{n} questions", { n: n }); },
    progress: function (k, n) { return say("quiz.progress", "Question {k} of {n}", { k: k, n: n }); },
    score: function (s) { return say("score", "Score") + ": " + s; },
    final: function (s, n) { return say("score", "Score") + ": " + s + " / " + n; },
    correct: function () { return say("quiz.correct", "Correct!"); },
    wrong: function (answer) { return say("quiz.wrong", "Wrong — the answer is {answer}", { answer: answer }); },
    next: function () { return say("quiz.next", "Next question"); },
    finish: function () { return say("quiz.finish", "See my score"); },
    start: function () { return say("quiz.start", "Start quiz"); },
    restart: function () { return say("quiz.restart", "Restart"); },
  };

  AW.feature("quiz", function (root, config) {
    var s = settings(config);
    var key = boardKey(s.title);
    var uid = AW.uid("quiz");
    var total = s.questions.length;
    var game = { index: 0, score: 0, answered: false, over: false };

    /* start screen */
    var startButton = h("button", { type: "button", class: "btn btn-primary", onclick: function () { begin(); } }, words.start());
    var startPanel = h("div", { class: "aw-quiz__start card" },
      h("p", { class: "aw-quiz__count", text: words.count(total) }),
      h("div", { class: "btn-row" }, startButton));

    /* one question at a time */
    var progress = h("p", { class: "aw-quiz__progress" });
    var scoreNow = h("p", { class: "aw-quiz__running", "aria-live": "polite" });
    var questionText = h("h3", { class: "aw-quiz__question-text", id: uid + "-question", tabindex: "-1" });
    var options = h("div", { class: "aw-quiz__options", role: "group", "aria-labelledby": uid + "-question" });
    var feedback = h("p", { class: "aw-quiz__feedback", role: "status", "aria-live": "polite" });
    var nextButton = h("button", { type: "button", class: "btn btn-primary", hidden: true, onclick: function () { advance(); } });
    var playPanel = h("div", { class: "aw-quiz__play card", hidden: true },
      h("div", { class: "aw-quiz__bar" }, progress, scoreNow),
      questionText, options, feedback,
      h("div", { class: "btn-row" }, nextButton, restartButton()));

    /* the end: the score, a name for the leaderboard */
    var finalScore = h("p", { class: "aw-quiz__score", tabindex: "-1", "aria-live": "polite" });
    var nameInput = h("input", { id: uid + "-name", class: "input", type: "text", name: "name", maxlength: "40", autocomplete: "nickname", "aria-describedby": uid + "-name-error" });
    var nameError = h("p", { class: "field-error", id: uid + "-name-error", "aria-live": "polite" });
    var saveForm = h("form", { class: "aw-quiz__save", novalidate: true },
      h("div", { class: "field" }, h("label", { for: nameInput.id, text: say("your_name", "Your name") }), nameInput, nameError),
      h("button", { type: "submit", class: "btn btn-primary" }, say("save_score", "Save score")));
    var endPanel = h("div", { class: "aw-quiz__end card", hidden: true },
      finalScore, saveForm, h("div", { class: "btn-row" }, restartButton()));

    var board = h("ol", { class: "aw-quiz__board" });
    var boardSection = h("section", { class: "aw-quiz__leaderboard card", "aria-labelledby": uid + "-lb" },
      h("h3", { id: uid + "-lb", text: say("leaderboard", "Leaderboard") }), board);

    root.appendChild(h("div", { class: "aw-quiz" },
      h("h2", { class: "aw-quiz__title", id: uid + "-title", text: s.title }),
      startPanel, playPanel, endPanel, boardSection));

    function restartButton() {
      return h("button", { type: "button", class: "btn btn-outline aw-quiz__restart", onclick: function () { begin(); } }, words.restart());
    }
    function show(panel) {
      [startPanel, playPanel, endPanel].forEach(function (p) { p.hidden = p !== panel; });
    }
    function begin() {
      game = { index: 0, score: 0, answered: false, over: false };
      show(playPanel);
      ask();
    }
    function ask() {
      var q = s.questions[game.index];
      game.answered = false;
      progress.textContent = words.progress(game.index + 1, total);
      scoreNow.textContent = words.score(game.score);
      questionText.textContent = q.question;
      feedback.textContent = "";
      feedback.className = "aw-quiz__feedback";
      nextButton.hidden = true;
      options.textContent = "";
      q.options.forEach(function (option, oi) {
        options.appendChild(h("button", { type: "button", class: "aw-quiz__option", "data-index": String(oi), onclick: function () { pick(oi); } }, option));
      });
      questionText.focus({ preventScroll: true });
    }
    function pick(choice) {
      if (game.answered) return;
      game.answered = true;
      var q = s.questions[game.index];
      var right = choice === q.answer;
      if (right) game.score += 1;
      Array.prototype.forEach.call(options.children, function (button, oi) {
        button.disabled = true;
        if (oi === q.answer) button.classList.add("is-answer");
        if (oi === choice) { button.classList.add(right ? "is-right" : "is-wrong"); button.setAttribute("aria-pressed", "true"); }
      });
      feedback.textContent = right ? words.correct() : words.wrong(q.options[q.answer]);
      feedback.className = "aw-quiz__feedback " + (right ? "is-right" : "is-wrong");
      scoreNow.textContent = words.score(game.score);
      nextButton.textContent = game.index + 1 < total ? words.next() : words.finish();
      nextButton.hidden = false;
      nextButton.focus({ preventScroll: true });
    }
    function advance() {
      if (!game.answered) return;
      if (game.index + 1 < total) { game.index += 1; ask(); return; }
      finish();
    }
    function finish() {
      game.over = true;
      show(endPanel);
      finalScore.textContent = words.final(game.score, total) + (game.score === total ? " — " + say("quiz.perfect", "perfect!") : "");
      saveForm.hidden = false;
      nameError.textContent = "";
      finalScore.focus({ preventScroll: true });
    }
    function renderBoard() {
      var entries = ranked(AW.db.kv(key)).slice(0, 10);
      board.textContent = "";
      if (!entries.length) { board.appendChild(h("li", { class: "aw-quiz__empty", text: say("quiz.noscores", "No scores yet — be the first!") })); return; }
      entries.forEach(function (e) {
        board.appendChild(h("li", { class: "aw-quiz__entry" },
          h("span", { class: "aw-quiz__who", text: String(e.name) }),
          h("span", { class: "aw-quiz__pts", text: e.score + " / " + e.total })));
      });
    }
    saveForm.addEventListener("submit", function (event) {
      event.preventDefault();
      var name = nameInput.value.trim();
      if (!name) {
        nameError.textContent = say("quiz.name_needed", "Please enter your name.");
        nameInput.setAttribute("aria-invalid", "true");
        nameInput.focus();
        return;
      }
      nameError.textContent = "";
      nameInput.setAttribute("aria-invalid", "false");
      var entries = ranked(AW.db.kv(key));
      entries.push({ name: name.slice(0, 40), score: game.score, total: total, at: Date.now() });
      AW.db.kv(key, ranked(entries).slice(0, 50));
      saveForm.hidden = true;
      renderBoard();
      finalScore.textContent = words.final(game.score, total) + ". " + say("quiz.saved", "Saved to the leaderboard.");
    });
    AW.db.on(function () { if (root.isConnected) renderBoard(); });
    renderBoard();
  });

  AW.selftest("quiz", async function (root, t, config) {
    var s = settings(config);
    var key = boardKey(s.title);
    var saved = AW.db.kv(key);
    var total = s.questions.length;
    function button(label) {
      return Array.prototype.filter.call(root.querySelectorAll("button"), function (b) { return b.textContent.trim() === label && !b.closest("[hidden]") && !b.hidden; })[0];
    }
    function shown(selector) { var el = root.querySelector(selector); return el && !el.closest("[hidden]") ? el.textContent : ""; }
    function options() { return root.querySelectorAll(".aw-quiz__option"); }
    /* Answers every question, the right option except at `wrongAt`, checking the running score. */
    async function play(wrongAt) {
      var expected = 0;
      for (var i = 0; i < total; i += 1) {
        var q = s.questions[i];
        t.ok(shown(".aw-quiz__progress") === words.progress(i + 1, total), "“" + words.progress(i + 1, total) + "” is shown");
        t.ok(shown(".aw-quiz__question-text") === q.question, "question " + (i + 1) + " is asked");
        var buttons = options();
        t.ok(buttons.length === q.options.length && buttons[0].tagName === "BUTTON" && buttons[0].type === "button", "each option is a button");
        var pick = i === wrongAt ? (q.answer + 1) % q.options.length : q.answer;
        buttons[pick].click();
        await t.wait(5);
        var note = shown(".aw-quiz__feedback");
        if (i === wrongAt) {
          t.ok(note === words.wrong(q.options[q.answer]), "a wrong pick says “" + words.wrong(q.options[q.answer]) + "”");
          t.ok(buttons[pick].classList.contains("is-wrong") && buttons[q.answer].classList.contains("is-answer"), "the wrong pick and the right answer are both marked");
        } else {
          t.ok(note === words.correct(), "the right pick says “" + words.correct() + "”");
        }
        t.ok(Array.prototype.every.call(options(), function (b) { return b.disabled; }), "the options are locked once one is picked");
        if (i !== wrongAt) expected += 1;
        options()[q.answer].click();
        await t.wait(5);
        t.ok(shown(".aw-quiz__running") === words.score(expected), "the score reads “" + words.score(expected) + "” after question " + (i + 1));
        var next = button(i + 1 < total ? words.next() : words.finish());
        t.ok(!!next, "“" + (i + 1 < total ? words.next() : words.finish()) + "” follows the answer");
        if (!next) return;
        next.click();
        await t.wait(5);
      }
    }

    t.ok(shown(".aw-quiz__count") === words.count(total), "the start screen says “" + words.count(total) + "”");
    t.ok(!!root.querySelector(".aw-quiz__leaderboard") && !root.querySelector(".aw-quiz__leaderboard").closest("[hidden]"), "the start screen shows the leaderboard");
    var start = button(words.start());
    t.ok(!!start, "there is a “" + words.start() + "” button");
    if (!start) return;
    start.click();
    await t.wait(5);
    t.ok(shown(".aw-quiz__running") === words.score(0), "the score starts at 0");
    await play(-1);
    t.ok(shown(".aw-quiz__score").indexOf(words.final(total, total)) === 0, "all right answers give “" + words.final(total, total) + "”");

    var name = "Selftest " + Math.random().toString(36).slice(2, 7);
    var input = root.querySelector('input[name="name"]');
    t.ok(input && input.labels[0].textContent === AW.t("your_name", "Your name"), "there is a “Your name” field");
    t.fill(input, name);
    button(AW.t("save_score", "Save score")).click();
    await t.wait(10);
    var stored = AW.db.kv(key) || [];
    t.ok(stored.some(function (e) { return e.name === name && e.score === total; }), "the score is stored");
    t.ok(root.querySelector(".aw-quiz__board").textContent.indexOf(name) >= 0, "the name appears on the Leaderboard");

    button(words.restart()).click();
    await t.wait(5);
    t.ok(shown(".aw-quiz__progress") === words.progress(1, total) && shown(".aw-quiz__running") === words.score(0), "Restart starts again at question 1 with a score of 0");
    await play(0);
    t.ok(shown(".aw-quiz__score").indexOf(words.final(total - 1, total)) === 0, "one wrong answer gives “" + words.final(total - 1, total) + "”");
    t.fill(input, name + " B");
    button(AW.t("save_score", "Save score")).click();
    await t.wait(10);
    var names = Array.prototype.map.call(root.querySelectorAll(".aw-quiz__who"), function (el) { return el.textContent; });
    t.ok(names.indexOf(name) >= 0 && (names.indexOf(name + " B") < 0 || names.indexOf(name) < names.indexOf(name + " B")), "the leaderboard is sorted by score");

    AW.db.kv(key, saved);
    await t.wait(10);
    t.ok(root.querySelector(".aw-quiz__board").textContent.indexOf(name) < 0, "the test's scores are cleaned up");
  });
})();
