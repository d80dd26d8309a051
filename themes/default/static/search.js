/* vitrine: full-text search and facet filters of the catalogue page.
 *
 * Dependency-free. Reads the static index vitrine writes for the page's
 * language (docs/search-index.md): a manifest, a compact table of facet
 * values and session dates for every MOOC, term shards by the first two
 * characters of a term, and result chunks of 16 titles. Only the shards of
 * the typed words and the chunks of the results shown are fetched.
 * The form's state lives in the URL (?q=vaccin&platform=fun-mooc&status=open).
 */
(function () {
  "use strict";
  var root = document.querySelector("[data-search-index]");
  var form = document.getElementById("search-form");
  var St = window.vitrineStatus;
  if (!root || !form || !St || !window.fetch || !window.URLSearchParams) return;

  // Results shown at first and added by "show more": few enough that their
  // title chunks come in one or two rounds of requests.
  var PAGE = 12;
  var strings = JSON.parse(document.getElementById("search-strings").textContent);
  var input = document.getElementById("search-q");
  var sortSelect = document.getElementById("search-sort");
  var list = document.getElementById("search-results");
  var statusEl = document.getElementById("search-status");
  var moreButton = document.getElementById("search-more");
  var base = root.getAttribute("data-search-index").replace(/[^/]*$/, "");

  var manifest = null, table = null, keys = null, keyList = [];
  var shards = {}, chunks = {};
  var statuses = null, nextStart = null, isNew = null;
  var generation = 0, shown = 0;
  // The ranked results: `results` is the ranked head, `unranked` all the hits
  // when only the head was ranked (see rank), `count` their number.
  var results = [], unranked = null, order = null, count = 0;
  var facetInputs = {}; // facet key -> [checkbox by value index]
  var facetCounts = {}; // facet key -> [count element by value index]
  var columns = {}; // facet key -> per document, its value positions (see buildColumns)

  // ---------------------------------------------------------------- text

  var LIGATURES = { "œ": "oe", "æ": "ae", "ß": "ss", "ı": "i", "ø": "o", "đ": "d", "ł": "l" };

  function fold(s) {
    return s.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").replace(/[œæßıøđł]/g, function (c) { return LIGATURES[c]; });
  }

  function tokens(q) {
    var words = fold(q).split(/[^\p{Alphabetic}\p{N}]+/u).filter(function (w) { return w.length >= 2; });
    var stop = manifest.stop_words;
    var kept = words.filter(function (w) { return stop.indexOf(w) < 0; });
    return kept.length ? kept : words;
  }

  /* Shard key of the first n characters of a word (see docs/search-index.md). */
  function shardKey(word, n) {
    var key = "";
    var chars = Array.from(word).slice(0, n);
    for (var i = 0; i < chars.length; i++) {
      key += /^[a-z0-9]$/.test(chars[i]) ? chars[i] : "_" + chars[i].codePointAt(0).toString(16) + "_";
    }
    return key;
  }

  /* The shards that can hold words starting with `token`: the one of its
     longest prefix that is a shard, and, when the token is shorter than
     the shards were split to, every shard under it. */
  function shardsFor(token) {
    var found = [];
    var len = Array.from(token).length;
    for (var n = Math.min(len, 4); n >= 2; n--) {
      var k = shardKey(token, n);
      if (keys[k]) { found.push(k); break; }
    }
    var whole = shardKey(token, len);
    keyList.forEach(function (k) {
      if (k.length > whole.length && k.lastIndexOf(whole, 0) === 0 && found.indexOf(k) < 0) found.push(k);
    });
    return found;
  }

  // ---------------------------------------------------------------- loading

  function getJson(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
  }

  /* The file's promise, kept in cache; a failed request is forgotten, so
     the next query that needs the file asks again. */
  function cached(cache, key, url) {
    if (!cache[key]) {
      cache[key] = getJson(url).catch(function (e) {
        delete cache[key];
        throw e;
      });
    }
    return cache[key];
  }

  function shard(key) {
    return cached(shards, key, base + "shards/" + key + "." + manifest.shards[key] + ".json");
  }

  function chunk(n) {
    return cached(chunks, n, base + "chunks/" + n + "." + manifest.chunks + ".json");
  }

  // ---------------------------------------------------------------- matching

  /* Lower bound of `prefix` in the sorted surface words of a shard. */
  function firstAtLeast(words, prefix) {
    var lo = 0, hi = words.length / 2;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (words[2 * mid] < prefix) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /* Scores of one typed word: per document, the best level of a term it
     matches; a whole word counts fully, a prefix a little less. */
  function wordScores(token, list) {
    var scores = new Float32Array(manifest.count);
    list.forEach(function (sh) { shardScores(token, sh, scores); });
    return scores;
  }

  function shardScores(token, sh, scores) {
    var n = manifest.count;
    var weight = {};
    var w = sh.w;
    for (var i = firstAtLeast(w, token); i < w.length / 2 && w[2 * i].lastIndexOf(token, 0) === 0; i++) {
      var t = w[2 * i + 1];
      var f = w[2 * i] === token ? 1 : 0.85;
      if (!(weight[t] >= f)) weight[t] = f;
    }
    for (var s = 0; s < sh.s.length; s++) {
      if (sh.s[s].lastIndexOf(token, 0) === 0 && !(weight[s] >= 0.85)) weight[s] = sh.s[s] === token ? 1 : 0.85;
    }
    if (Object.keys(weight).length === 0) {
      // A word the catalogue never uses but whose stem it knows ("vaccinations").
      for (var k = 0; k < sh.s.length; k++) {
        var stem = sh.s[k];
        if (token.lastIndexOf(stem, 0) === 0 && stem.length >= Math.max(4, token.length / 2)) weight[k] = 0.6;
      }
    }
    Object.keys(weight).forEach(function (term) {
      var p = sh.p[term], f = weight[term];
      if (typeof p === "string") {
        for (var d = 0; d < n; d++) {
          var level = p.charCodeAt(d) - 48;
          if (level > 0 && level * f > scores[d]) scores[d] = level * f;
        }
      } else {
        var doc = 0;
        for (var j = 0; j < p.length; j += 2) {
          doc += p[j];
          if (p[j + 1] * f > scores[doc]) scores[doc] = p[j + 1] * f;
        }
      }
    });
  }

  /* Scores of the query: every word must match (AND); null for no query. */
  function queryScores(q) {
    var words = tokens(q);
    if (!words.length) return Promise.resolve(null);
    return Promise.all(words.map(function (w) { return Promise.all(shardsFor(w).map(shard)); })).then(function (loaded) {
      var total = null;
      words.forEach(function (w, i) {
        var s = wordScores(w, loaded[i]);
        if (!total) { total = s; return; }
        for (var d = 0; d < total.length; d++) total[d] = s[d] > 0 && total[d] > 0 ? total[d] + s[d] : 0;
      });
      return total;
    });
  }

  // ---------------------------------------------------------------- facets

  var BUCKETS = { "open": [0], "ongoing-open": [0, 1], "ongoing-closed": [1], "upcoming": [2],
    "enrollment-closed": [2], "planned": [3], "archived": [4], "cancelled": [4], "to-be-scheduled": [5] };

  var NONE = [], ONE = [];

  /* [v], one shared array per value. */
  function single(v) {
    return ONE[v] || (ONE[v] = [v]);
  }

  function values(key, d) {
    var col = columns[key];
    return col ? col[d] : NONE;
  }

  /* Every document's value positions of every facet of the table, as
     arrays shared between documents: filtering and counting 10,000
     documents then allocate nothing (they made one small array per
     document and facet, some 100,000 a query at N=10,000). */
  function buildColumns() {
    Object.keys(table.facets).forEach(function (key) {
      var raw = table.facets[key], col = new Array(manifest.count);
      for (var d = 0; d < col.length; d++) {
        var v = raw[d];
        col[d] = v == null ? NONE : typeof v === "number" ? single(v) : v;
      }
      columns[key] = col;
    });
  }

  /* The documents' statuses, next start days and "new" flags for today.
     A table entry is the sessions that can still change (days from the
     build date for the start, from the start for the other dates), led by
     the rank of the best archived or cancelled one if any (see
     docs/search-index.md). */
  var ORDER = ["open", "ongoing-open", "upcoming", "ongoing-closed", "enrollment-closed",
    "planned", "archived", "cancelled", "to-be-scheduled"];

  function computeDynamic() {
    var day0 = table.day0;
    // Sessions settled at build time are summed up: a clock before the
    // build date counts as the build date.
    var t = Math.max(St.today(), day0);
    var n = manifest.count;
    statuses = new Array(n); nextStart = new Float64Array(n); isNew = new Uint8Array(n);
    for (var d = 0; d < n; d++) {
      var entry = table.sessions[d];
      var fallback = typeof entry === "number" ? entry : entry.length && typeof entry[0] === "number" ? entry[0] : 8;
      var rows = typeof entry === "number" ? [] : entry.filter(function (s) { return typeof s !== "number"; });
      var ss = rows.map(function (s) {
        var start = s[0] + day0;
        var rel = function (x) { return x == null ? null : start + x; };
        return [start, rel(s[1]), rel(s[2]), rel(s[3]), s[4] || 0];
      });
      table.sessions[d] = ss;
      var best = ss.length ? ORDER.indexOf(St.moocStatus(ss, t)) : 8;
      statuses[d] = ORDER[Math.min(best, fallback)];
      var next = Infinity;
      ss.forEach(function (s) { if (!(s[4] & 2) && s[0] >= t && s[0] < next) next = s[0]; });
      nextStart[d] = next;
      var p = table.published[d];
      isNew[d] = p != null && p + day0 <= t && t - (p + day0) < manifest.new_days ? 1 : 0;
    }
    columns.status = statuses.map(function (st) { return BUCKETS[st]; });
    columns["new"] = Array.prototype.map.call(isNew, function (x) { return x ? single(0) : NONE; });
  }

  function selected() {
    var sel = {};
    manifest.facets.forEach(function (key) {
      var chosen = (facetInputs[key] || []).filter(function (c) { return c && c.checked; })
        .map(function (c) { return +c.getAttribute("data-i"); });
      if (chosen.length) sel[key] = chosen;
    });
    return sel;
  }

  function passes(v, chosen) {
    for (var i = 0; i < v.length; i++) if (chosen.indexOf(v[i]) >= 0) return true;
    return false;
  }

  /* The hits of the query and choices, and each document's part in the
     facet counts: 0 none, 1 a hit, 2 + f when it fails facet f's choice
     only (it counts for that facet alone). Counting is left to
     countFacets, so the first results' chunks can be asked for before. */
  function filter(scores, sel) {
    var n = manifest.count;
    var chosen = [], cols = [], at = [];
    manifest.facets.forEach(function (k, f) {
      if (sel[k]) { chosen.push(sel[k]); cols.push(columns[k] || NONE); at.push(f); }
    });
    var role = new Uint8Array(n), hits = [];
    for (var d = 0; d < n; d++) {
      if (scores && !(scores[d] > 0)) continue;
      var failed = -1, fails = 0;
      for (var i = 0; i < chosen.length && fails < 2; i++) {
        if (!passes(cols[i][d] || NONE, chosen[i])) { failed = at[i]; fails++; }
      }
      if (fails === 0) { hits.push(d); role[d] = 1; }
      else if (fails === 1) role[d] = 2 + failed;
    }
    return { hits: hits, role: role };
  }

  /* Counts per facet and value position: each facet's counts ignore that
     facet's own choice, so choosing a platform still shows how many MOOCs
     the others have. */
  function countFacets(role) {
    var facets = manifest.facets;
    var cols = facets.map(function (k) { return columns[k] || null; });
    var counts = facets.map(function () { return []; });
    for (var d = 0; d < role.length; d++) {
      var r = role[d];
      if (r === 0) continue;
      // A hit counts for every facet; a near miss for its failed facet only.
      var first = r === 1 ? 0 : r - 2, end = r === 1 ? cols.length : r - 1;
      for (var f = first; f < end; f++) {
        if (!cols[f]) continue;
        var v = cols[f][d], c = counts[f];
        for (var j = 0; j < v.length; j++) c[v[j]] = (c[v[j]] || 0) + 1;
      }
    }
    return counts;
  }

  /* Writes only the counts that changed: rewriting 300 unchanged labels made
     the browser lay the filters out again for nothing. */
  function showCounts(counts) {
    manifest.facets.forEach(function (k, f) {
      var outs = facetCounts[k];
      (facetInputs[k] || []).forEach(function (c, i) {
        if (!c) return;
        var n = counts[f][i] || 0;
        var text = String(n);
        if (outs[i] && outs[i].textContent !== text) outs[i].textContent = text;
        c.parentNode.classList.toggle("is-empty", n === 0 && !c.checked);
      });
    });
  }

  // ---------------------------------------------------------------- sorting

  /* The order of a sort, as a comparison of document ids; null for "title",
     as document ids are in title order already. Each order ends on the id,
     so it is total: ranking the head alone gives the head of the full sort. */
  function comparator(scores, sort) {
    if (sort === "relevance" && scores) {
      return function (a, b) { return scores[b] - scores[a] || nextStart[a] - nextStart[b] || a - b; };
    } else if (sort === "next") {
      return function (a, b) { return nextStart[a] - nextStart[b] || a - b; };
    } else if (sort === "newest") {
      var p = table.published;
      return function (a, b) { return (p[b] == null ? -1e9 : p[b]) - (p[a] == null ? -1e9 : p[a]) || a - b; };
    }
    return null;
  }

  /* The first k hits in order, in one pass: most hits lose to the k-th
     kept one in a single comparison. */
  function head(hits, cmp, k) {
    var top = [];
    for (var i = 0; i < hits.length; i++) {
      var d = hits[i];
      if (top.length === k && cmp(d, top[k - 1]) >= 0) continue;
      var lo = 0, hi = top.length;
      while (lo < hi) {
        var mid = (lo + hi) >> 1;
        if (cmp(d, top[mid]) < 0) hi = mid; else lo = mid + 1;
      }
      top.splice(lo, 0, d);
      if (top.length > k) top.pop();
    }
    return top;
  }

  /* Ranks the hits: only the first page at once, as sorting all 10,000
     hits of a common word took longer than the rest of the ranking; the
     rest when "show more" needs it. */
  function rank(hits, cmp) {
    count = hits.length;
    order = cmp;
    unranked = cmp && hits.length > PAGE ? hits : null;
    results = cmp ? head(hits, cmp, PAGE) : hits;
  }

  /* Results from..to-1, ranking all of them first if needed. */
  function ranked(from, to) {
    if (unranked && to > results.length) {
      results = unranked.sort(order);
      unranked = null;
    }
    return results.slice(from, to);
  }

  // ---------------------------------------------------------------- rendering

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { if (attrs[k] != null) e.setAttribute(k, attrs[k]); });
    if (text != null) e.textContent = text;
    return e;
  }

  function facetLabel(key, i) {
    var c = (facetInputs[key] || [])[i];
    var span = c && c.closest("li").querySelector(".facet-label");
    return span ? span.textContent : "";
  }

  function meta(dl, label, value) {
    var div = el("div");
    div.appendChild(el("dt", null, label));
    var dd = el("dd");
    if (typeof value === "string") dd.textContent = value; else dd.appendChild(value);
    div.appendChild(dd);
    dl.appendChild(div);
  }

  function sessionText(s) {
    if (s[4] & 4) return St.formatPeriod(s[0], s[1]);
    var text = St.formatDay(s[0]);
    return s[1] != null ? text + " – " + St.formatDay(s[1]) : strings.from + " " + text;
  }

  function card(d, row, today) {
    var lang = document.documentElement.lang;
    var li = el("li", { "class": "card mooc-card", "data-status": statuses[d] });
    var article = el("article", { "class": "card-body" });
    var h = el("h3", { "class": "card-title" });
    h.appendChild(el("a", { href: manifest.moocs_url + row[0] + "/", lang: row[2] && row[2] !== lang ? row[2] : null }, row[1]));
    article.appendChild(h);
    var p = el("p", { "class": "card-status" });
    p.appendChild(el("span", { "class": "badge status-" + statuses[d], "data-status": statuses[d] },
      (St.config.status || {})[statuses[d]] || statuses[d]));
    article.appendChild(p);
    var dl = el("dl", { "class": "card-meta" });
    var platforms = values("platform", d).map(function (i) { return facetLabel("platform", i); });
    if (platforms.length) meta(dl, strings.platform, platforms.join(", "));
    var langs = values("language", d).map(function (i) { return facetLabel("language", i); });
    if (langs.length) meta(dl, strings.languages, langs.join(", "));
    var ss = table.sessions[d];
    var best = St.mostRelevant(ss, today);
    if (best >= 0) {
      var s = ss[best];
      var time = el("span", { "class": "period" });
      time.appendChild(el("time", { datetime: St.isoOfDay(s[0]) }, sessionText(s)));
      meta(dl, strings.next_session, time);
    }
    var inst = values("institution", d).map(function (i) { return facetLabel("institution", i); });
    if (inst.length) meta(dl, strings.institutions, inst.join(", "));
    article.appendChild(dl);
    li.appendChild(article);
    return li;
  }

  // Cards are painted in rank order, each once its chunk and those of the
  // cards above it are in: the 12 results of a page are in up to 12 chunks,
  // which come over several rounds of requests, and the first cards need
  // not wait for the last. paintTail is the end of the current painting,
  // so that "show more" appends after the page being painted.
  var paintTail = Promise.resolve();

  /* Paints results from..from+PAGE-1 of generation gen; calls onFirst once
     the first of them is in the list. Resolves once all are painted. */
  function renderPage(gen, from, onFirst) {
    var page = ranked(from, from + PAGE);
    var size = manifest.chunk_size;
    shown = from + page.length; // a second "more" asks for the next page
    // Asked for in rank order, so the first cards' chunks come first.
    var loads = page.map(function (d) { return chunk(Math.floor(d / size)); });
    var today = St.today();
    // After a failed page (reported already), "more" tries again.
    var tail = from === 0 ? Promise.resolve() : paintTail.catch(function () {});
    page.forEach(function (d, i) {
      tail = tail.then(function () { return loads[i]; }).then(function (rows) {
        if (gen !== generation) return;
        if (from === 0 && i === 0) retire();
        place(from + i, card(d, rows[d % size], today));
        if (i === 0 && onFirst) onFirst();
      });
    });
    tail = tail.then(function () {
      if (gen !== generation) return;
      if (from === 0) {
        if (!page.length) retire();
        removeRetired();
      }
      moreButton.hidden = shown >= count;
    });
    paintTail = tail;
    return tail;
  }

  /* The previous results stay in place, hidden, until new cards take their
     places one by one: the list keeps its height while it fills, so
     the page below does not jump up and down (nor the scroll position). */
  function retire() {
    for (var c = list.firstElementChild; c; c = c.nextElementSibling) {
      c.setAttribute("data-retired", "");
      c.style.visibility = "hidden";
    }
  }

  function place(i, li) {
    var old = list.children[i];
    if (old && old.hasAttribute("data-retired")) list.replaceChild(li, old);
    else list.insertBefore(li, old || null);
  }

  function removeRetired() {
    var old = list.querySelectorAll("[data-retired]");
    for (var i = 0; i < old.length; i++) list.removeChild(old[i]);
  }

  function announce(n) {
    var text = n === 0 ? strings.results_zero : n === 1 ? strings.results_one : strings.results_many.replace("{count}", String(n));
    statusEl.textContent = text;
  }

  // ---------------------------------------------------------------- state

  function stateFromForm() {
    var params = new URLSearchParams();
    if (input.value.trim()) params.set("q", input.value.trim());
    if (sortSelect.value !== defaultSort()) params.set("sort", sortSelect.value);
    var sel = selected();
    manifest.facets.forEach(function (k) {
      (sel[k] || []).forEach(function (i) { params.append(k, facetInputs[k][i].value); });
    });
    return params.toString();
  }

  function defaultSort() {
    return input.value.trim() ? "relevance" : "title";
  }

  function formFromUrl() {
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    sortSelect.value = params.get("sort") || defaultSort();
    manifest.facets.forEach(function (k) {
      var chosen = params.getAll(k);
      (facetInputs[k] || []).forEach(function (c) { if (c) c.checked = chosen.indexOf(c.value) >= 0; });
    });
  }

  function writeUrl(push) {
    var qs = stateFromForm();
    var url = location.pathname + (qs ? "?" + qs : "") + location.hash;
    if (url === location.pathname + location.search + location.hash) return;
    if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
  }

  // The URL is written once the query's results are painted: pushState and
  // replaceState take 2 to 7 ms, which the results need not wait for.
  // null: nothing to write; else whether to add a history entry (a push
  // asked for by a search that was overtaken by the next one still counts).
  var urlWrite = null;

  function writeUrlLater(push) {
    urlWrite = urlWrite || push;
  }

  function flushUrl() {
    if (urlWrite === null) return;
    var push = urlWrite;
    urlWrite = null;
    writeUrl(push);
  }

  var lastSortAuto = true;

  /* Marks generation gen's first results as painted (data-search-first),
     once; data-search-ready marks all of the first page painted. */
  function firstPainted(gen) {
    if (root.getAttribute("data-search-first") !== String(gen)) root.setAttribute("data-search-first", String(gen));
  }

  function failed(gen) {
    return function (e) {
      if (window.console) console.error(e);
      if (gen !== generation) return;
      statusEl.textContent = strings.failed;
      flushUrl();
    };
  }

  function run() {
    var gen = ++generation;
    root.setAttribute("data-search-gen", String(gen));
    var q = input.value;
    if (lastSortAuto) sortSelect.value = defaultSort();
    return queryScores(q).then(function (scores) {
      if (gen !== generation) return;
      var r = filter(scores, selected());
      rank(r.hits, comparator(scores, sortSelect.value));
      // The first chunks are asked for now; the facet counts are computed
      // while they come.
      var painted = renderPage(gen, 0, function () { firstPainted(gen); });
      showCounts(countFacets(r.role));
      // Announced once per query, not as the cards come in.
      announce(count);
      root.setAttribute("data-results", String(count));
      return painted;
    }).then(function () {
      if (gen !== generation) return;
      firstPainted(gen); // no results: the empty list is the first paint
      flushUrl();
      root.setAttribute("data-search-ready", String(gen));
    }).catch(failed(gen));
  }

  // ---------------------------------------------------------------- start

  function start() {
    keys = {};
    keyList = manifest.keys.split(" ").filter(Boolean);
    keyList.forEach(function (k) { keys[k] = true; });
    buildColumns();
    computeDynamic();
    manifest.facets.forEach(function (k) {
      var boxes = form.querySelectorAll("[data-facet='" + k + "'] input[type=checkbox]");
      var byIndex = [], outs = [];
      for (var i = 0; i < boxes.length; i++) {
        var at = +boxes[i].getAttribute("data-i");
        byIndex[at] = boxes[i];
        outs[at] = boxes[i].parentNode.querySelector(".facet-count");
      }
      facetInputs[k] = byIndex;
      facetCounts[k] = outs;
    });
    form.hidden = false;
    // On a phone the filters start folded, so the results come first.
    var filters = document.getElementById("search-filters");
    if (filters && window.matchMedia && window.matchMedia("(max-width: 59.99rem)").matches) filters.open = false;
    var browse = document.getElementById("catalogue-browse");
    if (browse) browse.hidden = true;
    var pages = document.getElementById("catalogue-pages");
    if (pages) pages.hidden = true;
    formFromUrl();
    lastSortAuto = !new URLSearchParams(location.search).get("sort");

    var typing = null;
    input.addEventListener("input", function () {
      run();
      // One history entry per search, not per keystroke: the first
      // keystroke after a pause adds one, the next ones update it.
      writeUrlLater(typing === null);
      clearTimeout(typing);
      typing = setTimeout(function () { typing = null; }, 1000);
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      writeUrlLater(true);
      run();
    });
    form.addEventListener("change", function (e) {
      if (e.target === input) return;
      if (e.target === sortSelect) lastSortAuto = false;
      run();
      writeUrlLater(true);
    });
    form.addEventListener("reset", function () {
      setTimeout(function () {
        lastSortAuto = true;
        sortSelect.value = defaultSort();
        run();
        writeUrlLater(true);
      }, 0);
    });
    moreButton.addEventListener("click", function () {
      var first = shown, gen = generation;
      renderPage(gen, first, function () {
        // Keyboard users continue from the first new result, as soon as it is there.
        var link = list.children[first] && list.children[first].querySelector("a");
        if (link) link.focus();
      }).catch(failed(gen));
    });
    window.addEventListener("popstate", function () {
      formFromUrl();
      lastSortAuto = !new URLSearchParams(location.search).get("sort");
      run();
    });
    return run();
  }

  statusEl.textContent = strings.loading;
  getJson(root.getAttribute("data-search-index")).then(function (m) {
    manifest = m;
    return getJson(base + m.docs);
  }).then(function (t) {
    table = t;
    return start();
  }).catch(function (e) {
    if (window.console) console.error(e);
    statusEl.textContent = strings.failed;
  });
})();
