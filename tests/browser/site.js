'use strict';
// Shared helpers of the browser tests: build the bundled catalogue with the
// release binary, serve it on 127.0.0.1, drive Debian's Chromium through
// playwright-core, and run axe-core in a page.
//
// Environment:
//   CARGO_TARGET_DIR  where `cargo build --release` put the binary
//                     (default: the repository's target/; a relative path is
//                     taken from the repository root, as cargo does there)
//   VITRINE_BIN       the vitrine binary to use instead
//   CHROMIUM          the browser to use instead of /usr/bin/chromium

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const TODAY = '2026-11-23';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // No host but this machine resolves: pages that do not intercept their
  // requests (crawl's) cannot reach the network either.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];
const AXE_SOURCE = path.join(path.dirname(require.resolve('axe-core')), 'axe.min.js');

function vitrineBinary() {
  if (process.env.VITRINE_BIN) return path.resolve(process.env.VITRINE_BIN);
  const target = process.env.CARGO_TARGET_DIR
    ? path.resolve(REPO_ROOT, process.env.CARGO_TARGET_DIR)
    : path.join(REPO_ROOT, 'target');
  return path.join(target, 'release', process.platform === 'win32' ? 'vitrine.exe' : 'vitrine');
}

/**
 * Builds the site of `root` (default: the repository's own) into a fresh
 * temporary folder, with `args` added to `vitrine build` (`--minify`);
 * returns that folder.
 */
function buildSite(root = REPO_ROOT, args = []) {
  const bin = vitrineBinary();
  if (!fs.existsSync(bin)) {
    throw new Error(`${bin} does not exist: run \`cargo build --release\` first ` +
      '(or set CARGO_TARGET_DIR / VITRINE_BIN)');
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-browser-'));
  const output = path.join(tmp, 'site');
  try {
    execFileSync(bin, ['build', '--root', root, '--output', output, '--today', TODAY, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
  } catch (err) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw new Error(`vitrine build failed (exit ${err.status}):\n${err.stdout || ''}${err.stderr || ''}`);
  }
  return { dir: output, remove: () => fs.rmSync(tmp, { recursive: true, force: true }) };
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};

/** A static server of `root` on 127.0.0.1 and a free port: index.html for folders, the site's 404.html. */
async function serve(root) {
  const server = http.createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = path.join(root, pathname);
    if (!file.startsWith(root + path.sep) && file !== root) {
      res.writeHead(403).end();
      return;
    }
    let stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat && stat.isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { Location: pathname + '/' }).end();
        return;
      }
      file = path.join(file, 'index.html');
      stat = fs.statSync(file, { throwIfNoEntry: false });
    }
    let status = 200;
    if (!stat || !stat.isFile()) {
      status = 404;
      file = path.join(root, '404.html');
      if (!fs.existsSync(file)) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        return;
      }
    }
    const type = TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
    // The site does not change while it is served: a tab reused from page
    // to page (crawl) may keep the stylesheets and scripts; everything else
    // (pages, the search index) is fetched afresh.
    const cache = /^text\/(css|javascript);/.test(type) ? 'max-age=3600' : 'no-store';
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': cache });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}

/** Debian's Chromium, headless, with a fresh profile (playwright makes a new temporary user data dir per launch). */
async function launchBrowser() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} does not exist: \`apt-get install chromium\` (or set CHROMIUM)`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/**
 * Builds and serves the site (of `root`, default: the repository's own,
 * built with `args` added) and starts Chromium; call once per test file.
 * Returns { baseUrl, siteDir, browser, blocked, newPage(options),
 * closePage(page), close() }; newPage's options: width, height,
 * javaScriptEnabled, intercept, colorScheme ('light' or 'dark').
 * Pages only ever reach 127.0.0.1: any other request is aborted and recorded
 * in `blocked`.
 */
async function startSite({ root, args } = {}) {
  const site = buildSite(root, args);
  let server;
  let browser;
  try {
    server = await serve(site.dir);
    browser = await launchBrowser();
  } catch (err) {
    if (server) await server.close();
    site.remove();
    throw err;
  }
  const blocked = [];
  const contexts = [];
  const local = (href) => {
    const url = new URL(href);
    return url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:';
  };
  // intercept: false only records the requests that leave 127.0.0.1 (the
  // browser cannot resolve any other host): intercepting every request
  // costs a round trip each and turns the browser's cache off.
  async function newPage({ width = 1280, height = 800, javaScriptEnabled = true, intercept = true, colorScheme = 'light' } = {}) {
    const context = await browser.newContext({
      viewport: { width, height },
      colorScheme,
      javaScriptEnabled,
      bypassCSP: true,
      reducedMotion: 'reduce',
    });
    contexts.push(context);
    if (intercept) {
      await context.route('**/*', (route) => {
        if (local(route.request().url())) return route.continue();
        blocked.push(route.request().url());
        return route.abort('blockedbyclient');
      });
    } else {
      context.on('request', (request) => {
        if (!local(request.url())) blocked.push(request.url());
      });
    }
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    return page;
  }
  return {
    baseUrl: server.url,
    siteDir: site.dir,
    browser,
    blocked,
    newPage,
    async closePage(page) {
      await page.context().close();
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close().catch(() => {});
      await server.close();
      site.remove();
    },
  };
}

