/* Snake: steer a growing snake to the food on a canvas board. It stays still until Start
   (or an arrow key / direction button) is pressed; hitting a wall or itself ends the game.
   Arrow keys work anywhere on the page except while typing in a field. Best score kept
   in the store. Config: {cells: 16 (10-30), speed: 6 (steps a second, 2-15), walls: true}. */
(function () {
  "use strict";
  var h = AW.h;
  var BEST_KEY = "game-snake:best";
  var DIRS = { up: { x: 0, y: -1 }, down: { x: 0, y: 1 }, left: { x: -1, y: 0 }, right: { x: 1, y: 0 } };

  var say = AW.t;

  AW.feature("game-snake", function (root, config) {
    var n = Math.min(30, Math.max(10, Math.round(Number(config.cells) || 16)));
    var speed = Math.min(15, Math.max(2, Number(config.speed) || 6));
    var walls = config.walls !== false;
    var px = 20;
    var snake = [];
    var dir = DIRS.right;
    var queue = [];
    var food = null;
    var score = 0;
    var best = Number(AW.db.kv(BEST_KEY)) || 0;
    var running = false;
    var started = false;
    var over = false;
    var timer = null;
    var names = { up: say("up", "Up"), down: say("down", "Down"), left: say("left", "Left"), right: say("right", "Right") };

    var canvas = h("canvas", { class: "aw-game-snake__canvas", width: n * px, height: n * px, role: "img" });
    var scoreOut = h("dd", { class: "aw-game-snake__value" }, "0");
    var bestOut = h("dd", { class: "aw-game-snake__value" }, String(best));
    var status = h("p", { class: "aw-game-snake__status", role: "status", "aria-live": "polite" });
    var toggle = h("button", { type: "button", class: "btn btn-primary aw-game-snake__toggle", onclick: function () { toggleRun(); } }, say("start", "Start"));
    function padButton(name, arrow) {
      return h("button", { type: "button", class: "btn btn-outline aw-game-snake__dir aw-game-snake__dir--" + name,
        onclick: function () { steer(name); } }, h("span", { "aria-hidden": "true" }, arrow), " " + names[name]);
    }
    root.appendChild(h("div", { class: "aw-game-snake" },
      h("p", { class: "aw-game-snake__help", text: say("game-snake.help", "Press Start or an arrow key, then steer with the arrow keys or the buttons to eat the food. Don't hit the walls or yourself.") }),
      h("div", { class: "aw-game-snake__top" },
        h("dl", { class: "aw-game-snake__scores" },
          h("div", { class: "aw-game-snake__score" }, h("dt", { text: say("score", "Score") }), scoreOut),
          h("div", { class: "aw-game-snake__score" }, h("dt", { text: say("best", "Best") }), bestOut)),
        toggle),
      status,
      h("div", { class: "aw-game-snake__frame" }, canvas),
      h("div", { class: "aw-game-snake__pad", role: "group", "aria-label": say("game-snake.steer", "Steer the snake") },
        padButton("up", "↑"), padButton("left", "←"), padButton("down", "↓"), padButton("right", "→"))));

    function colour(name, fallback) {
      var v = getComputedStyle(root).getPropertyValue(name).trim();
      return v || fallback;
    }
    function draw() {
      var ctx = canvas.getContext && canvas.getContext("2d");
      if (!ctx) return;
      ctx.fillStyle = colour("--surface", "#f4f4f5");
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.fillStyle = colour("--border", "#ddd");
      for (var i = 1; i < n; i += 1) {
        ctx.fillRect(i * px, 0, 1, canvas.height);
        ctx.fillRect(0, i * px, canvas.width, 1);
      }
      if (food) {
        ctx.fillStyle = colour("--accent", "#b45309");
        ctx.beginPath();
        ctx.arc(food.x * px + px / 2, food.y * px + px / 2, px * 0.38, 0, Math.PI * 2);
        ctx.fill();
      }
      snake.forEach(function (part, k) {
        ctx.fillStyle = k === 0 ? colour("--text", "#1a1a1a") : colour("--primary", "#1d4ed8");
        ctx.fillRect(part.x * px + 1, part.y * px + 1, px - 2, px - 2);
      });
      if (snake.length) {
        ctx.fillStyle = colour("--bg", "#fff");
        var head = snake[0];
        var cx = head.x * px + px / 2 + dir.x * 4;
        var cy = head.y * px + px / 2 + dir.y * 4;
        ctx.fillRect(cx - 2 - dir.y * 4, cy - 2 - dir.x * 4, 4, 4);
        ctx.fillRect(cx - 2 + dir.y * 4, cy - 2 + dir.x * 4, 4, 4);
      }
    }
    function describe() {
      canvas.setAttribute("aria-label", say("game-snake.board", "Snake board, {n} by {n} squares", { n: n }) + ". " +
        say("score", "Score") + " " + score + ". " + say("game-snake.length", "Length {len}.", { len: snake.length }));
      scoreOut.textContent = String(score);
      bestOut.textContent = String(best);
    }
    function placeFood() {
      var free = [];
      for (var y = 0; y < n; y += 1) {
        for (var x = 0; x < n; x += 1) {
          if (!snake.some(function (p) { return p.x === x && p.y === y; })) free.push({ x: x, y: y });
        }
      }
      food = free.length ? free[Math.floor(Math.random() * free.length)] : null;
    }
    function reset() {
      stop();
      var mid = Math.floor(n / 2);
      snake = [{ x: mid, y: mid }, { x: mid - 1, y: mid }, { x: mid - 2, y: mid }];
      dir = DIRS.right;
      queue = [];
      score = 0;
      best = Number(AW.db.kv(BEST_KEY)) || 0;
      over = false;
      started = false;
      placeFood();
      describe();
      draw();
    }
    function stop() {
      clearInterval(timer);
      timer = null;
      running = false;
    }
    function labelToggle() {
      toggle.textContent = running ? say("pause", "Pause") : started && !over ? say("resume", "Resume") : say("start", "Start");
    }
    function run() {
      if (over) reset();
      if (running) return;
      running = true;
      started = true;
      status.textContent = "";
      timer = setInterval(tick, Math.round(1000 / speed));
      labelToggle();
    }
    function pause(quiet) {
      if (!running) return;
      stop();
      labelToggle();
      if (!quiet) status.textContent = say("paused", "Paused");
    }
    function toggleRun() {
      if (running) pause();
      else run();
    }
    function gameOver() {
      stop();
      over = true;
      if (score > (Number(AW.db.kv(BEST_KEY)) || 0)) {
        best = score;
        AW.db.kv(BEST_KEY, best);
        status.textContent = say("game_over", "Game over") + " — " + say("game-snake.newbest", "a new best score of {score}!", { score: score });
      } else status.textContent = say("game_over", "Game over") + " — " + say("game-snake.final", "you scored {score}.", { score: score });
      describe();
      labelToggle();
    }
    function step() {
      if (over) return;
      if (queue.length) dir = queue.shift();
      var head = { x: snake[0].x + dir.x, y: snake[0].y + dir.y };
      if (!walls) { head.x = (head.x + n) % n; head.y = (head.y + n) % n; }
      if (head.x < 0 || head.y < 0 || head.x >= n || head.y >= n) { gameOver(); draw(); return; }
      var eating = food && head.x === food.x && head.y === food.y;
      var body = eating ? snake : snake.slice(0, -1);
      if (body.some(function (p) { return p.x === head.x && p.y === head.y; })) { gameOver(); draw(); return; }
      snake.unshift(head);
      if (eating) {
        score += 1;
        if (score > best) { best = score; }
        placeFood();
        describe();
        if (!food) { gameOver(); }
      } else snake.pop();
      draw();
    }
    function tick() {
      if (!root.isConnected) { stop(); document.removeEventListener("keydown", onKey); return; }
      if (document.hidden || !root.getClientRects().length) { pause(); return; }
      step();
    }
    function steer(name) {
      var next = DIRS[name];
      var last = queue.length ? queue[queue.length - 1] : dir;
      if (!(next.x === -last.x && next.y === -last.y) && !(next.x === last.x && next.y === last.y) && queue.length < 3) {
        if (!running && !over && !started) dir = next; /* the first press only points the snake */
        else queue.push(next);
      }
      if (!running) run();
    }
    function onKey(event) {
      if (!root.isConnected) { stop(); document.removeEventListener("keydown", onKey); return; }
      var name = AW.arrowFor(root, event);
      if (!name) return;
      event.preventDefault();
      steer(name);
    }
    document.addEventListener("keydown", onKey);
    document.addEventListener("visibilitychange", function () { if (document.hidden) pause(); });

    root.awGame = {
      state: function () {
        return { snake: snake.map(function (p) { return { x: p.x, y: p.y }; }), dir: dir, food: food, score: score, best: best,
          running: running, over: over, cells: n, speed: speed };
      },
      step: step,
      food: function (x, y) { food = { x: x, y: y }; draw(); },
      pause: function () { pause(true); },
      reset: function () { reset(); status.textContent = ""; labelToggle(); },
    };
    reset();
    labelToggle();
  });

  AW.selftest("game-snake", async function (root, t) {
    var game = root.awGame;
    t.ok(!!game, "the game is ready");
    if (!game) return;
    var savedBest = AW.db.kv(BEST_KEY);
    var canvas = root.querySelector("canvas");
    t.ok(canvas && canvas.getAttribute("role") === "img" && /\S/.test(canvas.getAttribute("aria-label") || ""), "the canvas is an image with a text description");
    function button(label) {
      return Array.prototype.filter.call(root.querySelectorAll("button"), function (b) { return b.textContent.trim().slice(-label.length) === label; })[0];
    }
    function key(name, target) {
      if (!target) root.querySelector(".aw-game-snake__toggle").focus(); /* keys go to the game that has focus */
      (target || document.activeElement || document.body).dispatchEvent(new KeyboardEvent("keydown", { key: name, bubbles: true, cancelable: true }));
    }
    var toggle = root.querySelector(".aw-game-snake__toggle");
    game.reset();
    var s = game.state();
    var head = s.snake[0];
    var stepMs = Math.round(1000 / s.speed);
    await t.wait(stepMs * 2 + 50);
    t.ok(game.state().snake[0].x === head.x && !game.state().running, "the snake does not move before Start");
    t.ok(toggle.textContent === AW.t("start", "Start"), "the button says Start");

    toggle.click();
    t.ok(toggle.textContent === AW.t("pause", "Pause"), "after Start the button says Pause");
    await t.wait(stepMs * 2 + 60);
    t.ok(game.state().snake[0].x > head.x, "after Start the snake moves right");
    toggle.click();
    var paused = game.state().snake[0].x;
    await t.wait(stepMs * 2 + 60);
    t.ok(!game.state().running && game.state().snake[0].x === paused, "Pause stops the snake");

    /* an arrow key starts and steers */
    game.reset();
    head = game.state().snake[0];
    key("ArrowUp");
    t.ok(game.state().running, "an arrow key starts the game");
    game.pause();
    game.step();
    t.ok(game.state().snake[0].y === head.y - 1 && game.state().snake[0].x === head.x, "ArrowUp steers the snake up");
    var field = h("input", { type: "text", "aria-label": "selftest" });
    root.appendChild(field);
    field.focus();
    key("ArrowLeft", field);
    field.remove();
    game.step();
    t.ok(game.state().snake[0].x === head.x && !game.state().running, "arrow keys typed into a text field are ignored");

    /* eating grows the snake and scores */
    s = game.state();
    var len = s.snake.length;
    game.food(s.snake[0].x, s.snake[0].y - 1);
    game.step();
    s = game.state();
    t.ok(s.score === 1 && s.snake.length === len + 1, "eating the food scores 1 and grows the snake");
    t.ok(root.querySelector(".aw-game-snake__value").textContent === "1", "the visible score is 1");
    button(AW.t("right", "Right")).click();
    game.pause();
    game.step();
    t.ok(game.state().snake[0].x === s.snake[0].x + 1, "the Right button steers right");

    /* run into the wall */
    for (var i = 0; i < s.cells + 2 && !game.state().over; i += 1) game.step();
    t.ok(game.state().over, "hitting the wall ends the game");
    t.ok(root.querySelector('[role="status"]').textContent.indexOf(AW.t("game_over", "Game over")) >= 0, "the game says Game over");
    t.ok(Number(AW.db.kv(BEST_KEY)) >= 1, "the best score is saved");
    t.ok(toggle.textContent === AW.t("start", "Start"), "after the game ends the button says Start again");

    AW.db.kv(BEST_KEY, savedBest);
    game.reset();
    t.ok(!game.state().over && game.state().score === 0 && game.state().snake.length === 3, "a new game resets the snake");
  });
})();
