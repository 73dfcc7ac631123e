/* Focus timer: modes (focus, short break, optional long break) counting down in mm:ss, with
   Start / Pause / Reset; a finished focus session is counted for today (kept in the store).
   Config: {focus, short_break, long_break, heading} in minutes. */
AW.feature("timer", function (root, config) {
  "use strict";
  var h = AW.h;
  var modes = [["focus", AW.t("timer.focus", "Focus"), Number(config.focus) || 25], ["short_break", AW.t("timer.short_break", "Short break"), Number(config.short_break) || 5]];
  if (config.long_break) modes.push(["long_break", AW.t("timer.long_break", "Long break"), Number(config.long_break)]);
  var mode = modes[0];
  var left = mode[2] * 60;
  var ticking = null;
  var clock = h("p", { class: "aw-timer__clock", role: "timer", "aria-live": "off" });
  var status = h("p", { class: "aw-timer__status muted", role: "status", "aria-live": "polite" });
  var startButton = h("button", { type: "button", class: "btn btn-primary" });
  var resetButton = h("button", { type: "button", class: "btn btn-outline", text: AW.t("timer.reset", "Reset") });
  var modeButtons = modes.map(function (m) {
    return h("button", { type: "button", class: "btn btn-outline btn-small", "data-mode": m[0], onclick: function () { choose(m); } }, m[1] + " · " + m[2] + " min");
  });
  function mmss(seconds) { var m = Math.floor(seconds / 60), s = seconds % 60; return (m < 10 ? "0" : "") + m + ":" + (s < 10 ? "0" : "") + s; }
  function doneToday() { return Number(AW.db.kv("timer-" + AW.today()) || 0); }
  function draw() {
    clock.textContent = mmss(left);
    startButton.textContent = ticking ? AW.t("timer.pause", "Pause") : left < mode[2] * 60 ? AW.t("timer.resume", "Resume") : AW.t("timer.start", "Start");
    modeButtons.forEach(function (b) { b.setAttribute("aria-pressed", b.getAttribute("data-mode") === mode[0] ? "true" : "false"); });
    status.textContent = mode[1] + " · " + AW.t("timer.today", "Focus sessions today") + ": " + doneToday();
  }
  function stop() { if (ticking) { clearInterval(ticking); ticking = null; } }
  function choose(m) { stop(); mode = m; left = m[2] * 60; draw(); }
  function finish() {
    stop();
    if (mode[0] === "focus") AW.db.kv("timer-" + AW.today(), doneToday() + 1);
    AW.toast(mode[1] + ": " + AW.t("timer.finished", "time is up."));
    choose(mode[0] === "focus" ? modes[1] : modes[0]);
  }
  startButton.addEventListener("click", function () {
    if (ticking) { stop(); draw(); return; }
    ticking = setInterval(function () { left -= 1; if (left <= 0) finish(); else draw(); }, 1000);
    draw();
  });
  resetButton.addEventListener("click", function () { stop(); left = mode[2] * 60; draw(); });
  root.appendChild(h("div", { class: "aw-timer card" },
    h("h2", { text: config.heading || AW.t("timer.title", "Focus timer") }),
    h("div", { class: "btn-row", role: "group", "aria-label": AW.t("timer.mode", "Mode") }, modeButtons),
    clock, h("div", { class: "btn-row" }, startButton, resetButton), status));
  root._timer = { tick: function (n) { left = Math.max(0, left - n); if (left === 0) finish(); else draw(); } };
  draw();
});

AW.selftest("timer", async function (root, t, config) {
  var focus = Number(config.focus) || 25, pause = Number(config.short_break) || 5;
  function button(label) {
    return Array.prototype.filter.call(root.querySelectorAll("button"), function (b) { return b.textContent.trim().indexOf(label) === 0; })[0];
  }
  function clock() { return root.querySelector(".aw-timer__clock").textContent; }
  var pad = function (n) { return (n < 10 ? "0" : "") + n + ":00"; };
  t.ok(clock() === pad(focus), "the timer starts at the focus length");
  button(AW.t("timer.start", "Start")).click();
  t.ok(!!button(AW.t("timer.pause", "Pause")), "Start turns into Pause");
  button(AW.t("timer.pause", "Pause")).click();
  t.ok(!!button(AW.t("timer.start", "Start")) || !!button(AW.t("timer.resume", "Resume")), "Pause stops it");
  button(AW.t("timer.short_break", "Short break")).click();
  t.ok(clock() === pad(pause), "the break has its own length");
  var before = Number(AW.db.kv("timer-" + AW.today()) || 0);
  button(AW.t("timer.focus", "Focus")).click();
  root._timer.tick(focus * 60);  /* the fast-forward the feature leaves for its self-test */
  t.ok(Number(AW.db.kv("timer-" + AW.today()) || 0) === before + 1 && clock() === pad(pause), "a finished focus session is counted and a break follows");
  AW.db.kv("timer-" + AW.today(), before);
  button(AW.t("timer.reset", "Reset")).click();
  button(AW.t("timer.focus", "Focus")).click();
  t.ok(clock() === pad(focus), "Reset brings it back");
});