/** Injects axe-core into the page and runs it with its default rules; returns the violations. */
async function axeViolations(page) {
  await page.addScriptTag({ path: AXE_SOURCE });
  const results = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      tags: v.tags,
      nodes: v.nodes.map((n) => ({
        target: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' | '),
        html: n.html,
        summary: n.failureSummary,
      })),
    }));
  });
  return results;
}

/** A readable account of axe violations for an assertion message. */
function formatViolations(violations, where) {
  if (violations.length === 0) return `${where}: no axe violation`;
  const lines = [`${where}: ${violations.length} axe violation(s)`];
  for (const v of violations) {
    lines.push(`  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`);
    for (const n of v.nodes) {
      lines.push(`      ${n.target}`);
      lines.push(`        ${n.html.replace(/\s+/g, ' ').slice(0, 200)}`);
      if (n.summary) lines.push(...n.summary.split('\n').map((l) => `        ${l}`));
    }
  }
  return lines.join('\n');
}

/**
 * Every page of a built site, as the root-relative paths a visitor asks for
 * (`/`, `/moocs/vaccinology/`, `/404.html`), sorted: each `.html` file of
 * `siteDir` (a folder's `index.html` is the folder), except the redirect
 * pages of `aliases`, which send the browser elsewhere at once (they are
 * returned apart, as `redirects`).
 */
function sitePages(siteDir) {
  const pages = [];
  const redirects = [];
  (function walk(dir) {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(file);
      } else if (entry.name.endsWith('.html')) {
        const rel = path.relative(siteDir, file).split(path.sep).join('/');
        const url = '/' + rel.replace(/(^|\/)index\.html$/, '$1');
        const head = fs.readFileSync(file, 'utf8').slice(0, 2000);
        (/http-equiv=["']?refresh/i.test(head) ? redirects : pages).push(url);
      }
    }
  })(siteDir);
  return { pages: pages.sort(), redirects: redirects.sort() };
}

/** The root-relative paths of the `<loc>`s of the site's sitemap.xml. */
function sitemapPaths(siteDir) {
  const xml = fs.readFileSync(path.join(siteDir, 'sitemap.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
}

/**
 * Resolves once the page's own scripts are done with its layout: status.js
 * has recomputed the statuses (`data-status-today` on <html>) and, on the
 * catalogue page, search.js has painted its first results
 * (`data-search-ready`). Nothing to wait for with JavaScript off.
 */
async function settle(page, javaScriptEnabled = true) {
  if (!javaScriptEnabled) return;
  // One round trip: a promise in the page, resolved by a MutationObserver,
  // rather than waitForFunction's polling.
  await page.evaluate(() => new Promise((resolve, reject) => {
    const root = document.documentElement;
    const done = () => {
      if (!root.hasAttribute('data-status-today')) return false;
      const search = document.querySelector('[data-search-index]');
      return !search || search.hasAttribute('data-search-ready');
    };
    if (done()) {
      resolve();
      return;
    }
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('the page\'s scripts did not finish (no data-status-today, or no data-search-ready) in 20 s'));
    }, 20_000);
    const observer = new MutationObserver(() => {
      if (!done()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    });
    observer.observe(root, { attributes: true, subtree: true, attributeFilter: ['data-status-today', 'data-search-ready'] });
  }));
}

/**
 * Visits every path of `paths` at every width of `widths` with one browser
 * tab per (width, share of the paths), `tabs` of them at a time; a tab is
 * reused from page to page. For each page, once loaded and settled,
 * `visit(page, { path, width, response })` runs; what it returns, or the
 * error it throws, is collected. Returns
 * [{ path, width, result } or { path, width, error }] in no set order.
 *
 * site: what startSite() returns. Options: height (of the viewport, 800),
 * javaScriptEnabled (true), clock (a Date: the browser's fixed time, so
 * statuses are those of a given day), tabs (2: one per core of the CI).
 */
async function crawl(site, { paths, widths, visit, height = 800, javaScriptEnabled = true, clock, tabs = 2 }) {
  const perWidth = Math.max(1, Math.ceil(tabs / widths.length));
  const jobs = [];
  for (const width of widths) {
    for (let k = 0; k < perWidth; k++) {
      const share = paths.filter((_, i) => i % perWidth === k);
      if (share.length > 0) jobs.push({ width, paths: share });
    }
  }
  const results = [];
  async function run(job) {
    const page = await site.newPage({ width: job.width, height, javaScriptEnabled, intercept: false });
    try {
      if (clock) await page.clock.setFixedTime(clock);
      for (const p of job.paths) {
        try {
          const response = await page.goto(site.baseUrl + p, { waitUntil: 'load' });
          await settle(page, javaScriptEnabled);
          results.push({ path: p, width: job.width, result: await visit(page, { path: p, width: job.width, response }) });
        } catch (error) {
          results.push({ path: p, width: job.width, error });
        }
      }
    } finally {
      await site.closePage(page);
    }
  }
  const queue = jobs.slice();
  const workers = Array.from({ length: Math.min(tabs, jobs.length) }, async () => {
    while (queue.length > 0) await run(queue.shift());
  });
  await Promise.all(workers);
  return results;
}

module.exports = {
  vitrine: vitrineBinary,
  REPO_ROOT,
  TODAY,
  startSite,
  buildSite,
  serve,
  launchBrowser,
  axeViolations,
  formatViolations,
  sitePages,
  sitemapPaths,
  settle,
  crawl,
};
