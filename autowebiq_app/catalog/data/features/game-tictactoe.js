/* Tic-tac-toe: a 3×3 board of buttons for two players, or against a simple computer
   player (wins when it can, blocks, then takes the centre, a corner, a side). X always
   starts. A scoreboard of X wins, O wins and draws is kept in the store.
   Config: {computer: true, delay: 350}. */
(function () {
  "use strict";
  var h = AW.h;
  var SCORE_KEY = "game-tictactoe:score";
  var LINES = [[0, 1, 2], [3, 4, 5], [6, 7, 8], [0, 3, 6], [1, 4, 7], [2, 5, 8], [0, 4, 8], [2, 4, 6]];

  var say = AW.t;
  function winner(board) {
    for (var i = 0; i < LINES.length; i += 1) {
      var l = LINES[i];
      if (board[l[0]] && board[l[0]] === board[l[1]] && board[l[0]] === board[l[2]]) return { mark: board[l[0]], line: l };
    }
    return null;
  }
  function completing(board, mark) {
    for (var i = 0; i < LINES.length; i += 1) {
      var l = LINES[i];
      var mine = l.filter(function (k) { return board[k] === mark; }).length;
      var free = l.filter(function (k) { return !board[k]; });
      if (mine === 2 && free.length === 1) return free[0];
    }
    return -1;
  }
  /* win, block, centre, a corner, a side */
  function computerMove(board, me, them) {
    var spot = completing(board, me);
    if (spot < 0) spot = completing(board, them);
    if (spot < 0 && !board[4]) spot = 4;
    if (spot < 0) {
      var groups = [[0, 2, 6, 8], [1, 3, 5, 7]];
      for (var g = 0; g < groups.length && spot < 0; g += 1) {
        var free = groups[g].filter(function (k) { return !board[k]; });
        if (free.length) spot = free[Math.floor(Math.random() * free.length)];
      }
    }
    return spot;
  }
  function loadScore() {
    var saved = AW.db.kv(SCORE_KEY) || {};
    return { x: Number(saved.x) || 0, o: Number(saved.o) || 0, draw: Number(saved.draw) || 0 };
  }

  AW.feature("game-tictactoe", function (root, config) {
    var uid = AW.uid("ttt");
    var delay = Number(config.delay) >= 0 && config.delay !== null && config.delay !== "" ? Number(config.delay) : 350;
    var board = ["", "", "", "", "", "", "", "", ""];
    var turn = "X";
    var result = null;
    var thinking = null;
    var score = loadScore();

    var status = h("p", { class: "aw-game-tictactoe__status", role: "status", "aria-live": "polite" });
    var vsComputer = h("input", { type: "checkbox", id: uid + "-cpu" });
    vsComputer.checked = config.computer !== false;
    vsComputer.addEventListener("change", function () { render(); maybeComputer(); });
    var grid = h("div", { class: "aw-game-tictactoe__board", role: "group", "aria-label": say("game-tictactoe.board", "Tic-tac-toe board") });
    var cells = board.map(function (_, i) {
      var b = h("button", { type: "button", class: "aw-game-tictactoe__cell", onclick: function () { play(i, false); } });
      grid.appendChild(b);
      return b;
    });
    var tally = { x: h("dd", { class: "aw-game-tictactoe__value" }), o: h("dd", { class: "aw-game-tictactoe__value" }), draw: h("dd", { class: "aw-game-tictactoe__value" }) };
    root.appendChild(h("div", { class: "aw-game-tictactoe" },
      h("div", { class: "aw-game-tictactoe__options" },
        h("label", { for: uid + "-cpu", class: "aw-game-tictactoe__check" }, vsComputer, " " + say("game-tictactoe.computer", "Play against the computer")),
        h("button", { type: "button", class: "btn btn-primary", onclick: function () { start(); } }, say("new_game", "New game"))),
      status, grid,
      h("div", { class: "aw-game-tictactoe__scores" },
        h("h3", { class: "aw-game-tictactoe__heading", text: say("scoreboard", "Scoreboard") }),
        h("dl", { class: "aw-game-tictactoe__tally" },
          h("div", null, h("dt", { text: say("game-tictactoe.xwins", "X wins") }), tally.x),
          h("div", null, h("dt", { text: say("game-tictactoe.owins", "O wins") }), tally.o),
          h("div", null, h("dt", { text: say("draws", "Draws") }), tally.draw)),
        h("button", { type: "button", class: "btn btn-outline", onclick: function () {
          score = { x: 0, o: 0, draw: 0 };
          AW.db.kv(SCORE_KEY, score);
          render();
          status.textContent = say("game-tictactoe.reset", "Scores reset.");
        } }, say("reset_scores", "Reset scores")))));

    function statusText() {
      if (result && result.mark) return say("game-tictactoe.wins", "{mark} wins!", { mark: result.mark });
      if (result) return say("draw", "Draw");
      return say("game-tictactoe.turn", "{mark}'s turn", { mark: turn });
    }
    function render() {
      var line = result && result.line ? result.line : [];
      cells.forEach(function (b, i) {
        var r = Math.floor(i / 3) + 1;
        var c = (i % 3) + 1;
        var label = say("game-tictactoe.cell", "Row {r}, column {c}", { r: r, c: c }) + (board[i] ? ", " + board[i] : "");
        b.setAttribute("aria-label", label);
        b.setAttribute("aria-disabled", board[i] || result ? "true" : "false");
        b.textContent = board[i];
        b.className = "aw-game-tictactoe__cell" + (board[i] ? " is-" + board[i].toLowerCase() : "") + (line.indexOf(i) >= 0 ? " is-winning" : "");
      });
      tally.x.textContent = String(score.x);
      tally.o.textContent = String(score.o);
      tally.draw.textContent = String(score.draw);
      status.textContent = statusText();
    }
    function finish() {
      var win = winner(board);
      if (win) result = win;
      else if (board.every(function (v) { return v; })) result = { mark: "", line: [] };
      if (!result) return false;
      score = loadScore();
      if (result.mark === "X") score.x += 1;
      else if (result.mark === "O") score.o += 1;
      else score.draw += 1;
      AW.db.kv(SCORE_KEY, score);
      return true;
    }
    function play(i, byComputer) {
      if (result || board[i]) return;
      if (!byComputer && (thinking || (vsComputer.checked && turn === "O"))) return;
      board[i] = turn;
      turn = turn === "X" ? "O" : "X";
      finish();
      render();
      maybeComputer();
    }
    function maybeComputer() {
      if (result || !vsComputer.checked || turn !== "O" || thinking) return;
      thinking = setTimeout(function () {
        thinking = null;
        if (!root.isConnected || result || !vsComputer.checked || turn !== "O") return;
        var spot = computerMove(board, "O", "X");
        if (spot >= 0) play(spot, true);
      }, delay);
    }
    function start() {
      clearTimeout(thinking);
      thinking = null;
      board = ["", "", "", "", "", "", "", "", ""];
      turn = "X";
      result = null;
      score = loadScore();
      render();
    }
    root.awGame = { state: function () { return { board: board.slice(), turn: turn, result: result, thinking: !!thinking }; } };
    start();
  });

  AW.selftest("game-tictactoe", async function (root, t, config) {
    var saved = AW.db.kv(SCORE_KEY);
    var delay = Number(config.delay) >= 0 && config.delay !== undefined && config.delay !== null && config.delay !== "" ? Number(config.delay) : 350;
    var cells = root.querySelectorAll(".aw-game-tictactoe__cell");
    var box = root.querySelector('input[type="checkbox"]');
    var status = root.querySelector('[role="status"]');
    var newGame = Array.prototype.filter.call(root.querySelectorAll("button"), function (b) { return b.textContent.trim() === AW.t("new_game", "New game"); })[0];
    t.ok(cells.length === 9, "the board has nine squares");
    t.ok(box && box.labels[0].textContent.indexOf(AW.t("game-tictactoe.computer", "Play against the computer")) >= 0, "there is a “Play against the computer” checkbox");
    t.ok(cells[4].getAttribute("aria-label") === AW.t("game-tictactoe.cell", "Row {r}, column {c}").replace("{r}", "2").replace("{c}", "2"), "squares are labelled by row and column");
    function mark(i) { return root.awGame.state().board[i]; }
    function is(text) { return status.textContent === text; }
    var turnX = AW.t("game-tictactoe.turn", "{mark}'s turn").split("{mark}").join("X");
    var winsText = AW.t("game-tictactoe.wins", "{mark} wins!");

    /* against the computer: it takes the centre, blocks, and wins */
    if (!box.checked) { box.click(); }
    newGame.click();
    t.ok(is(turnX), "a new game starts with “" + turnX + "”");
    var before = AW.db.kv(SCORE_KEY) || {};
    cells[0].click();
    t.ok(mark(0) === "X" && /, X$/.test(cells[0].getAttribute("aria-label")), "clicking a square places an X and says so in its label");
    cells[1].click();
    t.ok(!mark(1), "you cannot move while the computer is thinking");
    await t.wait(delay + 80);
    t.ok(mark(4) === "O", "the computer takes the centre");
    cells[1].click();
    await t.wait(delay + 80);
    t.ok(mark(2) === "O", "the computer blocks X's row");
    cells[3].click();
    await t.wait(delay + 80);
    t.ok(mark(6) === "O" && is(winsText.replace("{mark}", "O")), "the computer completes its diagonal and “O wins!”");
    t.ok((AW.db.kv(SCORE_KEY) || {}).o === (Number(before.o) || 0) + 1, "the O win is counted and stored");
    cells[8].click();
    t.ok(!mark(8), "no moves after the game is won");

    /* two players: X wins, then a draw */
    box.click();
    newGame.click();
    [0, 3, 1, 4, 2].forEach(function (i) { cells[i].click(); });
    await t.wait(delay + 50);
    t.ok(is(winsText.replace("{mark}", "X")), "X completes the top row: “X wins!”");
    t.ok(root.awGame.state().board.filter(Boolean).length === 5, "the computer does not play in two-player mode");
    t.ok((AW.db.kv(SCORE_KEY) || {}).x === (Number(before.x) || 0) + 1, "the X win is counted");
    newGame.click();
    [0, 1, 2, 4, 3, 5, 7, 6, 8].forEach(function (i) { cells[i].click(); });
    t.ok(is(AW.t("draw", "Draw")), "a full board with no line is a Draw");
    t.ok((AW.db.kv(SCORE_KEY) || {}).draw === (Number(before.draw) || 0) + 1, "the draw is counted");
    t.ok(root.textContent.indexOf(AW.t("game-tictactoe.xwins", "X wins")) >= 0 && root.textContent.indexOf(AW.t("draws", "Draws")) >= 0, "the scoreboard is shown");

    AW.db.kv(SCORE_KEY, saved);
    box.checked = config.computer !== false;
    newGame.click();
  });
})();
