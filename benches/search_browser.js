'use strict';
// Bytes and times of the search client on a built site, in headless
// Chromium (benches/README.md, issue 5). Usage:
//   node benches/search_browser.js SITE_DIR [query ...]
// Prints, for the catalogue page /moocs/: the bytes (gzip -6 of each file,
// as a host would send them) of the engine and index files fetched up to
// the first query's results, then of each further query, and the time from
// the input event to the results painted (median of 5 runs per query).

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const helpers = require(path.join(__dirname, '..', 'tests', 'browser', 'site.js'));

const dir = process.argv[2];
const queries = process.argv.slice(3).length ? process.argv.slice(3)
  : ['vaccin', 'epidemie', 'climat', 'algorithme', 'biodiversite reseau', 'stat'];

function gz(file) {
  return zlib.gzipSync(fs.readFileSync(file), { level: 6 }).length;
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
    if (fs.existsSync(file)) fetched.push({ rel, raw: fs.statSync(file).size, gz: gz(file) });
  });
  const t0 = Date.now();
  await page.goto(`${server.url}/moocs/`);
  await page.waitForSelector('[data-search-ready]', { timeout: 120_000 });
  const ready = Date.now() - t0;

  async function query(q) {
    return page.evaluate(async (text) => {
      const root = document.querySelector('[data-search-index]');
      const input = document.getElementById('search-q');
      const painted = new Promise((resolve) => {
        const obs = new MutationObserver(() => {
          if (root.getAttribute('data-search-ready') === root.getAttribute('data-search-gen')) {
            obs.disconnect();
            requestAnimationFrame(() => resolve(performance.now()));
          }
        });
        obs.observe(root, { attributes: true });
      });
      input.value = text;
      const start = performance.now();
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const end = await Promise.race([painted, new Promise((r) => setTimeout(() => r(NaN), 20000))]);
      return { ms: end - start, results: Number(root.getAttribute('data-results')) };
    }, q);
  }

  const sum = (list) => list.reduce((a, f) => a + f.gz, 0);
  const isSearch = (f) => !f.rel.endsWith('.html') && !f.rel.endsWith('.css');
  const html = fetched.filter((f) => f.rel.endsWith('.html'));
    const rows = [];
  for (const [i, q] of queries.entries()) {
    const before = fetched.length;
    const first = await query(q);
    const bytes = i === 0 ? sum(fetched.filter(isSearch)) : sum(fetched.slice(before).filter(isSearch));
    const files = i === 0 ? fetched.filter(isSearch).length : fetched.slice(before).filter(isSearch).length;
    // Timing with the files cached (median of 5), after the first (cold) run.
    const times = [first.ms];
    for (let k = 0; k < 4; k++) {
      await query('');
      times.push((await query(q)).ms);
    }
    times.sort((a, b) => a - b);
    rows.push({ q, results: first.results, files, kb: bytes / 1024, cold: first.ms, median: times[2] });
    await query('');
  }
  console.log(`catalogue page HTML: ${(sum(html) / 1024).toFixed(1)} KB gzip (${html.length} file); engine and table ready in ${ready} ms`);
  console.log('query                 results  files  KB gzip  cold ms  median ms');
  for (const [i, r] of rows.entries()) {
    const label = (i === 0 ? '(first) ' : '') + r.q;
    console.log(`${label.padEnd(22)}${String(r.results).padStart(7)}${String(r.files).padStart(7)}` +
      `${r.kb.toFixed(1).padStart(9)}${r.cold.toFixed(1).padStart(9)}${r.median.toFixed(1).padStart(11)}`);
  }
  // Typing a new word letter by letter, as a visitor does: each keystroke's
  // time, fetching included (its shard at the second letter, new chunks).
  const word = process.env.TYPING_WORD || 'biodiversite';
  const typed = [];
  for (let k = 1; k <= word.length; k++) typed.push((await query(word.slice(0, k))).ms);
  const sorted = [...typed].sort((a, b) => a - b);
  console.log(`typing "${word}" letter by letter: ${typed.map((t) => t.toFixed(0)).join(' ')} ms; ` +
    `median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms, worst ${sorted[sorted.length - 1].toFixed(1)} ms`);
  const first = fetched.filter(isSearch).slice(0, 6);
  console.log('first files: ' + first.map((f) => `${path.basename(f.rel)} ${(f.gz / 1024).toFixed(1)} KB`).join(', '));
  await browser.close();
  await server.close();
})().catch((e) => { console.error(e); process.exit(1); });
