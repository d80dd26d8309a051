'use strict';
// Bytes and times of the search client on a built site, in headless
// Chromium (benches/README.md, issue 5). Usage:
//   node benches/search_browser.js SITE_DIR [query ...]
// Prints, for the catalogue page /moocs/: the bytes (gzip -6 of each file,
// as a host would send them) of the engine and index files fetched up to
// the first query's results, then of each further query, and two times from
// the input event: to the first results painted (data-search-first: the
// first card is in the list) and to all of the first page painted
// (data-search-ready), each cold (files fetched for the first time) and
// with the files cached (median of 5 runs per query).

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const helpers = require(path.join(__dirname, '..', 'tests', 'browser', 'site.js'));

const dir = process.argv[2];
const queries = process.argv.slice(3).length ? process.argv.slice(3)
  : ['vaccin', 'epidemie', 'climat', 'algorithme', 'biodiversite reseau', 'stat'];

// Sizes are computed when printed, not as requests finish: this process
// also runs the HTTP server, and gzipping there would delay the files
// whose arrival is being timed.
const gzSizes = new Map();
function gz(file) {
  if (!gzSizes.has(file)) gzSizes.set(file, zlib.gzipSync(fs.readFileSync(file), { level: 6 }).length);
  return gzSizes.get(file);
}

(async () => {
  const server = await helpers.serve(path.resolve(dir));
  const browser = await helpers.launchBrowser();
  const context = await browser.newContext();
  const page = await context.newPage();
  let fetched = [];
  page.on('requestfinished', (req) => {
    const u = new URL(req.url());
    let rel = decodeURIComponent(u.pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(dir, rel);
    if (fs.existsSync(file)) fetched.push({ rel, file });
  });
  const t0 = Date.now();
  await page.goto(`${server.url}/moocs/`);
  await page.waitForSelector('[data-search-ready]', { timeout: 120_000 });
  const ready = Date.now() - t0;

  // Times from the input event to the frame after the query's generation is
  // in data-search-first (first card painted) or data-search-ready (the
  // whole first page painted). "First" is never later than "all": a client
  // without data-search-first (before progressive painting) paints all at once.
  async function query(q) {
    return page.evaluate(async (text) => {
      const root = document.querySelector('[data-search-index]');
      const input = document.getElementById('search-q');
      let gen = null;
      const when = (attrs) => new Promise((resolve) => {
        const obs = new MutationObserver(() => {
          if (gen === null || !attrs.some((a) => root.getAttribute(a) === gen)) return;
          obs.disconnect();
          requestAnimationFrame(() => resolve(performance.now()));
        });
        obs.observe(root, { attributes: true, attributeFilter: attrs });
      });
      const first = when(['data-search-first', 'data-search-ready']);
      const all = when(['data-search-ready']);
      const timeout = new Promise((r) => setTimeout(() => r(NaN), 20000));
      input.value = text;
      const start = performance.now();
      input.dispatchEvent(new Event('input', { bubbles: true }));
      gen = root.getAttribute('data-search-gen');
      const [f, a] = await Promise.all([Promise.race([first, timeout]), Promise.race([all, timeout])]);
      return { first: f - start, all: a - start, results: Number(root.getAttribute('data-results')) };
    }, q);
  }

  const sum = (list) => list.reduce((a, f) => a + gz(f.file), 0);
  const isSearch = (f) => !f.rel.endsWith('.html') && !f.rel.endsWith('.css');
  const html = fetched.filter((f) => f.rel.endsWith('.html'));
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  const rows = [];
  for (const [i, q] of queries.entries()) {
    const before = fetched.length;
    const cold = await query(q);
    const bytes = i === 0 ? sum(fetched.filter(isSearch)) : sum(fetched.slice(before).filter(isSearch));
    const files = i === 0 ? fetched.filter(isSearch).length : fetched.slice(before).filter(isSearch).length;
    // With the files cached: median of 5, after the cold run.
    const cached = [];
    for (let k = 0; k < 5; k++) {
      await query('');
      cached.push(await query(q));
    }
    rows.push({
      q, results: cold.results, files, kb: bytes / 1024, cold,
      cached: { first: median(cached.map((t) => t.first)), all: median(cached.map((t) => t.all)) },
    });
    await query('');
  }
  const ms = (t) => t.toFixed(1).padStart(7);
  console.log(`catalogue page HTML: ${(sum(html) / 1024).toFixed(1)} KB gzip (${html.length} file); engine and table ready in ${ready} ms`);
  console.log('                                                  cold ms         cached ms');
  console.log('query                 results  files  KB gzip   first    all     first    all');
  for (const [i, r] of rows.entries()) {
    const label = (i === 0 ? '(first) ' : '') + r.q;
    console.log(`${label.padEnd(22)}${String(r.results).padStart(7)}${String(r.files).padStart(7)}` +
      `${r.kb.toFixed(1).padStart(9)} ${ms(r.cold.first)}${ms(r.cold.all)}   ${ms(r.cached.first)}${ms(r.cached.all)}`);
  }
  // Typing a new word letter by letter, as a visitor does: each keystroke's
  // times, fetching included (its shard at the second letter, new chunks).
  const word = process.env.TYPING_WORD || 'biodiversite';
  const typed = [];
  for (let k = 1; k <= word.length; k++) typed.push(await query(word.slice(0, k)));
  for (const which of ['first', 'all']) {
    const t = typed.map((x) => x[which]);
    console.log(`typing "${word}", ${which === 'first' ? 'first results' : 'all results  '}: ` +
      `${t.map((x) => x.toFixed(0)).join(' ')} ms; median ${median(t).toFixed(1)} ms, ` +
      `worst ${Math.max(...t).toFixed(1)} ms`);
  }
  const first = fetched.filter(isSearch).slice(0, 6);
  console.log('first files: ' + first.map((f) => `${path.basename(f.rel)} ${(gz(f.file) / 1024).toFixed(1)} KB`).join(', '));
  await browser.close();
  await server.close();
})().catch((e) => { console.error(e); process.exit(1); });
