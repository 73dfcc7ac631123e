/* Course progress: the courses a student can take, with enrolment and progress. Each course
   card has Enroll; an enrolled course shows "Enrolled", a progress bar and "n%". A course's
   page (#/course/<id>) lists its lessons in order, each with "Mark as complete"; progress is
   completed lessons ÷ lessons. What a learner did is kept in the store under their account
   ("guest" when signed out), so it survives a reload.
   Config: {entity: "course", lessons: "lesson", via: <the lesson's field naming its course>,
   search}. */
(function () {
  "use strict";
  var h = AW.h;

  var say = AW.t;
  function settings(config) {
    var course = AW.entity(config.entity || "course");
    var lessonName = config.lessons || "lesson";
    var lesson = AW.entity(lessonName);
    var via = config.via || (lesson ? (lesson.fields.filter(function (f) { return f.type === "ref" && f.ref === (config.entity || "course"); })[0] || {}).key : null);
    var order = lesson ? lesson.fields.filter(function (f) { return f.type === "number" && /number|order|position|step|^no$/i.test(f.key); })[0] : null;
    return { entity: config.entity || "course", course: course, lessonName: lessonName, lesson: lesson, via: via, order: order ? order.key : null, search: config.search !== false };
  }
  /* The learner's enrolments and completed lessons: {enrolled: {courseId: time}, done: {lessonId: time}}. */
  function storeKey() { return "course-progress:" + AW.auth.owner(); }
  function progressOf() {
    var saved = AW.db.kv(storeKey()) || {};
    return { enrolled: Object.assign({}, saved.enrolled), done: Object.assign({}, saved.done) };
  }
  function keep(change) {
    var state = progressOf();
    change(state);
    AW.db.kv(storeKey(), state);
  }
  function lessonsOf(s, courseId) {
    if (!s.lesson || !s.via) return [];
    var rows = AW.db.list(s.lessonName).filter(function (l) { return String(l[s.via]) === String(courseId); });
    if (s.order) rows.sort(function (a, b) { return (Number(a[s.order]) || 0) - (Number(b[s.order]) || 0); });
    return rows;
  }
  /* Completed lessons ÷ lessons, as a whole percentage. */
  function percent(s, state, courseId) {
    var lessons = lessonsOf(s, courseId);
    if (!lessons.length) return 0;
    var done = lessons.filter(function (l) { return state.done[l.id]; }).length;
    return Math.round((done / lessons.length) * 100);
  }
  function progressBar(value, label) {
    return h("div", { class: "aw-course__progress" },
      h("progress", { max: "100", value: String(value), "aria-label": label }),
      h("span", { class: "aw-course__percent", text: value + "%" }));
  }

  AW.feature("course-progress", function (root, config) {
    var s = settings(config);
    if (!s.course) { root.appendChild(h("p", { class: "aw-error", text: "This part of the page could not start." })); return; }
    var uid = AW.uid("course");
    var query = "";
    var shown = s.course.fields.filter(function (f) { return ["longtext", "image", "bool", "ref"].indexOf(f.type) < 0 && f.key !== s.course.title; }).slice(0, 3);
    var textField = s.course.fields.filter(function (f) { return f.type === "longtext"; })[0];

    var listView = h("div", { class: "aw-course__list-view" });
    var detailView = h("div", { class: "aw-course__detail", hidden: true });
    var summary = h("p", { class: "aw-course__summary muted", "aria-live": "polite" });
    var list = h("ul", { class: "aw-cards aw-course__cards", role: "list" });
    var toolbar = null;
    if (s.search) {
      var search = h("input", { id: uid + "-search", type: "search", class: "input" });
      search.addEventListener("input", function () { query = search.value.trim().toLowerCase(); render(); });
      toolbar = h("div", { class: "aw-toolbar", role: "search" },
        h("div", { class: "field" }, h("label", { for: search.id, text: AW.t("search", "Search") + " " + s.course.plural.toLowerCase() }), search));
    }
    listView.appendChild(h("h2", { text: config.heading || s.course.plural }));
    listView.appendChild(summary);
    if (toolbar) listView.appendChild(toolbar);
    listView.appendChild(list);
    root.appendChild(h("div", { class: "aw-course" }, listView, detailView));

    function enroll(record) {
      keep(function (state) { state.enrolled[record.id] = Date.now(); });
      AW.toast(say("course.enrolled_in", "Enrolled in {course}.", { course: AW.title(s.entity, record) }));
      window.location.hash = AW.link(s.entity, record.id);
    }
    function leave(record) {
      keep(function (state) { delete state.enrolled[record.id]; });
      AW.toast(say("course.left", "You left {course}.", { course: AW.title(s.entity, record) }));
      render();
    }
    function setDone(lesson, courseId, done) {
      keep(function (state) {
        if (done) { state.done[lesson.id] = Date.now(); state.enrolled[courseId] = state.enrolled[courseId] || Date.now(); }
        else delete state.done[lesson.id];
      });
      render();
    }
    function status(record, state) {
      var lessons = lessonsOf(s, record.id);
      var count = h("p", { class: "aw-course__count", text: say("course.lessons", "{n} lessons", { n: lessons.length }) });
      if (!state.enrolled[record.id]) return [count];
      var value = percent(s, state, record.id);
      return [count, h("p", { class: "aw-course__badge", text: "✓ " + say("course.enrolled", "Enrolled") }),
        progressBar(value, say("course.progress", "Progress") + ": " + AW.title(s.entity, record))];
    }
    function card(record, state) {
      var title = AW.title(s.entity, record);
      var meta = h("dl", { class: "aw-meta" });
      shown.forEach(function (f) {
        var value = AW.display(f, record[f.key]);
        if (value !== "") meta.appendChild(h("div", null, h("dt", { text: f.label }), h("dd", { text: value })));
      });
      var enrolled = !!state.enrolled[record.id];
      var action = enrolled
        ? h("a", { class: "btn btn-outline btn-small", href: AW.link(s.entity, record.id), "aria-label": say("course.continue", "Continue") + ": " + title, text: say("course.continue", "Continue") })
        : h("button", { type: "button", class: "btn btn-primary btn-small", "aria-label": say("course.enroll", "Enroll") + ": " + title, onclick: function () { enroll(record); } }, say("course.enroll", "Enroll"));
      return h("li", { class: "aw-card card aw-course__card" + (enrolled ? " is-enrolled" : "") },
        h("h3", { class: "aw-card__title" }, h("a", { href: AW.link(s.entity, record.id), text: title })),
        textField && record[textField.key] ? h("p", { class: "aw-card__text", text: String(record[textField.key]).slice(0, 140) }) : null,
        meta, status(record, state), h("div", { class: "btn-row aw-actions" }, action));
    }
    function matches(record) {
      if (!query) return true;
      return s.course.fields.some(function (f) { return String(AW.display(f, record[f.key]) || "").toLowerCase().indexOf(query) >= 0; });
    }
    function renderList() {
      listView.hidden = false;
      detailView.hidden = true;
      var state = progressOf();
      var rows = AW.db.list(s.entity).filter(matches);
      var mine = AW.db.list(s.entity).filter(function (r) { return state.enrolled[r.id]; }).length;
      summary.textContent = say("course.mine", "My courses: {n}", { n: mine });
      list.textContent = "";
      if (!rows.length) list.appendChild(h("li", { class: "aw-empty muted", text: AW.t("none", "No " + s.course.plural.toLowerCase() + " yet.") }));
      rows.forEach(function (r) { list.appendChild(card(r, state)); });
    }
    function lessonItem(lesson, courseId, state, index) {
      var done = !!state.done[lesson.id];
      var title = AW.title(s.lessonName, lesson);
      var meta = s.lesson.fields.filter(function (f) { return f.key !== s.lesson.title && f.key !== s.via && f.key !== s.order && ["longtext", "image", "url", "bool"].indexOf(f.type) < 0; })
        .map(function (f) { var v = AW.display(f, lesson[f.key]); return v === "" ? null : f.label + ": " + v; }).filter(Boolean).join(" · ");
      var text = s.lesson.fields.filter(function (f) { return f.type === "longtext"; })[0];
      return h("li", { class: "aw-course__lesson card" + (done ? " is-done" : "") },
        h("div", { class: "aw-course__lesson-body" },
          h("h4", { class: "aw-course__lesson-title", text: (index + 1) + ". " + title }),
          meta ? h("p", { class: "muted", text: meta }) : null,
          text && lesson[text.key] ? h("p", { text: String(lesson[text.key]) }) : null),
        done
          ? h("div", { class: "btn-row" }, h("span", { class: "aw-course__done", text: "✓ " + say("course.completed", "Completed") }),
            h("button", { type: "button", class: "btn btn-outline btn-small", "aria-label": say("course.undo", "Mark as not complete") + ": " + title, onclick: function () { setDone(lesson, courseId, false); } }, say("course.undo", "Mark as not complete")))
          : h("button", { type: "button", class: "btn btn-primary btn-small", "aria-label": say("course.complete", "Mark as complete") + ": " + title, onclick: function () { setDone(lesson, courseId, true); } }, say("course.complete", "Mark as complete")));
    }
    function renderDetail(id) {
      var record = AW.db.get(s.entity, id);
      listView.hidden = true;
      detailView.hidden = false;
      detailView.textContent = "";
      detailView.appendChild(h("p", null, h("a", { href: "#", text: "← " + AW.t("back", "Back to") + " " + s.course.plural.toLowerCase() })));
      if (!record) { detailView.appendChild(h("p", { text: s.course.label + " " + AW.t("notfound", "not found") + "." })); return; }
      var state = progressOf();
      var title = AW.title(s.entity, record);
      var lessons = lessonsOf(s, record.id);
      var done = lessons.filter(function (l) { return state.done[l.id]; }).length;
      var heading = h("h2", { text: title, tabindex: "-1" });
      detailView.appendChild(heading);
      var dl = h("dl", { class: "aw-detail card" });
      s.course.fields.forEach(function (f) {
        if (f.key === s.course.title || f.type === "image") return;
        var value = AW.display(f, record[f.key]);
        if (value !== "") dl.appendChild(h("div", null, h("dt", { text: f.label }), h("dd", { text: value })));
      });
      detailView.appendChild(dl);
      var panel = h("section", { class: "aw-course__panel card", "aria-label": say("course.progress", "Progress") });
      if (state.enrolled[record.id]) {
        panel.appendChild(h("p", { class: "aw-course__badge", text: "✓ " + say("course.enrolled", "Enrolled") }));
        panel.appendChild(progressBar(percent(s, state, record.id), say("course.progress", "Progress") + ": " + title));
        panel.appendChild(h("p", { class: "aw-course__tally", text: say("course.tally", "{done} of {total} lessons complete", { done: done, total: lessons.length }) }));
        panel.appendChild(h("div", { class: "btn-row" }, h("button", { type: "button", class: "btn btn-outline btn-small", onclick: function () { leave(record); } }, say("course.leave", "Leave course"))));
      } else {
        panel.appendChild(h("div", { class: "btn-row" }, h("button", { type: "button", class: "btn btn-primary", onclick: function () { enroll(record); } }, say("course.enroll", "Enroll"))));
      }
      detailView.appendChild(panel);
      detailView.appendChild(h("h3", { text: s.lesson ? s.lesson.plural : say("course.lessons_title", "Lessons") }));
      var items = h("ol", { class: "aw-course__lessons", role: "list" });
      if (!lessons.length) items.appendChild(h("li", { class: "muted", text: say("course.no_lessons", "No lessons yet.") }));
      lessons.forEach(function (l, i) { items.appendChild(lessonItem(l, record.id, state, i)); });
      detailView.appendChild(items);
      return heading;
    }
    function render() {
      var route = AW.route();
      if (route.name === s.entity && route.id) return renderDetail(route.id);
      renderList();
      return null;
    }
    window.addEventListener("hashchange", function () {
      var heading = render();
      if (heading) heading.focus({ preventScroll: true });
    });
    AW.db.on(function () { if (root.isConnected) render(); });
    render();
  });

  AW.selftest("course-progress", async function (root, t, config) {
    var s = settings(config);
    var saved = AW.db.kv(storeKey());
    var text = function () { return root.innerText || root.textContent; };
    var percentShown = function () { var el = root.querySelector(".aw-course__detail .aw-course__percent"); return el ? el.textContent : ""; };
    function button(label, within) {
      return Array.prototype.filter.call((within || root).querySelectorAll("button"), function (b) { return b.textContent.trim() === label && !b.closest("[hidden]"); })[0];
    }
    t.ok(root.querySelectorAll(".aw-course__card").length === AW.db.list(s.entity).length, "every " + s.course.label.toLowerCase() + " is listed");
    t.ok(!!s.lesson && !!s.via, "the " + s.course.label.toLowerCase() + "'s lessons are found by their " + (s.via || "course") + " field");
    if (!s.lesson || !s.via) return;

    /* a course of its own with two lessons, so the test never depends on the samples */
    var marker = "Selftest course " + Math.random().toString(36).slice(2, 7);
    var course = {};
    course[s.course.title] = marker;
    course = AW.db.add(s.entity, course);
    var lessons = [1, 2].map(function (n) {
      var lesson = {};
      lesson[s.lesson.title] = "Selftest lesson " + n;
      lesson[s.via] = course.id;
      if (s.order) lesson[s.order] = n;
      return AW.db.add(s.lessonName, lesson);
    });
    await t.wait(20);
    var cardOf = function () { return Array.prototype.filter.call(root.querySelectorAll(".aw-course__card"), function (c) { return c.textContent.indexOf(marker) >= 0; })[0]; };
    t.ok(!!cardOf() && !!button(AW.t("course.enroll", "Enroll"), cardOf()), "a new course is listed with an Enroll button");
    button(say("course.enroll", "Enroll"), cardOf()).click();
    await t.wait(40);
    t.ok(AW.route().id === course.id && text().indexOf(say("course.enrolled", "Enrolled")) >= 0, "Enroll opens the course, marked Enrolled");
    t.ok(percentShown() === "0%", "progress starts at 0%");
    t.ok(!!(progressOf().enrolled[course.id]), "the enrolment is stored");
    var marks = Array.prototype.filter.call(root.querySelectorAll(".aw-course__lesson button"), function (b) { return b.textContent.trim() === say("course.complete", "Mark as complete"); });
    t.ok(marks.length === 2, "each lesson has Mark as complete");
    if (marks.length) marks[0].click();
    await t.wait(30);
    t.ok(percentShown() === "50%", "one lesson of two makes 50%");
    t.ok(!!progressOf().done[lessons[0].id], "the completed lesson is stored");
    var next = Array.prototype.filter.call(root.querySelectorAll(".aw-course__lesson button"), function (b) { return b.textContent.trim() === say("course.complete", "Mark as complete"); })[0];
    if (next) next.click();
    await t.wait(30);
    t.ok(percentShown() === "100%", "both lessons make 100%");
    var undo = button(say("course.undo", "Mark as not complete"));
    if (undo) undo.click();
    await t.wait(30);
    t.ok(percentShown() === "50%", "a lesson marked not complete lowers it again");
    window.location.hash = "";
    await t.wait(40);
    var back = cardOf();
    t.ok(!!back && back.textContent.indexOf(say("course.enrolled", "Enrolled")) >= 0 && back.textContent.indexOf("50%") >= 0, "the list shows the course Enrolled at 50%");

    lessons.forEach(function (l) { AW.db.remove(s.lessonName, l.id); });
    AW.db.remove(s.entity, course.id);
    AW.db.kv(storeKey(), saved);
    await t.wait(20);
    t.ok(text().indexOf(marker) < 0, "the test's course is cleaned up");
  });
})();
