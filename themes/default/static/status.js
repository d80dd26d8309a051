/* vitrine: statuses as of the visitor's today.
 *
 * Pages are built on a given day; this script recomputes every status badge
 * for the day the page is read (in the site's time zone), from the session
 * dates the page embeds (`data-sessions` on a MOOC, `data-session` on a
 * session row), with the rules of the content model. Without JavaScript
 * the build-date statuses stay, with "Statuses as of <date>" in the footer.
 * search.js uses the same functions through `window.vitrineStatus`.
 */
(function () {
  "use strict";
  var config = {};
  try {
    var el = document.getElementById("vitrine-status");
    if (el) config = JSON.parse(el.textContent);
  } catch (e) { config = {}; }

  // Priority order of MOOC statuses (content model).
  var ORDER = ["open", "ongoing-open", "upcoming", "ongoing-closed", "enrollment-closed",
    "planned", "archived", "cancelled", "to-be-scheduled"];

  function dayOfIso(iso) {
    if (!iso) return null;
    var p = iso.split("-");
    return Math.round(Date.UTC(+p[0], +p[1] - 1, +p[2]) / 86400000);
  }

  function isoOfDay(day) {
    return new Date(day * 86400000).toISOString().slice(0, 10);
  }

  // Made once: building an Intl.DateTimeFormat costs about half a
  // millisecond, and search.js asks for today for every card it shows.
  var dayFormat;

  /* Today in the site's time zone, as a day number (days since 1970). */
  function today() {
    var iso;
    try {
      if (!dayFormat) {
        dayFormat = new Intl.DateTimeFormat("en-CA", {
          timeZone: config.timezone || "UTC", year: "numeric", month: "2-digit", day: "2-digit"
        });
      }
      iso = dayFormat.format(new Date());
    } catch (e) {
      iso = new Date().toISOString().slice(0, 10);
    }
    return dayOfIso(iso);
  }

  /* A session as [start, end, enrollmentStart, enrollmentEnd, flags] of day
     numbers (null when absent); flags: 1 self-paced, 2 cancelled, 4 planned. */
  function parseSession(text) {
    var f = text.split(",");
    return [dayOfIso(f[0]), dayOfIso(f[1]), dayOfIso(f[2]), dayOfIso(f[3]), +(f[4] || 0)];
  }

  function parseSessions(text) {
    return text ? text.split(";").map(parseSession) : [];
  }

  function sessionStatus(s, t) {
    var start = s[0], end = s[1], es = s[2], ee = s[3], flags = s[4] || 0;
    if (flags & 2) return "cancelled";
    if (flags & 4) return end < t ? "archived" : "planned";
    if (end != null && end < t) return "archived";
    var last = ee != null ? ee : end;
    var open = (es == null || es <= t) && (last == null || t <= last);
    if (start <= t) return open ? "ongoing-open" : "ongoing-closed";
    if (es != null && t < es) return "upcoming";
    if (last != null && last < t) return "enrollment-closed";
    return "open";
  }

  /* Index of the most relevant session: best status, ties to the earliest start. */
  function mostRelevant(sessions, t) {
    var best = -1, bestRank = 99, bestStart = 0;
    for (var i = 0; i < sessions.length; i++) {
      var rank = ORDER.indexOf(sessionStatus(sessions[i], t));
      if (rank < bestRank || (rank === bestRank && sessions[i][0] < bestStart)) {
        best = i; bestRank = rank; bestStart = sessions[i][0];
      }
    }
    return best;
  }

  function moocStatus(sessions, t) {
    var i = mostRelevant(sessions, t);
    return i < 0 ? "to-be-scheduled" : sessionStatus(sessions[i], t);
  }

  function formatDay(day) {
    var d = new Date(day * 86400000);
    var n = d.getUTCDate();
    var month = (config.months || [])[d.getUTCMonth()] || String(d.getUTCMonth() + 1);
    return (n === 1 && config.day_one ? config.day_one : String(n)) + " " + month + " " + d.getUTCFullYear();
  }

  /* "T3 2026" for a planned quarter, "septembre 2026" for a month. */
  function formatPeriod(first, last) {
    var d = new Date(first * 86400000);
    var y = d.getUTCFullYear(), m = d.getUTCMonth();
    if (last - first > 31) {
      return (config.quarter_format || "Q{quarter} {year}").replace("{quarter}", String(Math.floor(m / 3) + 1)).replace("{year}", String(y));
    }
    return ((config.months || [])[m] || String(m + 1)) + " " + y;
  }

  function setBadges(root, key, own) {
    if (own) root.setAttribute("data-status", key);
    var badges = root.querySelectorAll(".badge[data-status]");
    for (var i = 0; i < badges.length; i++) {
      var b = badges[i];
      // Only the badges that belong to this element, not to a nested session row.
      if (b.closest("[data-session], [data-sessions]") !== root) continue;
      b.setAttribute("data-status", key);
      b.className = "badge status-" + key;
      b.textContent = (config.status || {})[key] || key;
    }
  }

  function refresh(doc) {
    var t = today();
    var built = dayOfIso(config.today);
    var rows = doc.querySelectorAll("[data-session]");
    for (var i = 0; i < rows.length; i++) {
      setBadges(rows[i], sessionStatus(parseSession(rows[i].getAttribute("data-session")), t), true);
    }
    var moocs = doc.querySelectorAll("[data-sessions]");
    for (var j = 0; j < moocs.length; j++) {
      setBadges(moocs[j], moocStatus(parseSessions(moocs[j].getAttribute("data-sessions")), t), true);
    }
    if (t !== built) {
      var notes = doc.querySelectorAll("[data-as-of]");
      for (var k = 0; k < notes.length; k++) {
        notes[k].textContent = (config.as_of || "{date}").replace("{date}", formatDay(t));
      }
    }
    document.documentElement.setAttribute("data-status-today", isoOfDay(t));
  }

  window.vitrineStatus = {
    config: config, today: today, dayOfIso: dayOfIso, isoOfDay: isoOfDay,
    sessionStatus: sessionStatus, mostRelevant: mostRelevant, moocStatus: moocStatus,
    parseSessions: parseSessions, formatDay: formatDay, formatPeriod: formatPeriod,
    setBadges: setBadges, refresh: refresh
  };
  refresh(document);
})();
