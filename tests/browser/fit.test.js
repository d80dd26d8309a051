'use strict';
// Every page fits a phone (issue 15): every page of the bundled catalogue,
// in both languages, at 320, 375, 768 and 1280 px, never scrolls sideways:
// document.documentElement.scrollWidth stays within the viewport. Wide
// content (sessions tables, schedule grids, code) scrolls or wraps inside
// its own box. A failure names the page and the element that sticks out.
//
// The content of the catalogue being tame, a small site of the widest
// content there is (an unbreakable French title, a long URL, long code, a
// wide image, video and frame, a table of many columns, sessions with every
// column) must fit at 320 px too.
//
// It also saves a screenshot of each kind of page (home, MOOC, parcours,
// lists, platform, ...) at 375 and 1280 px for a reviewer to look at, in
// ${CARGO_TARGET_DIR:-target}/browser-screenshots/ (printed at the end);
// they are not compared with anything.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startSite, crawl, sitePages, sitemapPaths, REPO_ROOT } = require('./site');

const WIDTHS = [320, 375, 768, 1280];
const SHOT_WIDTHS = [375, 1280];
const CLOCK = new Date('2026-11-23T12:00:00+01:00');
const WORD = 'Anticonstitutionnellement-intergouvernementalisations';

/**
 * A copy of tests/fixtures/minimal with the repository's default theme,
 * plus a MOOC with the widest content a page may get: its root folder
 * (remove it with fs.rmSync).
 */
function wideSite() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-wide-'));
  fs.cpSync(path.join(REPO_ROOT, 'tests', 'fixtures', 'minimal'), root, { recursive: true });
  // The theme of the working copy, not the one built into the binary.
  fs.cpSync(path.join(REPO_ROOT, 'themes', 'default'), path.join(root, 'themes', 'default'), { recursive: true });
  fs.mkdirSync(path.join(root, 'static'), { recursive: true });
  fs.writeFileSync(path.join(root, 'static', 'large.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg" width="2400" height="300"><rect width="2400" height="300" fill="#0b57a4"/></svg>\n');
  const long = 'https://moocs.example.org/un/tres/long/chemin/sans/aucune/espace/pour/voir/si/la/page/deborde/index.html';
  fs.writeFileSync(path.join(root, 'content', 'moocs', 'large.md'), `+++
title = "${WORD} et hippopotomonstrosesquippedaliophobie"
summary = "${WORD} ${WORD}, voir ${long}"
languages = ["fr"]
institutions = ["institut-pasteur", "imt"]
platform = "fun-mooc"
subjects = ["${WORD}"]
teachers = ["${WORD}"]
prerequisites = "${long}"
level = "advanced"

[[sessions]]
start = 2026-11-02
end = 2027-02-13
enrollment_start = 2026-10-01
enrollment_end = 2026-12-20
exam_start = 2027-02-01
exam_end = 2027-02-13
url = "${long}"
platform = "fun-mooc"

[[sessions]]
start = 2027-09-06
end = 2027-12-19
url = "${long}"

[[sessions]]
start = "2028-T1"
+++

## ${WORD}

Un lien écrit en entier : <${long}>.

\`\`\`c
int main(void) { printf("%s\\n", "une ligne de code bien plus longue que l'écran d'un téléphone, sans retour à la ligne"); return 0; }
\`\`\`

![Une image très large](/large.svg)

<iframe width="800" height="450" title="Une vidéo" srcdoc="<p>vidéo</p>"></iframe>

<video width="1200" height="600" controls></video>

| ${WORD} | colonne | colonne | colonne | colonne | colonne | colonne | colonne |
|---|---|---|---|---|---|---|---|
| ${WORD} | ${long} | valeur | valeur | valeur | valeur | valeur | valeur |
`);
  return root;
}
// The page shown for a kind when there is a choice: the one with the most
// to fit (the MOOC with the widest sessions table, a parcours with a grid).
const PREFERRED = ['/moocs/vaccinology/', '/parcours/dnm2ip/', '/schedules/dnm2ip/', '/moocs/open/'];

function screenshotDir() {
  const target = process.env.CARGO_TARGET_DIR
    ? path.resolve(REPO_ROOT, process.env.CARGO_TARGET_DIR)
    : path.join(REPO_ROOT, 'target');
  return path.join(target, 'browser-screenshots');
}

/**
 * The kind of each page, from the class of its <body> (`page mooc-page` is
 * `mooc-page`); one page per kind, in the default language, gets its
 * screenshots taken. Returns Map(path -> kind).
 */
