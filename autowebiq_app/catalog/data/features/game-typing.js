/* Typing test: copy a passage into a text box. The clock starts on the first keystroke;
   words per minute (correct characters ÷ 5 per minute) and accuracy update as you type,
   and a result appears when the passage is complete. Best WPM kept in the store.
   Config: {passages: ["...", ...]}. */
(function () {
  "use strict";
  var h = AW.h;
  var BEST_KEY = "game-typing:best";
  var DEFAULT_PASSAGES = [
    "The quick brown fox jumps over the lazy dog while the farmer watches from the old wooden gate.",
    "A good cup of coffee in the morning can make even the busiest day feel a little calmer and brighter.",
    "Practice every day and your fingers will learn where the keys are without you having to look down.",
  ];

  var say = AW.t;
  function passagesOf(config) {
    var list = (Array.isArray(config.passages) ? config.passages : []).map(function (p) { return String(p).replace(/\s+/g, " ").trim(); }).filter(Boolean);
    return list.length ? list : DEFAULT_PASSAGES.slice();
  }
  /* correct characters and typed characters, compared position by position */
  function compare(target, typed) {
    var correct = 0;
    for (var i = 0; i < typed.length && i < target.length; i += 1) if (typed.charAt(i) === target.charAt(i)) correct += 1;
    return { correct: correct, typed: Math.min(typed.length, target.length) };
  }

  AW.feature("game-typing", function (root, config) {
    var uid = AW.uid("typing");
    var passages = passagesOf(config);
    var index = Math.floor(Math.random() * passages.length);
    var passage = "";
    var startedAt = 0;
    var finishedAt = 0;
    var ticker = null;
    var best = Number(AW.db.kv(BEST_KEY)) || 0;

    var source = h("p", { class: "visually-hidden aw-game-typing__source", id: uid + "-passage" });
    var shown = h("p", { class: "aw-game-typing__passage", "aria-hidden": "true" });
    var area = h("textarea", { id: uid + "-input", class: "input aw-game-typing__input", rows: 4, spellcheck: "false", autocomplete: "off",
      autocapitalize: "off", autocorrect: "off", "aria-describedby": uid + "-passage" });
    var timeOut = h("dd", { class: "aw-game-typing__value" });
    var wpmOut = h("dd", { class: "aw-game-typing__value" });
    var accOut = h("dd", { class: "aw-game-typing__value" });
    var bestOut = h("dd", { class: "aw-game-typing__value" });
    var result = h("p", { class: "aw-game-typing__result", role: "status", "aria-live": "polite" });
    var restart = h("button", { type: "button", class: "btn btn-primary", onclick: function () { start(true); area.focus(); } }, say("restart", "Restart"));
    function stat(label, out) { return h("div", { class: "aw-game-typing__stat" }, h("dt", { text: label }), out); }
    root.appendChild(h("div", { class: "aw-game-typing" },
      h("p", { class: "aw-game-typing__help", text: say("game-typing.help", "Type the passage below as quickly and accurately as you can. The clock starts with your first keystroke.") }),
      h("div", { class: "aw-game-typing__card" }, h("p", { class: "aw-game-typing__label", text: say("game-typing.passage", "Passage") }), source, shown),
      h("div", { class: "field" }, h("label", { for: area.id, text: say("game-typing.type_here", "Type here") }), area),
      h("dl", { class: "aw-game-typing__stats" },
        stat(say("time", "Time"), timeOut), stat(say("wpm", "WPM"), wpmOut), stat(say("accuracy", "Accuracy"), accOut), stat(say("best", "Best"), bestOut)),
      result,
      h("div", { class: "btn-row" }, restart)));

    var spans = [];
    function showPassage() {
      source.textContent = passage;
      shown.textContent = "";
      spans = passage.split("").map(function (ch) {
        var span = h("span", { class: "aw-game-typing__char" }, ch);
        shown.appendChild(span);
        return span;
      });
    }
    function elapsed() {
      if (!startedAt) return 0;
      return ((finishedAt || Date.now()) - startedAt) / 1000;
    }
    function numbers() {
      var c = compare(passage, area.value);
      var seconds = Math.max(elapsed(), 1);
      return {
        wpm: startedAt ? Math.round((c.correct / 5) / (seconds / 60)) : 0,
        accuracy: c.typed ? Math.round((c.correct / c.typed) * 100) : 100,
        seconds: elapsed(),
        done: area.value.length >= passage.length,
      };
    }
    function update() {
      var typed = area.value;
      spans.forEach(function (span, i) {
        var cls = "aw-game-typing__char";
        if (i < typed.length) cls += typed.charAt(i) === passage.charAt(i) ? " is-right" : " is-wrong";
        else if (i === typed.length) cls += " is-next";
        span.className = cls;
      });
      var s = numbers();
      timeOut.textContent = (finishedAt ? s.seconds.toFixed(1) : Math.floor(s.seconds)) + " s";
      wpmOut.textContent = String(s.wpm);
      accOut.textContent = s.accuracy + "%";
      bestOut.textContent = best + " " + say("wpm", "WPM");
      return s;
    }
    function finish() {
      finishedAt = Date.now();
      clearInterval(ticker);
      ticker = null;
      area.readOnly = true;
      var s = update();
      var text = say("game-typing.done", "Finished! {wpm} WPM with {accuracy}% accuracy in {seconds} s.",
        { wpm: s.wpm, accuracy: s.accuracy, seconds: s.seconds.toFixed(1) });
      if (s.wpm > (Number(AW.db.kv(BEST_KEY)) || 0)) {
        best = s.wpm;
        AW.db.kv(BEST_KEY, best);
        text += " " + say("new_best", "A new best!");
      }
      update();
      result.textContent = text;
    }
    area.addEventListener("input", function () {
      if (finishedAt) return;
      if (!startedAt && area.value.length) {
        startedAt = Date.now();
        ticker = setInterval(function () {
          if (!root.isConnected) { clearInterval(ticker); return; }
          update();
        }, 500);
      }
      var s = update();
      if (s.done) finish();
    });
    function noPaste(event) {
      event.preventDefault();
      result.textContent = say("game-typing.nopaste", "Pasting is turned off: type the passage yourself.");
    }
    area.addEventListener("paste", noPaste);
    area.addEventListener("drop", noPaste);
    area.setAttribute("maxlength", "2000");

    function start(next) {
      if (next && passages.length > 1) index = (index + 1) % passages.length;
      passage = passages[index];
      area.setAttribute("maxlength", String(passage.length));
      clearInterval(ticker);
      ticker = null;
      startedAt = 0;
      finishedAt = 0;
      area.readOnly = false;
      area.value = "";
      result.textContent = "";
      best = Number(AW.db.kv(BEST_KEY)) || 0;
      showPassage();
      update();
    }
    start(false);
  });

  AW.selftest("game-typing", async function (root, t) {
    var savedBest = AW.db.kv(BEST_KEY);
    var restart = Array.prototype.filter.call(root.querySelectorAll("button"), function (b) { return b.textContent.trim() === AW.t("restart", "Restart"); })[0];
    var area = root.querySelector("textarea");
    t.ok(area && area.labels[0] && area.labels[0].textContent === AW.t("game-typing.type_here", "Type here"), "the text box is labelled “Type here”");
    t.ok(!!restart, "there is a Restart button");
    restart.click();
    var passage = root.querySelector(".aw-game-typing__source").textContent;
    t.ok(passage.length > 10, "a passage is shown");
    var values = root.querySelectorAll(".aw-game-typing__value");
    function value(i) { return values[i].textContent; }
    t.ok(value(1) === "0" && value(2) === "100%", "before typing: 0 WPM and 100% accuracy");
    await t.wait(600);
    t.ok(value(0) === "0 s", "the clock waits for the first keystroke");
    t.fill(area, passage.slice(0, 10));
    await t.wait(1100);
    t.ok(Number(value(1)) > 0 && value(2) === "100%", "after typing 10 correct letters WPM is above 0 and accuracy is 100%");
    t.ok(parseInt(value(0), 10) >= 1, "the clock runs once typing starts");
    t.fill(area, passage.slice(0, 10) + (passage.charAt(10) === "#" ? "%" : "#"));
    t.ok(Number(value(2).replace("%", "")) < 100, "a wrong letter lowers the accuracy");
    t.ok(root.querySelectorAll(".aw-game-typing__char.is-wrong").length === 1, "the wrong letter is marked");
    t.fill(area, passage);
    await t.wait(20);
    var result = root.querySelector('[role="status"]').textContent;
    t.ok(/WPM/.test(result) && result.indexOf("100%") >= 0, "completing the passage shows the result (" + result + ")");
    t.ok(area.readOnly, "the text box is locked when the passage is complete");
    t.ok(Number(AW.db.kv(BEST_KEY)) > 0, "the best WPM is saved");
    AW.db.kv(BEST_KEY, savedBest);
    restart.click();
    t.ok(area.value === "" && !area.readOnly && root.querySelector('[role="status"]').textContent === "", "Restart clears the test");
  });
})();
