/* 2048: slide numbered tiles on a square board; equal tiles merge and add to the score.
   Arrow keys (anywhere on the page except while typing in a field), swipes on the board
   and on-screen Up / Down / Left / Right buttons. The best score is kept in the store.
   Config: {size: 4 (3-6), target: 2048}. */
(function () {
  "use strict";
  var h = AW.h;
  var BEST_KEY = "game-2048:best";

  var say = AW.t;

  AW.feature("game-2048", function (root, config) {
    var size = Math.min(6, Math.max(3, Math.round(Number(config.size) || 4)));
    var target = Number(config.target) || 2048;
    var uid = AW.uid("g2048");
    var cells = [];
    var score = 0;
    var best = Number(AW.db.kv(BEST_KEY)) || 0;
    var won = false;
    var over = false;
    var fresh = -1;
    var merged = {};
    var names = {
      up: say("up", "Up"), down: say("down", "Down"), left: say("left", "Left"), right: say("right", "Right"),
    };

    var scoreOut = h("dd", { class: "aw-game-2048__value", id: uid + "-score" }, "0");
    var bestOut = h("dd", { class: "aw-game-2048__value", id: uid + "-best" }, String(best));
    var newGame = h("button", { type: "button", class: "btn btn-primary aw-game-2048__new", onclick: function () { start(); } }, say("new_game", "New game"));
    var status = h("p", { class: "aw-game-2048__status", role: "status", "aria-live": "polite" });
    var announce = h("p", { class: "visually-hidden", "aria-live": "polite" });
    var help = h("p", { class: "aw-game-2048__help", id: uid + "-help",
      text: say("game-2048.help", "Use the arrow keys, swipe on the board or the buttons below. Tiles with the same number merge into one when they touch. Reach {target} to win!", { target: target }) });
    var board = h("div", { class: "aw-game-2048__board", role: "grid", "aria-readonly": "true",
      "aria-label": say("game-2048.board", "2048 board"), "aria-describedby": uid + "-help", style: "--aw-size:" + size });
    var cellEls = [];
    for (var r = 0; r < size; r += 1) {
      var row = h("div", { class: "aw-game-2048__row", role: "row" });
      for (var c = 0; c < size; c += 1) {
        var cell = h("div", { class: "aw-game-2048__cell", role: "gridcell" });
        cellEls.push(cell);
        row.appendChild(cell);
      }
      board.appendChild(row);
    }
    function padButton(dir, arrow) {
      return h("button", { type: "button", class: "btn btn-outline aw-game-2048__dir aw-game-2048__dir--" + dir,
        onclick: function () { move(dir); } }, h("span", { "aria-hidden": "true" }, arrow), " " + names[dir]);
    }
    var pad = h("div", { class: "aw-game-2048__pad", role: "group", "aria-label": say("game-2048.moves", "Move the tiles") },
      padButton("up", "↑"), padButton("left", "←"), padButton("down", "↓"), padButton("right", "→"));

    root.appendChild(h("div", { class: "aw-game-2048" },
      h("div", { class: "aw-game-2048__top" },
        h("dl", { class: "aw-game-2048__scores" },
          h("div", { class: "aw-game-2048__score" }, h("dt", { text: say("score", "Score") }), scoreOut),
          h("div", { class: "aw-game-2048__score" }, h("dt", { text: say("best", "Best") }), bestOut)),
        newGame),
      help, status, board, pad, announce));

    function empties() {
      var list = [];
      cells.forEach(function (v, i) { if (!v) list.push(i); });
      return list;
    }
    function addTile() {
      var free = empties();
      if (!free.length) { fresh = -1; return; }
      fresh = free[Math.floor(Math.random() * free.length)];
      cells[fresh] = Math.random() < 0.9 ? 2 : 4;
    }
    function canMove() {
      for (var i = 0; i < cells.length; i += 1) {
        if (!cells[i]) return true;
        var col = i % size;
        if (col < size - 1 && cells[i] === cells[i + 1]) return true;
        if (i + size < cells.length && cells[i] === cells[i + size]) return true;
      }
      return false;
    }
    /* the cell indices of line i, starting at the edge the tiles slide towards */
    function line(dir, i) {
      var idx = [];
      for (var j = 0; j < size; j += 1) {
        if (dir === "left") idx.push(i * size + j);
        else if (dir === "right") idx.push(i * size + (size - 1 - j));
        else if (dir === "up") idx.push(j * size + i);
        else idx.push((size - 1 - j) * size + i);
      }
      return idx;
    }
    function tier(v) {
      if (v >= target) return "top";
      if (v >= 128) return "high";
      if (v >= 8) return "mid";
      return "low";
    }
    function render() {
      cells.forEach(function (v, i) {
        var el = cellEls[i];
        el.textContent = "";
        el.className = "aw-game-2048__cell";
        if (v) {
          el.appendChild(document.createTextNode(String(v)));
          el.className += " aw-game-2048__cell--" + tier(v) + (String(v).length > 3 ? " aw-game-2048__cell--long" : "") +
            (i === fresh ? " aw-game-2048__cell--new" : "") + (merged[i] ? " aw-game-2048__cell--merged" : "");
        } else {
          el.appendChild(h("span", { class: "visually-hidden", text: say("empty", "empty") }));
        }
      });
      scoreOut.textContent = String(score);
      bestOut.textContent = String(best);
    }
    function setStatus() {
      if (over) status.textContent = (won ? say("you_win", "You win!") + " " : "") + say("game_over", "Game over") + " — " + say("game-2048.final", "final score {score}.", { score: score });
      else if (won) status.textContent = say("you_win", "You win!") + " " + say("game-2048.keep", "Keep going for a higher score.");
      else status.textContent = "";
    }
    function move(dir) {
      if (over) { announce.textContent = say("game_over", "Game over") + ". " + say("game-2048.again", "Press New game to play again."); return false; }
      var moved = false;
      var gained = 0;
      merged = {};
      for (var i = 0; i < size; i += 1) {
        var idx = line(dir, i);
        var values = idx.map(function (k) { return cells[k]; }).filter(function (v) { return v; });
        var out = [];
        for (var k = 0; k < values.length; k += 1) {
          if (k + 1 < values.length && values[k] === values[k + 1]) {
            out.push(values[k] * 2);
            gained += values[k] * 2;
            merged[idx[out.length - 1]] = true;
            k += 1;
          } else out.push(values[k]);
        }
        while (out.length < size) out.push(0);
        for (var n = 0; n < size; n += 1) {
          if (cells[idx[n]] !== out[n]) moved = true;
          cells[idx[n]] = out[n];
        }
      }
      if (!moved) { announce.textContent = say("game-2048.stuck", "Nothing moves {dir}.", { dir: names[dir].toLowerCase() }); return false; }
      score += gained;
      if (score > best) { best = score; AW.db.kv(BEST_KEY, best); }
      addTile();
      if (!won && cells.some(function (v) { return v >= target; })) won = true;
      if (!canMove()) over = true;
      render();
      setStatus();
      announce.textContent = names[dir] + ". " + say("score", "Score") + ": " + score + ".";
      return true;
    }
    function start() {
      cells = [];
      for (var i = 0; i < size * size; i += 1) cells.push(0);
      score = 0;
      best = Math.max(score, Number(AW.db.kv(BEST_KEY)) || 0);
      won = false;
      over = false;
      merged = {};
      addTile();
      addTile();
      render();
      setStatus();
      announce.textContent = say("game-2048.started", "New game started.");
    }

    function onKey(event) {
      if (!root.isConnected) { document.removeEventListener("keydown", onKey); return; }
      var dir = AW.arrowFor(root, event);
      if (!dir) return;
      event.preventDefault();
      move(dir);
    }
    document.addEventListener("keydown", onKey);

    var touch = null;
    board.addEventListener("touchstart", function (event) {
      var p = event.changedTouches[0];
      touch = { x: p.clientX, y: p.clientY };
    }, { passive: true });
    board.addEventListener("touchend", function (event) {
      if (!touch) return;
      var p = event.changedTouches[0];
      var dx = p.clientX - touch.x;
      var dy = p.clientY - touch.y;
      touch = null;
      if (Math.max(Math.abs(dx), Math.abs(dy)) < 24) return;
      if (Math.abs(dx) > Math.abs(dy)) move(dx > 0 ? "right" : "left");
      else move(dy > 0 ? "down" : "up");
    });

    /* a small handle for the self-test: read the state, or lay out a chosen board */
    root.awGame = {
      state: function () { return { cells: cells.slice(), score: score, best: best, won: won, over: over, size: size, target: target }; },
      load: function (values, points) {
        cells = values.slice(0, size * size);
        while (cells.length < size * size) cells.push(0);
        score = points || 0;
        won = cells.some(function (v) { return v >= target; });
        over = !canMove();
        fresh = -1;
        merged = {};
        render();
        setStatus();
      },
      move: move,
    };
    start();
  });

  AW.selftest("game-2048", async function (root, t) {
    var game = root.awGame;
    t.ok(!!game, "the game started");
    if (!game) return;
    var savedBest = AW.db.kv(BEST_KEY);
    function button(label) {
      return Array.prototype.filter.call(root.querySelectorAll("button"), function (b) { return b.textContent.trim().slice(-label.length) === label; })[0];
    }
    function key(name, target) {
      if (!target) root.querySelector(".aw-game-2048__new").focus(); /* keys go to the game that has focus */
      (target || document.activeElement || document.body).dispatchEvent(new KeyboardEvent("keydown", { key: name, bubbles: true, cancelable: true }));
    }
    function sum(cells) { return cells.reduce(function (a, b) { return a + b; }, 0); }
    var size = game.state().size;

    button(AW.t("new_game", "New game")).click();
    await t.wait(20);
    var s = game.state();
    t.ok(root.querySelectorAll('[role="gridcell"]').length === size * size, "the board has " + size * size + " cells");
    t.ok(s.cells.filter(Boolean).length === 2 && s.score === 0, "a new game starts with two tiles and score 0");
    t.ok(/score/i.test(t.text()) && /best/i.test(t.text()), "Score and Best are shown");

    /* arrow keys until the board changes */
    var before = s.cells.slice();
    var keys = ["ArrowLeft", "ArrowUp", "ArrowRight", "ArrowDown"];
    for (var i = 0; i < keys.length && game.state().cells.join() === before.join(); i += 1) { key(keys[i]); await t.wait(10); }
    s = game.state();
    t.ok(s.cells.join() !== before.join(), "an arrow key moves the tiles");
    var total = sum(s.cells) - sum(before);
    t.ok(total === 2 || total === 4, "each move adds one new 2 or 4 tile");
    t.ok(s.score >= 0 && s.score % 2 === 0 && s.cells.filter(Boolean).length <= 3, "score and tile count are sane after a move");

    /* merging, scoring and the on-screen buttons */
    game.load([2, 2, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0].slice(0, size * size), 0);
    button(AW.t("left", "Left")).click();
    await t.wait(10);
    s = game.state();
    t.ok(s.cells[0] === 4 && s.cells[1] === 4 && s.score === 4, "two 2s merge into a 4 and score 4 (Left button)");
    t.ok(root.querySelector(".aw-game-2048__value").textContent === "4", "the visible score is 4");
    t.ok(s.cells.filter(Boolean).length === 3, "a new tile appears after the merge");
    var pair = [4, 4, 0, 0];
    while (pair.length < size * size) pair.push(0);
    game.load(pair, 4);
    button(AW.t("right", "Right")).click();
    await t.wait(10);
    t.ok(game.state().cells[size - 1] === 8 && game.state().score === 12, "the two 4s merge into an 8 (Right button)");

    /* the keyboard is ignored while typing in a field */
    var field = h("input", { type: "text", "aria-label": "selftest" });
    root.appendChild(field);
    field.focus();
    before = game.state().cells.join();
    key("ArrowDown", field);
    key("ArrowUp", field);
    await t.wait(10);
    t.ok(game.state().cells.join() === before, "arrow keys typed into a text field do not move the tiles");
    field.remove();

    /* win and game over */
    var winBoard = [1024, 1024, 0, 0];
    while (winBoard.length < size * size) winBoard.push(0);
    game.load(winBoard, 0);
    key("ArrowLeft");
    await t.wait(10);
    t.ok(game.state().won && t.text().indexOf(AW.t("you_win", "You win!")) >= 0, "reaching the target says You win!");
    var full = [];
    for (var k = 0; k < size * size; k += 1) full.push(((k + Math.floor(k / size)) % 2) ? 2 : 4);
    game.load(full, 10);
    t.ok(game.state().over && root.querySelector('[role="status"]').textContent.indexOf(AW.t("game_over", "Game over")) >= 0, "a stuck board says Game over");
    t.ok(Number(AW.db.kv(BEST_KEY)) >= 12, "the best score is saved");

    AW.db.kv(BEST_KEY, savedBest);
    button(AW.t("new_game", "New game")).click();
    await t.wait(10);
    t.ok(!game.state().over && game.state().score === 0 && game.state().cells.filter(Boolean).length === 2, "New game resets the board");
  });
})();
