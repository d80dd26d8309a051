/* vitrine: the parcours planner on the page.
 *
 * Shows the planner's form (hidden without JavaScript, when the page
 * states the rule in words), reads what the visitor ticks, asks planner.js
 * for the plan, and writes it: a summary in a live region, the sessions
 * with their dates, a calendar file of them (made here, as a blob), and a
 * link that carries the choice in the address's fragment (never sent to a
 * server). The sessions of the plan are framed in the schedule's grid.
 * The choice is kept in this browser's local storage, nowhere else.
 * Data: the JSON of #vitrine-planner (src/render/pages/parcours/planner.rs);
 * dates and today come from status.js (`window.vitrineStatus`).
 */
(function () {
  "use strict";
  var rule = window.vitrinePlanner, status = window.vitrineStatus;
  var form = document.querySelector("[data-planner]");
  var dataEl = document.getElementById("vitrine-planner");
  if (!rule || !status || !form || !dataEl) return;
  var data;
  try {
    data = JSON.parse(dataEl.textContent);
  } catch (e) {
    return;
  }
  var strings = data.strings || {};
  var result = document.querySelector("[data-planner-result]");
  var summary = result.querySelector("[data-planner-summary]");
  var details = result.querySelector("[data-planner-details]");
  var HASH = "#planner:";
  var STORE = "vitrine-planner:" + data.key;
  var slugs = data.moocs.map(function (m) { return m.slug; });
  var periodKeys = data.periods.map(function (p) { return p.key; });
  var bySlug = {};
  data.moocs.forEach(function (m) { bySlug[m.slug] = m; });
  var url = null;

  function say(key, values) {
    var text = strings[key] || key;
    Object.keys(values || {}).forEach(function (k) {
      text = text.split("{" + k + "}").join(String(values[k]));
    });
    return text;
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  // -------------------------------------------------------------------
  // The choice: from the form, into it, kept and shared.

  function read() {
    var choice = { passed: [], doing: [], atOnce: 1, beforePeriod: null };
    form.querySelectorAll("input[type=checkbox]:checked").forEach(function (box) {
      choice[box.name === "passed" ? "passed" : "doing"].push(box.value);
    });
    var n = parseInt(form.elements["at-once"].value, 10);
    choice.atOnce = n >= 1 ? Math.min(n, 99) : 1;
    var before = form.elements.before.value;
    choice.beforePeriod = periodKeys.indexOf(before) >= 0 ? before : null;
    return choice;
  }

  function write(choice) {
    form.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      box.checked = (choice[box.name] || []).indexOf(box.value) >= 0;
    });
    form.elements["at-once"].value = String(choice.atOnce);
    form.elements.before.value = choice.beforePeriod || "";
  }

  function stored() {
    try {
      return rule.decodeChoice(window.localStorage.getItem(STORE), slugs, periodKeys);
    } catch (e) {
      return null;
    }
  }

  function keep(choice) {
    try {
      window.localStorage.setItem(STORE, rule.encodeChoice(choice));
    } catch (e) { /* storage off: the plan still shows */ }
  }

  function forget() {
    try {
      window.localStorage.removeItem(STORE);
    } catch (e) { /* nothing kept */ }
  }

  function fromAddress() {
    var hash = window.location.hash;
    return hash.indexOf(HASH) === 0 ? rule.decodeChoice(hash.slice(HASH.length), slugs, periodKeys) : null;
  }

  // -------------------------------------------------------------------
  // Dates and periods.

  function fmt(day) {
    return status.formatDay(day);
  }

  function periodLabel(key) {
    for (var i = 0; i < data.periods.length; i++) {
      if (data.periods[i].key === key) return data.periods[i].label;
    }
    return key;
  }

  /* First and last day of a grid period key: 2026-T3, 2026-Q3, 2026-09. */
  function periodDays(key) {
    var m = /^(\d{4})-(?:[TQ]([1-4])|(\d{2}))$/.exec(key);
    if (!m) return null;
    var year = +m[1], first = m[2] ? (+m[2] - 1) * 3 : +m[3] - 1, months = m[2] ? 3 : 1;
    var a = Math.round(Date.UTC(year, first, 1) / 86400000);
    var b = Math.round(Date.UTC(year, first + months, 1) / 86400000) - 1;
    return [a, b];
  }

  function datesOf(mooc, s) {
    var raw = mooc.sessions[s.session];
    if (raw.period) return say("planned", { period: raw.period_label || raw.period });
    var end = raw.end ? rule.day(raw.end) : s.last;
    var text = fmt(rule.day(raw.start)) + " " + (data.range_sep || "–") + " " + fmt(end);
    if (rule.day(raw.start) < s.start) text += " " + say("under_way");
    if (raw.exam_start && raw.exam_end) {
      text += " ; " + say("exam", { from: fmt(rule.day(raw.exam_start)), to: fmt(rule.day(raw.exam_end)) });
    }
    return text;
  }

  // -------------------------------------------------------------------
  // The grid: frame the cells of the plan's sessions.

  function frame(plan) {
    document.querySelectorAll(".grid td.in-plan").forEach(function (td) {
      td.classList.remove("in-plan");
      var mark = td.querySelector(".plan-mark");
      if (mark) mark.remove();
    });
    (plan.sessions || []).forEach(function (s) {
      var raw = bySlug[s.slug].sessions[s.session];
      var from = rule.day(raw.start), to = raw.end ? rule.day(raw.end) : s.last;
      var row = document.querySelector('.grid tr[data-mooc="' + s.slug + '"]');
      if (!row) return;
      row.querySelectorAll("td[data-period]").forEach(function (td) {
        var days = periodDays(td.getAttribute("data-period"));
        if (!days || days[1] < from || days[0] > to) return;
        td.classList.add("in-plan");
        var mark = el("span", { class: "visually-hidden plan-mark" }, [" (" + say("in_plan") + ")"]);
        (td.querySelector("a") || td).appendChild(mark);
      });
    });
  }

  // -------------------------------------------------------------------
  // The calendar file.

  function calendar(plan) {
    var events = [];
    plan.sessions.forEach(function (s) {
      var mooc = bySlug[s.slug], raw = mooc.sessions[s.session];
      var id = s.slug + "-" + (raw.period || raw.start) + "@" + data.host;
      var enrol = raw.url || mooc.abs_url;
      var dates = datesOf(mooc, s);
      events.push({
        uid: "plan-" + id,
        start: rule.day(raw.start),
        last: raw.end ? rule.day(raw.end) : s.last,
        summary: mooc.title + (raw.period ? " " + say("ics_planned") : ""),
        description: dates + "\n" + say("ics_enrol") + " " + enrol,
        url: enrol,
      });
      if (raw.exam_start && raw.exam_end) {
        events.push({
          uid: "plan-exam-" + id,
          start: rule.day(raw.exam_start),
          last: rule.day(raw.exam_end),
          summary: mooc.title + " — " + say("ics_exam"),
          description: dates,
          url: mooc.abs_url,
        });
      }
    });
    var name = (data.short_title || data.title) + " — " + say("result_title");
    return rule.ics(name, events, status.today());
  }

  // -------------------------------------------------------------------
  // The plan, written out.

  function render(choice) {
    var today = status.today();
    var first = null;
    data.periods.forEach(function (p) { if (p.key === choice.beforePeriod) first = rule.day(p.first); });
    var plan = rule.propose(data, {
      passed: choice.passed, doing: choice.doing, atOnce: choice.atOnce, before: first,
    }, today);
    frame(plan);
    if (url) URL.revokeObjectURL(url);
    url = null;
    summary.textContent = "";
    details.textContent = "";
    var before = choice.beforePeriod ? say("before_fragment", { period: periodLabel(choice.beforePeriod) }) : "";
    if (plan.status === "complete") {
      summary.appendChild(el("p", {}, [plan.completion == null || plan.busy.length === 0
        ? say("done") : say("done_doing", { date: fmt(plan.completion) })]));
    } else if (plan.status === "plan") {
      summary.appendChild(el("p", { class: "planner-completion" }, [
        say(plan.approximate ? "complete_by_approx" : "complete_by", { date: fmt(plan.completion) })]));
      if (!plan.exact) summary.appendChild(el("p", {}, [say("not_exact")]));
      var n = plan.sessions.length;
      details.appendChild(el("p", {}, [n === 1 ? say("plan_one") : say("plan_many", { n: n })]));
      var list = el("ol", { class: "planner-sessions" });
      plan.sessions.forEach(function (s) {
        var mooc = bySlug[s.slug];
        var link = el("a", { href: mooc.url + "#session-" + (s.session + 1) }, [mooc.title]);
        if (mooc.lang && mooc.lang !== document.documentElement.lang) link.setAttribute("lang", mooc.lang);
        var item = el("li", { "data-mooc": s.slug, "data-session": String(s.session + 1) }, [link]);
        if (mooc.core) {
          item.appendChild(el("span", { class: "star", "aria-hidden": "true" }, [" ★"]));
          item.appendChild(el("span", { class: "visually-hidden" }, [" (" + say("star") + ")"]));
        }
        item.appendChild(el("span", { class: "planner-dates" }, [say("dates_sep") + datesOf(mooc, s)]));
        list.appendChild(item);
      });
      details.appendChild(list);
      url = URL.createObjectURL(new Blob([calendar(plan)], { type: "text/calendar" }));
      var file = data.key.split("/").pop() + "-plan.ics";
      details.appendChild(el("ul", { class: "actions" }, [el("li", {}, [
        el("a", { class: "action action-calendar", href: url, download: file, type: "text/calendar", "data-planner-ics": "" }, [say("ics")]),
      ])]));
    } else {
      summary.appendChild(el("p", {}, [say("impossible")]));
      summary.appendChild(el("p", { class: "planner-reason" }, [reason(plan, choice, before)]));
      if (plan.withoutLimit != null) {
        details.appendChild(el("p", {}, [say("without_limit", { date: fmt(plan.withoutLimit) })]));
      }
    }
    var share = HASH + rule.encodeChoice(choice);
    details.appendChild(el("p", { class: "planner-share" }, [
      el("a", { href: share, "data-planner-share": "" }, [say("share")]), " " + say("share_hint"),
    ]));
  }

  /* Why no plan exists, in words. */
  function reason(plan, choice, before) {
    var r = plan.reason || {};
    var period = choice.beforePeriod ? periodLabel(choice.beforePeriod) : "";
    switch (r.code) {
      case "core-none": {
        var text = period ? say("core_none_before", { period: period }) : say("core_none");
        if (r.first) text += " " + say("core_first", { mooc: bySlug[r.first.slug].title, date: fmt(r.first.last) });
        return text;
      }
      case "core-few":
        return say("core_few", { available: r.available, needed: r.needed, before: before });
      case "count-few":
        return say("count_few", { available: r.available, needed: r.needed, before: before });
      case "order":
        return say("order", { before: before });
      case "overlap": {
        var t = say("overlap", { n: r.atOnce, before: before });
        if (r.suggestion) t += " " + say("overlap_more", { n: r.suggestion.atOnce, date: fmt(r.suggestion.completion) });
        return t;
      }
      default:
        return say("search");
    }
  }

  // -------------------------------------------------------------------

  function update(save) {
    var choice = read();
    if (save) keep(choice);
    render(choice);
  }

  form.addEventListener("change", function (event) {
    var box = event.target;
    if (box && box.type === "checkbox" && box.checked) {
      // Passed and in progress exclude each other.
      var other = form.querySelector('input[type=checkbox][value="' + box.value + '"]:not([name="' + box.name + '"])');
      if (other) other.checked = false;
    }
    update(true);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.querySelector("[data-planner-forget]").addEventListener("click", function () {
    forget();
    write({ passed: [], doing: [], atOnce: +form.elements["at-once"].defaultValue || 1, beforePeriod: null });
    update(false);
  });
  window.addEventListener("hashchange", function () {
    var shared = fromAddress();
    if (shared) {
      write(shared);
      update(false);
    }
  });

  var initial = fromAddress() || stored();
  if (initial) write(initial);
  form.hidden = false;
  result.hidden = false;
  var note = document.querySelector("[data-planner-noscript]");
  if (note) note.hidden = true;
  update(false);
  form.setAttribute("data-planner-ready", "");
})();