function pagesToShoot(siteDir, paths) {
  const byKind = new Map();
  const candidates = [...PREFERRED.filter((p) => paths.includes(p)), ...paths.filter((p) => !p.startsWith('/en/'))];
  for (const p of candidates) {
    const file = path.join(siteDir, p.endsWith('/') ? p + 'index.html' : p);
    const body = fs.readFileSync(file, 'utf8').match(/<body class="([^"]*)"/);
    const kind = body ? body[1].split(/\s+/).filter((c) => c !== 'page').pop() || 'page' : 'page';
    if (!byKind.has(kind)) byKind.set(kind, p);
  }
  return new Map([...byKind].map(([kind, p]) => [p, kind]));
}

/**
 * Runs in the page: null when the document is no wider than the viewport,
 * else the widths and the elements that stick out past its right edge and
 * are not clipped by a scrolling box (an absolutely positioned element is
 * clipped only by a box at or above its containing block), described by a
 * CSS path.
 */
function measureOverflow() {
  const doc = document.documentElement;
  const viewport = doc.clientWidth;
  const scrollWidth = doc.scrollWidth;
  if (scrollWidth <= viewport) return null;

  function cssPath(el) {
    const parts = [];
    for (let e = el; e && e !== doc; e = e.parentElement) {
      let s = e.localName;
      if (e.id) {
        parts.unshift(`${s}#${e.id}`);
        break;
      }
      const classes = [...e.classList].slice(0, 2);
      if (classes.length) s += '.' + classes.join('.');
      const parent = e.parentElement;
      if (parent) {
        const same = [...parent.children].filter((c) => c.localName === e.localName);
        if (same.length > 1) s += `:nth-of-type(${same.indexOf(e) + 1})`;
      }
      parts.unshift(s);
    }
    return parts.join(' > ');
  }

  function positioned(style) {
    return style.position !== 'static' || style.transform !== 'none' || style.contain.includes('paint');
  }

  /**
   * Whether a box between el and the page clips it (so it cannot widen the
   * page); `from` is the first box to look at (el's parent for an element,
   * the element itself for its text).
   */
  function clipped(el, from = el.parentElement) {
    let escaping = from !== el && getComputedStyle(el).position === 'absolute';
    for (let a = from; a && a !== document.body && a !== doc; a = a.parentElement) {
      const style = getComputedStyle(a);
      if (!escaping && style.overflowX !== 'visible') return true;
      if (escaping && positioned(style)) {
        escaping = false;
        if (style.overflowX !== 'visible') return true;
      }
      if (style.position === 'absolute') escaping = true;
    }
    return false;
  }

  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const style = getComputedStyle(el);
    if (style.position === 'fixed' || style.display === 'none') continue;
    const r = el.getBoundingClientRect();
    const right = r.right + window.scrollX;
    if (right <= viewport + 0.5 || clipped(el)) continue;
    let depth = 0;
    for (let a = el; a; a = a.parentElement) depth++;
    out.push({ el, right, width: r.width, depth, position: style.position });
  }
  // Text (a long word) can stick out of a box that does not.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || !node.textContent.trim()) continue;
    range.selectNodeContents(node);
    const r = range.getBoundingClientRect();
    const right = r.right + window.scrollX;
    if (right <= viewport + 0.5 || clipped(el, el)) continue;
    let depth = 1;
    for (let a = el; a; a = a.parentElement) depth++;
    out.push({ el, text: node.textContent.trim(), right, width: r.width, depth, position: 'static' });
  }
  const widest = out.reduce((best, o) =>
    (!best || o.right > best.right + 0.5 || (Math.abs(o.right - best.right) <= 0.5 && o.depth > best.depth) ? o : best), null);
  const outermost = out.reduce((best, o) => (!best || o.depth < best.depth ? o : best), null);
  const show = (o) => o && {
    element: cssPath(o.el) + (o.text ? ` (its text "${o.text.replace(/\s+/g, ' ').slice(0, 60)}")` : ''),
    right: Math.round(o.right),
    width: Math.round(o.width),
    position: o.position,
    html: o.el.outerHTML.replace(/\s+/g, ' ').slice(0, 160),
  };
  return { viewport, scrollWidth, count: out.length, widest: show(widest), outermost: show(outermost) };
}

function report(found) {
  return found.map(({ path: p, width, result: m }) => {
    const lines = [`${p} at ${width} px: the page is ${m.scrollWidth} px wide in a ${m.viewport} px viewport`];
    if (m.widest) {
      lines.push(`    widest: ${m.widest.element} (right edge at ${m.widest.right} px, ${m.widest.width} px wide` +
        `${m.widest.position !== 'static' ? `, position: ${m.widest.position}` : ''})`);
      lines.push(`      ${m.widest.html}`);
      if (m.outermost && m.outermost.element !== m.widest.element) {
        lines.push(`    outermost that sticks out: ${m.outermost.element} (right edge at ${m.outermost.right} px)`);
      }
    } else {
      lines.push('    no single element found past the right edge');
    }
    return lines.join('\n');
  }).join('\n');
}

