'use strict';
// axe-core at 0 violations on every page of the bundled catalogue, in both
// languages, not a sample (issue 20): every .html file the build wrote is
// opened (once its scripts ran) on a desktop-sized screen and checked with
// axe's default rules (WCAG 2 A and AA, and best practices), redirect pages
// included. a11y.test.js checks a few pages at several widths; this file
// checks them all at one.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { startSite, axeViolations, formatViolations } = require('./site');

/** The URL path of every .html file under `dir` (`moocs/x/index.html` -> `/moocs/x/`), sorted. */
function everyPage(dir) {
  const pages = [];
  const walk = (sub) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith('.html')) pages.push('/' + rel.replace(/(^|\/)index\.html$/, '$1'));
    }
  };
  walk('');
  return pages.sort();
}

// Pages checked at once (one browser tab each).
const TABS = 2;

describe('axe-core on every page of the built site', { timeout: 900_000 }, () => {
  let site;
  before(async () => {
    site = await startSite();
  });
  after(async () => {
    if (site) await site.close();
  });

  it('every page, in every language, has no axe violation', { timeout: 900_000 }, async () => {
    const pages = everyPage(site.siteDir);
    assert.ok(pages.length > 200, `the bundled catalogue has hundreds of pages (${pages.length})`);
    assert.ok(pages.some((p) => p.startsWith('/en/')), 'pages of the second language are checked');
    const problems = [];
    let next = 0;
    const worker = async () => {
      const page = await site.newPage({ width: 1280, height: 800 });
      for (let i = next++; i < pages.length; i = next++) {
        const url = site.baseUrl + pages[i];
        const file = path.join(site.siteDir, pages[i].replace(/\/$/, '/index.html'));
        const html = fs.readFileSync(file, 'utf8');
        // A redirect page (an alias) would leave at once: it is checked
        // with its <meta http-equiv="refresh"> taken out.
        const refresh = /<meta http-equiv="refresh"[^>]*>/i;
        if (refresh.test(html)) {
          await page.route(url, (route) =>
            route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html.replace(refresh, '') }));
        }
        const response = await page.goto(url, { waitUntil: 'load' });
        await page.unroute(url);
        const expected = pages[i] === '/404.html' ? [200, 404] : [200];
        if (!expected.includes(response.status())) problems.push(`${pages[i]}: HTTP ${response.status()}`);
        const violations = await axeViolations(page);
        if (violations.length > 0) problems.push(formatViolations(violations, pages[i]));
      }
      await site.closePage(page);
    };
    await Promise.all(Array.from({ length: TABS }, worker));
    assert.equal(next >= pages.length, true);
    assert.deepEqual(problems, [], `${problems.length} page(s) with problems:\n${problems.join('\n')}`);
    assert.deepEqual(site.blocked, [], 'pages asked for resources outside 127.0.0.1');
  });
});
