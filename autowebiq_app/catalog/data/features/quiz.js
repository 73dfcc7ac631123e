/* Quiz: multiple-choice questions, each a fieldset of radio buttons. Submit answers shows
   "Score: X / N" and marks every right answer (and any wrong pick); then a name can be
   saved to a leaderboard kept in the store (one per quiz title), best scores first.
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

  function say(key, fallback, vars) {
    var text = AW.t(key, fallback);
    Object.keys(vars || {}).forEach(function (k) { text = text.split("{" + k + "}").join(String(vars[k])); });
    return text;
  }
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

  AW.feature("quiz", function (root, config) {
    var s = settings(config);
    var key = boardKey(s.title);
    var uid = AW.uid("quiz");
    var last = null;

    var form = h("form", { class: "aw-quiz__form", novalidate: true, "aria-labelledby": uid + "-title" });
    var sets = s.questions.map(function (q, qi) {
      var legendId = uid + "-q" + qi;
      var note = h("p", { class: "aw-quiz__note", id: legendId + "-note" });
      var fieldset = h("fieldset", { class: "aw-quiz__question card", "aria-describedby": legendId + "-note" },
        h("legend", { class: "aw-quiz__legend", id: legendId }, h("span", { class: "aw-quiz__num" }, (qi + 1) + ". "), q.question));
      var labels = q.options.map(function (option, oi) {
        var id = legendId + "-o" + oi;
        var radio = h("input", { type: "radio", id: id, name: uid + "-q" + qi, value: String(oi) });
        var mark = h("span", { class: "aw-quiz__mark" });
        var label = h("label", { for: id, class: "aw-quiz__option" }, radio, h("span", { class: "aw-quiz__text" }, option), mark);
        fieldset.appendChild(label);
        return { label: label, radio: radio, mark: mark };
      });
      fieldset.appendChild(note);
      form.appendChild(fieldset);
      return { fieldset: fieldset, labels: labels, note: note, name: uid + "-q" + qi };
    });
    var problem = h("p", { class: "aw-quiz__problem", role: "alert" });
    var submit = h("button", { type: "submit", class: "btn btn-primary" }, say("quiz.submit", "Submit answers"));
    form.appendChild(problem);
    form.appendChild(h("div", { class: "btn-row" }, submit));

    var scoreOut = h("p", { class: "aw-quiz__score", role: "status", "aria-live": "polite", tabindex: "-1" });
    var nameInput = h("input", { id: uid + "-name", class: "input", type: "text", name: "name", maxlength: "40", autocomplete: "nickname", "aria-describedby": uid + "-name-error" });
    var nameError = h("p", { class: "field-error", id: uid + "-name-error", "aria-live": "polite" });
    var saveForm = h("form", { class: "aw-quiz__save", novalidate: true, hidden: true },
      h("div", { class: "field" }, h("label", { for: nameInput.id, text: say("your_name", "Your name") }), nameInput, nameError),
      h("button", { type: "submit", class: "btn btn-primary" }, say("save_score", "Save score")));
    var again = h("button", { type: "button", class: "btn btn-outline", hidden: true, onclick: function () { reset(); } }, say("try_again", "Try again"));
    var results = h("div", { class: "aw-quiz__results" }, scoreOut, saveForm, h("div", { class: "btn-row" }, again));
    var board = h("ol", { class: "aw-quiz__board" });
    var boardSection = h("section", { class: "aw-quiz__leaderboard card", "aria-labelledby": uid + "-lb" },
      h("h3", { id: uid + "-lb", text: say("leaderboard", "Leaderboard") }), board);

    root.appendChild(h("div", { class: "aw-quiz" },
      h("h2", { class: "aw-quiz__title", id: uid + "-title", text: s.title }),
      h("p", { class: "aw-quiz__intro", text: say("quiz.intro", "{n} questions. Choose one answer for each, then submit.", { n: s.questions.length }) }),
      h("p", null, h("button", { type: "button", class: "btn btn-outline", onclick: function () {
        /* The questions are all on the page; starting clears earlier answers and goes to the first. */
        reset();
        var first = form.querySelector('input[type="radio"]');
        if (first) { first.scrollIntoView({ block: "center" }); first.focus(); }
      } }, say("quiz.start", "Start quiz"))),
      form, results, boardSection));

    function chosen(set) {
      var picked = set.labels.filter(function (l) { return l.radio.checked; })[0];
      return picked ? Number(picked.radio.value) : -1;
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
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (last) return;
      var missing = sets.filter(function (set) { return chosen(set) < 0; });
      if (missing.length) {
        problem.textContent = say("quiz.missing", "Please answer every question ({n} left).", { n: missing.length });
        var first = missing[0].labels[0].radio;
        first.focus();
        return;
      }
      problem.textContent = "";
      var score = 0;
      sets.forEach(function (set, qi) {
        var answer = s.questions[qi].answer;
        var pick = chosen(set);
        if (pick === answer) score += 1;
        set.fieldset.classList.add(pick === answer ? "is-right" : "is-wrong");
        set.note.textContent = pick === answer ? say("quiz.right", "Correct!") : say("quiz.wrong", "Not quite — the answer is {answer}.", { answer: s.questions[qi].options[answer] });
        set.labels.forEach(function (l, oi) {
          l.radio.disabled = true;
          if (oi === answer) { l.label.classList.add("is-answer"); l.mark.textContent = "✓ " + say("quiz.correct", "Correct answer"); }
          else if (oi === pick) { l.label.classList.add("is-picked"); l.mark.textContent = "✗ " + say("quiz.yours", "Your answer"); }
        });
      });
      last = { score: score, total: sets.length };
      submit.hidden = true;
      scoreOut.textContent = say("score", "Score") + ": " + score + " / " + sets.length + (score === sets.length ? " — " + say("quiz.perfect", "perfect!") : "");
      saveForm.hidden = false;
      again.hidden = false;
      scoreOut.focus();
    });
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
      entries.push({ name: name.slice(0, 40), score: last.score, total: last.total, at: Date.now() });
      AW.db.kv(key, ranked(entries).slice(0, 50));
      saveForm.hidden = true;
      renderBoard();
      scoreOut.textContent = say("score", "Score") + ": " + last.score + " / " + last.total + ". " + say("quiz.saved", "Saved to the leaderboard.");
      again.focus();
    });
    function reset() {
      last = null;
      form.reset();
      problem.textContent = "";
      sets.forEach(function (set) {
        set.fieldset.classList.remove("is-right", "is-wrong");
        set.note.textContent = "";
        set.labels.forEach(function (l) {
          l.radio.disabled = false;
          l.label.classList.remove("is-answer", "is-picked");
          l.mark.textContent = "";
        });
      });
      submit.hidden = false;
      scoreOut.textContent = "";
      saveForm.hidden = true;
      again.hidden = true;
      sets[0].labels[0].radio.focus();
    }
    AW.db.on(function () { if (root.isConnected) renderBoard(); });
    renderBoard();
  });

  AW.selftest("quiz", async function (root, t, config) {
    var s = settings(config);
    var key = boardKey(s.title);
    var saved = AW.db.kv(key);
    function button(label) {
      return Array.prototype.filter.call(root.querySelectorAll("button"), function (b) { return b.textContent.trim() === label && !b.hidden; })[0];
    }
    var sets = root.querySelectorAll("fieldset");
    t.ok(sets.length === s.questions.length, "every question is a fieldset");
    t.ok(Array.prototype.every.call(sets, function (f) { return f.querySelector("legend") && f.querySelectorAll('input[type="radio"]').length >= 2; }), "each question has a legend and radio options");
    var status = root.querySelector('[role="status"]');

    button(AW.t("quiz.submit", "Submit answers")).click();
    await t.wait(10);
    t.ok(root.querySelector('[role="alert"]').textContent !== "" && status.textContent === "", "submitting with no answers asks for them");

    s.questions.forEach(function (q, i) { sets[i].querySelectorAll('input[type="radio"]')[q.answer].click(); });
    button(AW.t("quiz.submit", "Submit answers")).click();
    await t.wait(10);
    var all = s.questions.length;
    t.ok(status.textContent.indexOf(AW.t("score", "Score") + ": " + all + " / " + all) === 0, "all right answers give “Score: " + all + " / " + all + "”");
    t.ok(root.querySelectorAll(".aw-quiz__option.is-answer").length === all, "the right answers are marked");

    var name = "Selftest " + Math.random().toString(36).slice(2, 7);
    var input = root.querySelector('input[name="name"]');
    t.ok(input && input.labels[0].textContent === AW.t("your_name", "Your name"), "there is a “Your name” field");
    t.fill(input, name);
    button(AW.t("save_score", "Save score")).click();
    await t.wait(10);
    var stored = AW.db.kv(key) || [];
    t.ok(stored.some(function (e) { return e.name === name && e.score === all; }), "the score is stored");
    t.ok(root.querySelector(".aw-quiz__board").textContent.indexOf(name) >= 0, "the name appears on the Leaderboard");

    button(AW.t("try_again", "Try again")).click();
    await t.wait(10);
    t.ok(root.querySelectorAll('input[type="radio"]:checked').length === 0 && status.textContent === "", "Try again clears the answers");

    /* one wrong answer: N-1, ranked below the perfect score */
    s.questions.forEach(function (q, i) {
      var pick = i === 0 ? (q.answer + 1) % q.options.length : q.answer;
      sets[i].querySelectorAll('input[type="radio"]')[pick].click();
    });
    button(AW.t("quiz.submit", "Submit answers")).click();
    await t.wait(10);
    t.ok(status.textContent.indexOf(AW.t("score", "Score") + ": " + (all - 1) + " / " + all) === 0, "one wrong answer gives “Score: " + (all - 1) + " / " + all + "”");
    t.ok(sets[0].querySelector(".is-picked") && sets[0].querySelector(".is-answer"), "the wrong pick and the right answer are both marked");
    t.fill(input, name + " B");
    button(AW.t("save_score", "Save score")).click();
    await t.wait(10);
    var names = Array.prototype.map.call(root.querySelectorAll(".aw-quiz__who"), function (el) { return el.textContent; });
    t.ok(names.indexOf(name) >= 0 && (names.indexOf(name + " B") < 0 || names.indexOf(name) < names.indexOf(name + " B")), "the leaderboard is sorted by score");

    AW.db.kv(key, saved);
    button(AW.t("try_again", "Try again")).click();
    await t.wait(10);
    t.ok(root.querySelector(".aw-quiz__board").textContent.indexOf(name) < 0, "the test's scores are cleaned up");
  });
})();