/** Fails unless every page of `paths` loaded at every width of `widths` and none scrolls sideways. */
function assertAllFit(results, paths, widths) {
  const errors = results.filter((r) => r.error);
  assert.deepEqual(errors.map((r) => `${r.path} at ${r.width} px: ${r.error.message}`), [], 'pages that failed to load');
  assert.equal(results.length, paths.length * widths.length, 'not every page was visited at every width');
  const wide = results.filter((r) => r.result).sort((a, b) => a.path.localeCompare(b.path) || a.width - b.width);
  assert.equal(wide.length, 0, `${wide.length} of ${results.length} page views scroll sideways:\n${report(wide)}`);
}

describe('every page fits the screen: no sideways scrolling', { timeout: 900_000 }, () => {
  let site;
  let paths;
  let shots;
  const saved = [];
  before(async () => {
    site = await startSite();
    paths = sitePages(site.siteDir).pages;
    shots = pagesToShoot(site.siteDir, paths);
    fs.rmSync(screenshotDir(), { recursive: true, force: true });
    fs.mkdirSync(screenshotDir(), { recursive: true });
  });
  after(async () => {
    if (saved.length > 0) {
      console.log(`screenshots of each kind of page, in ${screenshotDir()}:\n  ${saved.sort().join('\n  ')}`);
    }
    if (site) await site.close();
    assert.deepEqual(site ? site.blocked : [], [], 'pages asked for resources outside 127.0.0.1');
  });

  it('the crawl covers every page of the sitemap and both 404 pages', () => {
    const missing = sitemapPaths(site.siteDir).filter((p) => !paths.includes(p));
    assert.deepEqual(missing, [], 'pages of sitemap.xml the crawl would not visit');
    for (const p of ['/404.html', '/en/404.html', '/', '/en/']) assert.ok(paths.includes(p), `${p} is not crawled`);
    assert.ok(paths.some((p) => p.startsWith('/en/moocs/') && p !== '/en/moocs/'), 'no English MOOC page is crawled');
  });

  it(`at ${WIDTHS.join(', ')} px no page is wider than the screen`, { timeout: 900_000 }, async () => {
    const started = Date.now();
    let shooting = 0;
    const results = await crawl(site, {
      paths,
      widths: WIDTHS,
      clock: CLOCK,
      visit: async (page, { path: p, width, response }) => {
        const status = response ? response.status() : 0;
        if (status !== 200 && !(status === 404 && p.endsWith('404.html'))) throw new Error(`GET ${p}: ${status}`);
        if (SHOT_WIDTHS.includes(width) && shots.has(p)) {
          const file = `${shots.get(p)}-${width}.png`;
          const t0 = Date.now();
          await page.screenshot({ path: path.join(screenshotDir(), file), fullPage: true });
          shooting += Date.now() - t0;
          saved.push(file);
        }
        return page.evaluate(measureOverflow);
      },
    });
    console.log(`${results.length} page views (${paths.length} pages at ${WIDTHS.length} widths) in ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s, of which ${(shooting / 1000).toFixed(1)} s of screenshots`);
    assertAllFit(results, paths, WIDTHS);
  });
});

describe('the widest content fits a phone too', { timeout: 300_000 }, () => {
  let root;
  let site;
  before(async () => {
    root = wideSite();
    site = await startSite({ root });
    fs.mkdirSync(screenshotDir(), { recursive: true });
  });
  after(async () => {
    if (site) await site.close();
    if (root) fs.rmSync(root, { recursive: true, force: true });
    assert.deepEqual(site ? site.blocked : [], [], 'pages asked for resources outside 127.0.0.1');
  });

  it('at 320 and 375 px no page of a site of wide content is wider than the screen', { timeout: 300_000 }, async () => {
    const { pages } = sitePages(site.siteDir);
    assert.ok(pages.includes('/moocs/large/'), 'the wide MOOC was not built');
    const html = fs.readFileSync(path.join(site.siteDir, 'moocs', 'large', 'index.html'), 'utf8');
    for (const tag of ['<iframe', '<video', '<pre', '<img', '<table']) assert.ok(html.includes(tag), `no ${tag} on the wide MOOC`);
    const widths = [320, 375];
    const results = await crawl(site, {
      paths: pages,
      widths,
      clock: CLOCK,
      visit: async (page, { path: p, width }) => {
        if (p === '/moocs/large/') {
          const file = `wide-content-mooc-${width}.png`;
          await page.screenshot({ path: path.join(screenshotDir(), file), fullPage: true });
          console.log(`screenshot of the wide MOOC: ${path.join(screenshotDir(), file)}`);
        }
        return page.evaluate(measureOverflow);
      },
    });
    assertAllFit(results, pages, widths);
  });
});
