/* Text counter: words, characters (with and without spaces), sentences, paragraphs and
   reading time of the text typed or pasted, counted as it changes; the text is kept.
   Config: {heading}. */
AW.textStats = function (text) {
  var trimmed = String(text || "").trim();
  var words = trimmed ? trimmed.split(/\s+/).length : 0;
  return {
    words: words,
    characters: String(text || "").length,
    no_spaces: String(text || "").replace(/\s/g, "").length,
    sentences: trimmed ? (trimmed.match(/[^.!?]+[.!?]+|[^.!?]+$/g) || []).length : 0,
    paragraphs: trimmed ? trimmed.split(/\n\s*\n/).length : 0,
    minutes: Math.max(words ? 1 : 0, Math.round(words / 200)),
  };
};

AW.feature("text-stats", function (root, config) {
  "use strict";
  var h = AW.h;
  var uid = AW.uid("txt");
  var area = h("textarea", { id: uid + "-text", name: "text", class: "input aw-text-stats__text", rows: 8, placeholder: AW.t("text.paste", "Type or paste your text here") });
  area.value = AW.db.kv("text-stats") || "";
  var rows = [
    ["words", AW.t("text.words", "Words")], ["characters", AW.t("text.characters", "Characters")],
    ["no_spaces", AW.t("text.no_spaces", "Characters without spaces")], ["sentences", AW.t("text.sentences", "Sentences")],
    ["paragraphs", AW.t("text.paragraphs", "Paragraphs")], ["minutes", AW.t("text.minutes", "Reading time (minutes)")],
  ];
  var out = {};
  var list = h("dl", { class: "aw-text-stats__counts", "aria-live": "polite" }, rows.map(function (r) {
    out[r[0]] = h("dd", { text: "0" });
    return h("div", { class: "card" }, h("dt", { text: r[1] }), out[r[0]]);
  }));
  function draw() {
    var stats = AW.textStats(area.value);
    rows.forEach(function (r) { out[r[0]].textContent = AW.number(stats[r[0]]); });
    AW.db.kv("text-stats", area.value);
  }
  area.addEventListener("input", draw);
  var clear = h("button", { type: "button", class: "btn btn-outline", onclick: function () { area.value = ""; draw(); area.focus(); } }, AW.t("text.clear", "Clear"));
  root.appendChild(h("div", { class: "aw-text-stats" },
    h("h2", { text: config.heading || AW.t("text.title", "Count words and characters") }),
    h("div", { class: "field" }, h("label", { for: area.id, text: AW.t("text.label", "Text") }), area),
    h("div", { class: "btn-row" }, clear), list));
  draw();
});

AW.selftest("text-stats", async function (root, t) {
  var area = root.querySelector("textarea");
  var kept = area.value;
  t.fill(area, "Two short sentences here. And one more!\n\nA new paragraph");
  var counts = Array.prototype.map.call(root.querySelectorAll("dd"), function (d) { return d.textContent; });
  t.ok(counts[0] === "10", "words are counted (10, not " + counts[0] + ")");
  t.ok(counts[1] === "56" && counts[2] === "46", "characters with and without spaces are counted");
  t.ok(counts[3] === "3" && counts[4] === "2", "sentences and paragraphs are counted");
  t.fill(area, kept);
});
