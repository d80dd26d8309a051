/* vitrine: the parcours planner's rule, without the page.
 *
 * Given the sessions of a parcours' MOOCs (the JSON the parcours page
 * embeds), what the learner has passed or is taking, and how many MOOCs
 * they will follow at once, `propose` picks the upcoming sessions that
 * complete the credential soonest, or says in a few words why no choice
 * of sessions can. `ics` writes the chosen sessions as one calendar file.
 * Nothing here touches the page: planner-ui.js does, and the node tests
 * (tests/browser/planner-rule.test.js) load this file as a module.
 *
 * The problem. Each MOOC not yet passed nor in progress offers windows:
 * its sessions one can still enrol in, each an interval of days from its
 * start (today if it has started) to its last day (the end of its exam
 * window when later than its end). Pick one window for some of the MOOCs
 * so that:
 *   - with the MOOCs passed and in progress, at least `required` MOOCs
 *     and at least `core_required` core (star) MOOCs are done;
 *   - on no day more than `atOnce` MOOCs run at the same time (the
 *     sessions in progress included);
 *   - in an ordered parcours, a MOOC listed after another starts after
 *     the other's last day (and after the last day of a MOOC in progress
 *     listed before it);
 *   - with a date limit, every window ends before it;
 * and the plan's last day (its completion) is the earliest possible.
 * Ties: the plan whose days of completion, latest first, are earliest;
 * then the one with MOOCs listed first in the parcours.
 *
 * Picking one interval per group under an overlap limit is NP-hard in
 * general (job interval selection), so the search is exact: a depth-first
 * search with branch and bound, which is fast at catalogue sizes (18
 * MOOCs of a handful of sessions: a few thousand nodes). Why its answer
 * is the best plan:
 *   1. Only `need` MOOCs are ever picked, at most `need - needCore` of
 *      them not core, where need = max(MOOCs missing, core MOOCs
 *      missing). Nothing is lost: any valid plan contains such a plan
 *      (keep `needCore` of its core MOOCs and any others up to `need`),
 *      which is still valid (removing a session never breaks the overlap
 *      or order rules) and completes no later.
 *   2. The MOOCs are visited in the order of their earliest possible last
 *      day (`first`). At MOOC k, with r MOOCs and rc core MOOCs still to
 *      pick, no completion below max(current, first of the r-th MOOC from
 *      k, first of the rc-th core MOOC from k) exists in this branch: the
 *      r MOOCs still to pick each end no earlier than their own `first`,
 *      and the r smallest of those from k on are the next r. A branch
 *      whose bound exceeds the best plan found is cut; one that equals it
 *      is searched (it may win the tie).
 *   3. A partial plan that breaks the overlap or order rule is cut: adding
 *      sessions cannot repair it.
 * Every other branch is searched, so the plan kept is the best by the
 * order above. A budget of nodes stops a search that would take too long
 * (far beyond catalogue sizes); its best plan so far is then given as
 * such (`exact: false`).
 *
 * Planned sessions (a quarter or a month, no dates yet) take their whole
 * period: they could fall anywhere in it, so a plan never counts on them
 * not overlapping. A self-paced session is taken from the day it opens
 * (today if open) for the MOOC's duration (`weeks`, else 6 weeks).
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.vitrinePlanner = api;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var MS_PER_DAY = 86400000;
  var DEFAULT_WEEKS = 6;
  var BUDGET = 2000000;

  /* Days since 1970-01-01 of an ISO date, or null. */
  function day(iso) {
    if (!iso) return null;
    var p = String(iso).split("-");
    return Math.round(Date.UTC(+p[0], +p[1] - 1, +p[2]) / MS_PER_DAY);
  }

  function iso(d) {
    return new Date(d * MS_PER_DAY).toISOString().slice(0, 10);
  }

  /* The window of a session as of day `t` ({start, last, planned}), or
     null when one can no longer take it: cancelled, over, or enrolment
     closed. */
  function windowOf(s, weeks, t) {
    if (s.cancelled) return null;
    var start = day(s.start), end = day(s.end);
    if (s.period) {
      return end < t ? null : { start: Math.max(start, t), last: end, planned: true };
    }
    if (s.self_paced || end == null) {
      var from = Math.max(start, t);
      var until = from + (weeks || DEFAULT_WEEKS) * 7 - 1;
      if (end != null) until = Math.min(until, end);
      return end != null && from > end ? null : { start: from, last: until, planned: false };
    }
    if (end < t) return null;
    var enrolEnd = s.enrollment_end ? day(s.enrollment_end) : end;
    if (enrolEnd < t) return null;
    var examEnd = s.exam_end ? day(s.exam_end) : null;
    return { start: Math.max(start, t), last: Math.max(end, examEnd == null ? end : examEnd), planned: false };
  }

  /* The window of the session of a MOOC in progress on day `t`: the
     running one (the learner is in it), else null. */
  function runningWindow(m, t) {
    for (var i = 0; i < m.sessions.length; i++) {
      var s = m.sessions[i];
      if (s.cancelled || day(s.start) > t) continue;
      var w = windowOf(s, m.weeks, t);
      if (w) {
        // Whether or not enrolment is still open: the learner is in it.
        return w;
      }
      var end = day(s.end), examEnd = day(s.exam_end);
      var last = Math.max(end == null ? t : end, examEnd == null ? t : examEnd);
      if (last >= t) return { start: t, last: last, planned: !!s.period };
    }
    return null;
  }

  function toSet(list) {
    var set = Object.create(null);
    (list || []).forEach(function (x) { set[x] = true; });
    return set;
  }

  /* The problem for a choice: the MOOCs still open to pick with their
     windows, what is needed, and the sessions in progress. */
  function problem(data, choice, t, limit) {
    var passed = toSet(choice.passed), doing = toSet(choice.doing);
    var done = 0, doneCore = 0, busy = [], items = [];
    data.moocs.forEach(function (m, order) {
      if (passed[m.slug] || doing[m.slug]) {
        done++;
        if (m.core) doneCore++;
        if (!passed[m.slug]) {
          var w = runningWindow(m, t);
          if (w) busy.push({ slug: m.slug, order: order, start: w.start, last: w.last, planned: w.planned });
        }
        return;
      }
      var windows = [];
      m.sessions.forEach(function (s, i) {
        var w = windowOf(s, m.weeks, t);
        if (w && (limit == null || w.last < limit)) {
          windows.push({ session: i, start: w.start, last: w.last, planned: w.planned });
        }
      });
      windows.sort(function (a, b) { return a.last - b.last || a.start - b.start || a.session - b.session; });
      items.push({ slug: m.slug, core: !!m.core, order: order, windows: windows,
        first: windows.length ? windows[0].last : Infinity });
    });
    var needCount = Math.max(0, (data.required || data.moocs.length) - done);
    var coreRequired = data.core_required == null ? data.moocs.filter(function (m) { return m.core; }).length : data.core_required;
    var needCore = Math.max(0, coreRequired - doneCore);
    return {
      need: Math.max(needCount, needCore),
      needCore: needCore,
      atOnce: Math.max(1, Math.floor(choice.atOnce) || 1),
      ordered: !!data.ordered,
      busy: busy,
      items: items,
    };
  }

  /* Lexicographic comparison of two plans' keys (arrays of numbers). */
  function compareKeys(a, b) {
    for (var i = 0; i < Math.min(a.length, b.length); i++) {
      if (a[i] !== b[i]) return a[i] - b[i];
    }
    return a.length - b.length;
  }

  /* The best plan of a problem: {picks: [{item, w}], exact} or null (with
     `exact` telling whether the search ended). */
  function search(P, atOnce) {
    var items = P.items.filter(function (it) { return it.windows.length > 0; });
    items.sort(function (a, b) { return a.first - b.first || a.order - b.order; });
    var n = items.length, need = P.need, needCore = P.needCore, maxOther = need - needCore;
    var corePos = [];
    items.forEach(function (it, i) { if (it.core) corePos.push(i); });
    // coreFrom[k]: index in corePos of the first core item at or after k.
    var coreFrom = new Array(n + 1);
    for (var k = n, c = corePos.length; k >= 0; k--) {
      while (c > 0 && corePos[c - 1] >= k) c--;
      coreFrom[k] = c;
    }
    var chosen = [], best = null, nodes = 0, stopped = false;

    function bound(k, picks, picksCore, current) {
      var r = need - picks, rc = needCore - picksCore, lb = current;
      if (r > 0) {
        if (k + r - 1 >= n) return Infinity;
        lb = Math.max(lb, items[k + r - 1].first);
      }
      if (rc > 0) {
        var j = coreFrom[k] + rc - 1;
        if (j >= corePos.length) return Infinity;
        lb = Math.max(lb, items[corePos[j]].first);
      }
      return lb;
    }

    function orderAllows(a, wa, b, wb) {
      if (a.order < b.order) return wa.last < wb.start;
      if (b.order < a.order) return wb.last < wa.start;
      return true;
    }

    /* Whether window w of item `it` can join the chosen ones. */
    function fits(it, w) {
      var i;
      if (P.ordered) {
        for (i = 0; i < chosen.length; i++) {
          if (!orderAllows(chosen[i].item, chosen[i].w, it, w)) return false;
        }
        for (i = 0; i < P.busy.length; i++) {
          if (P.busy[i].order < it.order && !(P.busy[i].last < w.start)) return false;
        }
      }
      if (atOnce === Infinity) return true;
      // The most sessions at once inside w is reached on a day where one
      // of them starts: count at w's start and at each start inside w.
      var all = P.busy.concat(chosen.map(function (c) { return c.w; }));
      var points = [w.start];
      for (i = 0; i < all.length; i++) {
        if (all[i].start > w.start && all[i].start <= w.last) points.push(all[i].start);
      }
      for (var p = 0; p < points.length; p++) {
        var at = points[p], count = 1;
        for (i = 0; i < all.length; i++) {
          if (all[i].start <= at && at <= all[i].last) count++;
        }
        if (count > atOnce) return false;
      }
      return true;
    }

    function keyOf(current) {
      var lasts = chosen.map(function (c) { return c.w.last; }).sort(function (a, b) { return b - a; });
      var orders = chosen.map(function (c) { return c.item.order; }).sort(function (a, b) { return a - b; });
      return [current].concat(lasts, orders);
    }

    function dfs(k, picks, picksCore, current) {
      if (stopped) return;
      if (++nodes > BUDGET) {
        stopped = true;
        return;
      }
      if (picks === need) {
        var key = keyOf(current);
        if (!best || compareKeys(key, best.key) < 0) best = { key: key, picks: chosen.slice() };
        return;
      }
      var lb = bound(k, picks, picksCore, current);
      if (lb === Infinity || (best && lb > best.key[0])) return;
      var it = items[k];
      if (it.core || picks - picksCore < maxOther) {
        for (var i = 0; i < it.windows.length; i++) {
          var w = it.windows[i];
          if (best && Math.max(current, w.last) > best.key[0]) break;
          if (!fits(it, w)) continue;
          chosen.push({ item: it, w: w });
          dfs(k + 1, picks + 1, picksCore + (it.core ? 1 : 0), Math.max(current, w.last));
          chosen.pop();
        }
      }
      dfs(k + 1, picks, picksCore, current);
    }

    if (need === 0) return { picks: [], exact: true };
    dfs(0, 0, 0, -Infinity);
    return best ? { picks: best.picks, exact: !stopped } : { picks: null, exact: !stopped };
  }

  /* The smallest number of MOOCs at once above `from` that makes a plan
     possible, with that plan, or null. */
  function moreAtOnce(P, from) {
    for (var k = from + 1; k <= P.need + P.busy.length; k++) {
      var r = search(P, k);
      if (r.picks) return { atOnce: k, found: r };
    }
    return null;
  }

  /* Why no plan exists, as {code, …}: read by planner-ui.js, which words
     it (the strings are in the theme's i18n files, table `planner`). */
  function explain(P, data, choice, t, limit) {
    var usable = P.items.filter(function (it) { return it.windows.length > 0; });
    var core = usable.filter(function (it) { return it.core; });
    var withoutLimit = limit == null ? null : problem(data, choice, t, null);
    var firstCore = null;
    if (withoutLimit) {
      withoutLimit.items.forEach(function (it) {
        if (it.core && it.windows.length && (!firstCore || it.first < firstCore.last)) {
          firstCore = { slug: it.slug, last: it.first };
        }
      });
    }
    if (core.length < P.needCore) {
      return { code: core.length === 0 ? "core-none" : "core-few", available: core.length, needed: P.needCore,
        first: firstCore };
    }
    if (usable.length < P.need) {
      return { code: "count-few", available: usable.length, needed: P.need };
    }
    var free = search(P, Infinity);
    if (!free.picks) {
      return { code: free.exact ? "order" : "search" };
    }
    var more = moreAtOnce(P, P.atOnce);
    return { code: "overlap", atOnce: P.atOnce, suggestion: more ? { atOnce: more.atOnce, completion: completion(P, more.found.picks) } : null };
  }

  function completion(P, picks) {
    var last = -Infinity;
    picks.forEach(function (p) { last = Math.max(last, p.w.last); });
    P.busy.forEach(function (b) { last = Math.max(last, b.last); });
    return last === -Infinity ? null : last;
  }

  /* The plan for a choice, as of day `t`.
     data: {moocs: [{slug, core, weeks, sessions: [{start, end, period,
       self_paced, cancelled, enrollment_end, exam_end, …}]}], required,
       core_required, ordered}
     choice: {passed: [slug], doing: [slug], atOnce: n, before: day or null}
     Returns {status: "complete" | "plan" | "impossible", sessions:
     [{slug, session, start, last, planned}] by start, completion (a day or
     null), approximate (a planned session is in it), exact, busy, reason
     (when impossible), needed: {moocs, core}}. */
  function propose(data, choice, t) {
    var limit = choice.before == null ? null : choice.before;
    var P = problem(data, choice, t, limit);
    var result = { needed: { moocs: P.need, core: P.needCore }, busy: P.busy, exact: true };
    if (P.need === 0) {
      result.status = "complete";
      result.sessions = [];
      result.completion = completion(P, []);
      result.approximate = P.busy.some(function (b) { return b.planned; });
      return result;
    }
    var found = search(P, P.atOnce);
    result.exact = found.exact;
    if (!found.picks) {
      result.status = "impossible";
      result.sessions = [];
      result.completion = null;
      result.reason = explain(P, data, choice, t, limit);
      if (limit != null) {
        var open = problem(data, choice, t, null);
        var later = search(open, open.atOnce);
        if (later.picks) result.withoutLimit = completion(open, later.picks);
      }
      return result;
    }
    result.status = "plan";
    result.sessions = found.picks
      .map(function (p) { return { slug: p.item.slug, core: p.item.core, session: p.w.session, start: p.w.start, last: p.w.last, planned: p.w.planned }; })
      .sort(function (a, b) { return a.start - b.start || a.last - b.last; });
    result.completion = completion(P, found.picks);
    // Approximate when a session without dates ends the plan: the others
    // are dated, and a planned one ending earlier is within its period.
    result.approximate = result.sessions.concat(P.busy).some(function (s) {
      return s.planned && s.last === result.completion;
    });
    return result;
  }

  // ---------------------------------------------------------------------
  // The calendar file (RFC 5545), written in the browser.

  function escapeText(s) {
    return String(s).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
  }

  /* Folds a content line at 75 octets (UTF-8), continuation lines starting
     with a space, never inside a character. */
  function fold(line) {
    var out = [], cur = "", size = 0;
    for (var ch of line) {
      var code = ch.codePointAt(0);
      var n = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
      if (size + n > 75) {
        out.push(cur);
        cur = " ";
        size = 1;
      }
      cur += ch;
      size += n;
    }
    out.push(cur);
    return out.join("\r\n");
  }

  function ymd(d) {
    return iso(d).replace(/-/g, "");
  }

  /* The calendar of a plan: one all-day event per chosen session, and its
     exam window when the session has one.
     events: [{uid, start (day), last (day), summary, description, url}] */
  function ics(name, events, stamp) {
    var lines = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//vitrine//parcours planner//EN",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "X-WR-CALNAME:" + escapeText(name),
    ];
    events.forEach(function (e) {
      lines.push("BEGIN:VEVENT");
      lines.push("UID:" + e.uid);
      lines.push("DTSTAMP:" + ymd(stamp) + "T000000Z");
      lines.push("DTSTART;VALUE=DATE:" + ymd(e.start));
      lines.push("DTEND;VALUE=DATE:" + ymd(e.last + 1));
      lines.push("SUMMARY:" + escapeText(e.summary));
      if (e.description) lines.push("DESCRIPTION:" + escapeText(e.description));
      if (e.url) lines.push("URL:" + e.url);
      lines.push("TRANSP:TRANSPARENT");
      lines.push("END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  // ---------------------------------------------------------------------
  // The choice as text: in the address (to share it) and in local storage.

  var SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

  /* "passed=a,b&doing=c&at-once=2&before=2027-T1" */
  function encodeChoice(choice) {
    var parts = [];
    if (choice.passed && choice.passed.length) parts.push("passed=" + choice.passed.join(","));
    if (choice.doing && choice.doing.length) parts.push("doing=" + choice.doing.join(","));
    parts.push("at-once=" + (Math.floor(choice.atOnce) || 1));
    if (choice.beforePeriod) parts.push("before=" + choice.beforePeriod);
    return parts.join("&");
  }

  /* The choice a text encodes, keeping only the MOOCs of `slugs` and the
     periods of `periods`; null when it is not one. */
  function decodeChoice(text, slugs, periods) {
    if (typeof text !== "string") return null;
    var known = toSet(slugs), choice = { passed: [], doing: [], atOnce: 1, beforePeriod: null }, any = false;
    text.split("&").forEach(function (pair) {
      var i = pair.indexOf("=");
      if (i < 0) return;
      var key = pair.slice(0, i), value = decodeURIComponent(pair.slice(i + 1));
      if (key === "passed" || key === "doing") {
        choice[key] = value.split(",").filter(function (s) { return SLUG.test(s) && known[s]; });
        any = true;
      } else if (key === "at-once") {
        var n = parseInt(value, 10);
        if (n >= 1 && n <= 99) choice.atOnce = n;
        any = true;
      } else if (key === "before") {
        if (periods.indexOf(value) >= 0) choice.beforePeriod = value;
        any = true;
      }
    });
    // A MOOC both passed and in progress is passed.
    var passed = toSet(choice.passed);
    choice.doing = choice.doing.filter(function (s) { return !passed[s]; });
    return any ? choice : null;
  }

  return {
    day: day,
    iso: iso,
    windowOf: windowOf,
    propose: propose,
    ics: ics,
    fold: fold,
    encodeChoice: encodeChoice,
    decodeChoice: decodeChoice,
  };
});
