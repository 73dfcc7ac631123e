/* Hangman: guess the hidden word one letter at a time with the A–Z buttons (or the
   keyboard) before the drawing is finished. Config: {words: ["PLANET", ...], guesses: 6}. */
(function () {
  "use strict";
  var h = AW.h;
  var SVG = "http://www.w3.org/2000/svg";
  var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".split("");
  var DEFAULT_WORDS = ["PLANET", "GARDEN", "BRIDGE", "PUZZLE", "ROCKET", "JUNGLE", "CASTLE", "PENGUIN", "WIZARD",
    "VOLCANO", "HARBOR", "LANTERN", "MEADOW", "COMPASS", "ORCHARD", "BLANKET", "THUNDER", "PICNIC"];

  var say = AW.t;
  function wordsOf(config) {
    var list = (Array.isArray(config.words) ? config.words : []).map(function (w) { return String(w).trim().toUpperCase(); })
      .filter(function (w) { return /[A-Z]/.test(w); });
    return list.length ? list : DEFAULT_WORDS.slice();
  }
  function svg(tag, attrs) {
    var el = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    return el;
  }

  AW.feature("game-hangman", function (root, config) {
    var words = wordsOf(config);
    var allowed = Math.min(10, Math.max(3, Math.round(Number(config.guesses) || 6)));
    var word = "";
    var guessed = {};
    var wrong = [];
    var finished = false;

    /* the drawing: gallows always, then one part per wrong guess */
    var drawing = svg("svg", { viewBox: "0 0 120 140", class: "aw-game-hangman__drawing", "aria-hidden": "true", focusable: "false" });
    [["line", { x1: 10, y1: 132, x2: 80, y2: 132 }], ["line", { x1: 30, y1: 132, x2: 30, y2: 10 }], ["line", { x1: 30, y1: 10, x2: 80, y2: 10 }],
      ["line", { x1: 80, y1: 10, x2: 80, y2: 26 }]].forEach(function (p) { drawing.appendChild(svg(p[0], p[1])); });
    var parts = [
      svg("circle", { cx: 80, cy: 38, r: 12 }), svg("line", { x1: 80, y1: 50, x2: 80, y2: 88 }),
      svg("line", { x1: 80, y1: 60, x2: 64, y2: 76 }), svg("line", { x1: 80, y1: 60, x2: 96, y2: 76 }),
      svg("line", { x1: 80, y1: 88, x2: 66, y2: 112 }), svg("line", { x1: 80, y1: 88, x2: 94, y2: 112 }),
    ];
    parts.forEach(function (p) { p.setAttribute("class", "aw-game-hangman__part"); drawing.appendChild(p); });

    var wordShown = h("p", { class: "aw-game-hangman__word", "aria-hidden": "true" });
    var wordSpoken = h("p", { class: "visually-hidden" });
    var leftOut = h("dd", { class: "aw-game-hangman__value" });
    var wrongOut = h("dd", { class: "aw-game-hangman__wrong" });
    var status = h("p", { class: "aw-game-hangman__status", role: "status", "aria-live": "polite" });
    var letters = h("div", { class: "aw-game-hangman__letters", role: "group", "aria-label": say("game-hangman.letters", "Guess a letter") });
    var buttons = {};
    ALPHABET.forEach(function (letter) {
      buttons[letter] = h("button", { type: "button", class: "aw-game-hangman__letter", onclick: function () { guess(letter); } }, letter);
      letters.appendChild(buttons[letter]);
    });
    var newWord = h("button", { type: "button", class: "btn btn-primary", onclick: function () { start(); } }, say("new_word", "New word"));
    root.appendChild(h("div", { class: "aw-game-hangman" },
      h("div", { class: "aw-game-hangman__stage" },
        drawing,
        h("div", { class: "aw-game-hangman__info" },
          h("dl", { class: "aw-game-hangman__stats" },
            h("div", null, h("dt", { text: say("guesses_left", "Guesses left") }), leftOut),
            h("div", null, h("dt", { text: say("wrong_letters", "Wrong letters") }), wrongOut)),
          newWord)),
      wordSpoken, wordShown, status, letters));

    function hidden(ch) { return /[A-Z]/.test(ch) && !guessed[ch]; }
    function solved() { return word.split("").every(function (ch) { return !hidden(ch); }); }
    function render() {
      wordShown.textContent = "";
      var spoken = [];
      var group = null;
      word.split("").forEach(function (ch) {
        var show = finished || !hidden(ch);
        if (ch === " ") {
          group = null;
          spoken.push(say("space", "space"));
          return;
        }
        if (!group) { group = h("span", { class: "aw-game-hangman__group" }); wordShown.appendChild(group); }
        group.appendChild(h("span", { class: "aw-game-hangman__slot" + (!show ? " is-blank" : "") + (finished && hidden(ch) ? " is-missed" : "") },
          show ? ch : "_"));
        spoken.push(show ? ch : say("blank", "blank"));
      });
      wordSpoken.textContent = say("game-hangman.word", "The word has {n} letters:", { n: word.replace(/[^A-Z]/g, "").length }) + " " + spoken.join(", ") + ".";
      leftOut.textContent = String(allowed - wrong.length);
      wrongOut.textContent = wrong.length ? wrong.join(" ") : "—";
      var shownParts = Math.round((wrong.length / allowed) * parts.length);
      parts.forEach(function (p, i) { p.style.display = i < shownParts ? "" : "none"; });
      ALPHABET.forEach(function (letter) {
        var b = buttons[letter];
        var used = !!guessed[letter];
        b.setAttribute("aria-disabled", used || finished ? "true" : "false");
        b.className = "aw-game-hangman__letter" + (used ? (word.indexOf(letter) >= 0 ? " is-hit" : " is-miss") : "");
        b.setAttribute("aria-label", letter + (used ? (word.indexOf(letter) >= 0 ? ", " + say("game-hangman.in", "in the word") : ", " + say("game-hangman.notin", "not in the word")) : ""));
      });
    }
    function guess(letter) {
      if (finished || guessed[letter] || !word) return;
      guessed[letter] = true;
      var hit = word.indexOf(letter) >= 0;
      if (!hit) wrong.push(letter);
      if (solved()) {
        finished = true;
        status.textContent = say("game-hangman.won", "You won!") + " " + say("game-hangman.was", "The word is {word}.", { word: word });
      } else if (wrong.length >= allowed) {
        finished = true;
        status.textContent = say("game-hangman.lost", "You lost — the word was {word}", { word: word });
      } else {
        status.textContent = hit ? say("game-hangman.yes", "Yes, {letter} is in the word.", { letter: letter })
          : say("game-hangman.no", "No {letter}. {n} guesses left.", { letter: letter, n: allowed - wrong.length });
      }
      render();
      if (finished) newWord.focus();
    }
    function start(chosen) {
      var pool = words.length > 1 ? words.filter(function (w) { return w !== word; }) : words;
      word = chosen ? String(chosen).toUpperCase() : pool[Math.floor(Math.random() * pool.length)];
      guessed = {};
      wrong = [];
      finished = false;
      status.textContent = "";
      render();
    }
    function onKey(event) {
      if (!root.isConnected) { document.removeEventListener("keydown", onKey); return; }
      if (event.altKey || event.ctrlKey || event.metaKey || !/^[a-zA-Z]$/.test(event.key)) return;
      var active = document.activeElement;
      if (active && active !== document.body && !root.contains(active)) return;
      if (active && (active.tagName === "INPUT" || active.tagName === "TEXTAREA" || active.tagName === "SELECT" || active.isContentEditable)) return;
      if (!root.getClientRects().length || document.querySelector("dialog[open]")) return;
      guess(event.key.toUpperCase());
    }
    document.addEventListener("keydown", onKey);
    root.awGame = {
      start: start,
      state: function () { return { word: word, wrong: wrong.slice(), left: allowed - wrong.length, finished: finished, allowed: allowed }; },
    };
    start();
  });

  AW.selftest("game-hangman", async function (root, t, config) {
    var game = root.awGame;
    var words = wordsOf(config);
    function letter(l) { return Array.prototype.filter.call(root.querySelectorAll(".aw-game-hangman__letter"), function (b) { return b.textContent === l; })[0]; }
    function off(b) { return b.getAttribute("aria-disabled") === "true"; }
    var status = root.querySelector('[role="status"]');
    t.ok(root.querySelectorAll(".aw-game-hangman__letter").length === 26, "there are 26 letter buttons");
    t.ok(words.indexOf(game.state().word) >= 0, "the word comes from the word list");
    var blanks = root.querySelectorAll(".aw-game-hangman__slot.is-blank").length;
    t.ok(blanks === game.state().word.replace(/[^A-Z]/g, "").length, "every letter starts as a blank");

    game.start("HELLO");
    var left = game.state().allowed;
    letter("L").click();
    t.ok(root.querySelectorAll(".aw-game-hangman__slot.is-blank").length === 3 && off(letter("L")), "a right letter fills both L's and is disabled");
    letter("Z").click();
    t.ok(game.state().left === left - 1 && root.querySelector(".aw-game-hangman__value").textContent === String(left - 1), "a wrong letter costs one guess");
    ["H", "E", "O"].forEach(function (l) { letter(l).click(); });
    t.ok(status.textContent.indexOf(AW.t("game-hangman.won", "You won!")) === 0, "guessing every letter says You won!");
    t.ok(off(letter("A")), "letters are locked when the game is over");

    game.start("HELLO");
    var wrongs = "ZXQJKVWYBCDFGI".split("").slice(0, left);
    wrongs.forEach(function (l) { letter(l).click(); });
    var lost = AW.t("game-hangman.lost", "You lost — the word was {word}").replace("{word}", "HELLO");
    t.ok(status.textContent === lost, "running out of guesses says “" + lost + "”");
    t.ok(game.state().left === 0, "no guesses are left");
    t.ok(root.querySelector(".aw-game-hangman__word").textContent.indexOf("HELLO") >= 0, "the word is revealed");

    var newWord = Array.prototype.filter.call(root.querySelectorAll("button"), function (b) { return b.textContent.trim() === AW.t("new_word", "New word"); })[0];
    newWord.click();
    await t.wait(10);
    t.ok(words.indexOf(game.state().word) >= 0 && !game.state().finished && !off(letter("A")) && status.textContent === "", "New word starts a fresh game");
  });
})();
