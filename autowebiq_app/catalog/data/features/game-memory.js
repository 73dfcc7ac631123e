/* Memory: a shuffled grid of face-down cards in pairs. Turn two over; a matching pair
   stays face up, a mismatch turns back after a moment (or at once on the next click).
   Counts moves and pairs found. Config: {symbols: ["🍎", ...] (2-18, one per pair), delay: 900}. */
(function () {
  "use strict";
  var h = AW.h;
  var DEFAULT_SYMBOLS = ["🍎", "🍋", "🍇", "🍒", "🥝", "🍑", "🍉", "🌽"];

  var say = AW.t;
  function symbolsOf(config) {
    var list = Array.isArray(config.symbols) ? config.symbols : [];
    var seen = {};
    list = list.map(function (s) { return String(s).trim(); }).filter(function (s) {
      if (!s || seen[s]) return false;
      seen[s] = true;
      return true;
    }).slice(0, 18);
    return list.length >= 2 ? list : DEFAULT_SYMBOLS.slice();
  }

  AW.feature("game-memory", function (root, config) {
    var symbols = symbolsOf(config);
    var delay = Number(config.delay) >= 0 && config.delay !== null && config.delay !== "" ? Number(config.delay) : 900;
    var total = symbols.length * 2;
    var columns = total <= 12 ? (total <= 8 ? total / 2 : 4) : total <= 16 ? 4 : 6;
    var deck = [];
    var open = [];
    var moves = 0;
    var pairs = 0;
    var timer = null;
    var done = false;

    var movesOut = h("dd", { class: "aw-game-memory__value" }, "0");
    var pairsOut = h("dd", { class: "aw-game-memory__value" }, "0 / " + symbols.length);
    var status = h("p", { class: "aw-game-memory__status", role: "status", "aria-live": "polite" });
    var grid = h("div", { class: "aw-game-memory__grid", role: "group", "aria-label": say("game-memory.cards", "Cards"), style: "--aw-cols:" + columns });
    var newGame = h("button", { type: "button", class: "btn btn-primary", onclick: function () { start(); } }, say("new_game", "New game"));
    root.appendChild(h("div", { class: "aw-game-memory" },
      h("p", { class: "aw-game-memory__help", text: say("game-memory.help", "Turn over two cards at a time and find all the matching pairs.") }),
      h("div", { class: "aw-game-memory__top" },
        h("dl", { class: "aw-game-memory__stats" },
          h("div", { class: "aw-game-memory__stat" }, h("dt", { text: say("moves", "Moves") }), movesOut),
          h("div", { class: "aw-game-memory__stat" }, h("dt", { text: say("pairs_found", "Pairs found") }), pairsOut)),
        newGame),
      status, grid));

    function shuffle(list) {
      for (var i = list.length - 1; i > 0; i -= 1) {
        var j = Math.floor(Math.random() * (i + 1));
        var tmp = list[i]; list[i] = list[j]; list[j] = tmp;
      }
      return list;
    }
    function render() {
      deck.forEach(function (card, i) {
        var up = card.matched || open.indexOf(i) >= 0;
        var label = say("card", "Card") + " " + (i + 1) + ", " + (up ? card.symbol : say("face_down", "face down")) + (card.matched ? ", " + say("matched", "matched") : "");
        card.el.setAttribute("aria-label", label);
        card.el.setAttribute("aria-disabled", card.matched || done ? "true" : "false");
        card.face.textContent = up ? card.symbol : "";
        card.el.className = "aw-game-memory__card" + (up ? " is-up" : "") + (card.matched ? " is-matched" : "");
      });
      movesOut.textContent = String(moves);
      pairsOut.textContent = pairs + " / " + symbols.length;
    }
    function hideOpen() {
      clearTimeout(timer);
      timer = null;
      open = [];
    }
    function flip(i) {
      var card = deck[i];
      if (done || card.matched || open.indexOf(i) >= 0) return;
      if (open.length === 2) hideOpen();
      open.push(i);
      if (open.length === 2) {
        moves += 1;
        var a = deck[open[0]];
        var b = deck[open[1]];
        if (a.symbol === b.symbol) {
          a.matched = b.matched = true;
          pairs += 1;
          open = [];
          if (pairs === symbols.length) {
            done = true;
            status.textContent = say("game-memory.won", "You won in {n} moves!", { n: moves });
          } else status.textContent = say("game-memory.match", "A match: {symbol}!", { symbol: a.symbol });
        } else {
          status.textContent = say("game-memory.miss", "{a} and {b} do not match.", { a: a.symbol, b: b.symbol });
          timer = setTimeout(function () { hideOpen(); render(); }, delay);
        }
      } else status.textContent = say("card", "Card") + " " + (i + 1) + ": " + card.symbol;
      render();
    }
    function start() {
      hideOpen();
      moves = 0;
      pairs = 0;
      done = false;
      status.textContent = "";
      grid.textContent = "";
      deck = shuffle(symbols.concat(symbols)).map(function (symbol, i) {
        var face = h("span", { class: "aw-game-memory__face", "aria-hidden": "true" });
        var el = h("button", { type: "button", onclick: function () { flip(i); } }, face);
        grid.appendChild(el);
        return { symbol: symbol, matched: false, el: el, face: face };
      });
      render();
    }

    root.awGame = {
      state: function () {
        return { symbols: deck.map(function (c) { return c.symbol; }), open: open.slice(), moves: moves, pairs: pairs, done: done,
          matched: deck.map(function (c) { return c.matched; }) };
      },
    };
    start();
  });

  AW.selftest("game-memory", async function (root, t, config) {
    var symbols = symbolsOf(config);
    var newGame = Array.prototype.filter.call(root.querySelectorAll("button"), function (b) { return b.textContent.trim() === AW.t("new_game", "New game"); })[0];
    t.ok(!!newGame, "there is a New game button");
    newGame.click();
    await t.wait(20);
    var cards = root.querySelectorAll(".aw-game-memory__card");
    t.ok(cards.length === symbols.length * 2, "the board has " + symbols.length * 2 + " cards");
    var faceDown = Array.prototype.every.call(cards, function (c) { return c.getAttribute("aria-label").split(", ")[1] === AW.t("face_down", "face down"); });
    t.ok(faceDown, "all cards start face down");
    function shown(i) {
      var label = cards[i].getAttribute("aria-label");
      return label.split(", ")[1];
    }
    /* look at every card two by two, remembering what each one shows */
    var seen = [];
    var checkedFlipBack = false;
    for (var i = 0; i < cards.length; i += 2) {
      cards[i].click();
      seen[i] = shown(i);
      cards[i + 1].click();
      seen[i + 1] = shown(i + 1);
      t.ok(symbols.indexOf(seen[i]) >= 0 && symbols.indexOf(seen[i + 1]) >= 0, "a clicked card shows its symbol");
      if (!checkedFlipBack && seen[i] !== seen[i + 1]) {
        checkedFlipBack = true;
        await t.wait((Number(config.delay) >= 0 && config.delay !== undefined ? Number(config.delay) : 900) + 150);
        t.ok(shown(i) === AW.t("face_down", "face down") && shown(i + 1) === AW.t("face_down", "face down"), "a pair that does not match turns back over");
      }
    }
    var state = root.awGame.state();
    t.ok(state.moves === cards.length / 2, "each pair of flips counts as one move");
    /* now match every pair that is still face down */
    var done = {};
    state.matched.forEach(function (m, k) { if (m) done[k] = true; });
    for (var a = 0; a < cards.length; a += 1) {
      if (done[a]) continue;
      for (var b = a + 1; b < cards.length; b += 1) {
        if (!done[b] && seen[b] === seen[a]) {
          cards[a].click();
          cards[b].click();
          done[a] = done[b] = true;
          t.ok(shown(a) === seen[a] && cards[a].getAttribute("aria-label").split(", ")[2] === AW.t("matched", "matched"), "a matching pair stays face up");
          break;
        }
      }
    }
    await t.wait(20);
    state = root.awGame.state();
    t.ok(state.pairs === symbols.length && state.done, "all pairs are found");
    var expected = AW.t("game-memory.won", "You won in {n} moves!").split("{n}").join(String(state.moves));
    t.ok(root.querySelector('[role="status"]').textContent === expected, "the game says “" + expected + "”");
    t.ok(t.text().indexOf(String(state.moves)) >= 0, "the move counter shows " + state.moves);
    cards[0].click();
    t.ok(root.awGame.state().moves === state.moves, "clicking after the win changes nothing");
    newGame.click();
    await t.wait(20);
    state = root.awGame.state();
    t.ok(state.moves === 0 && state.pairs === 0 && !state.done, "New game starts again");
  });
})();
