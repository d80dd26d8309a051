'use strict';
// `vitrine build --minify` does not change what a page shows or says: on
// one page of every kind, in both languages, the text the page shows
// (`document.body.innerText`, once its scripts ran) and its accessibility
// tree (what a screen reader is given: Playwright's ARIA snapshot of the
// body) are the same as the plain build's. And it does make the site
// smaller.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { startSite, settle, sitePages } = require('./site');

/** One page of each kind: the first of the built site that matches. */
const KINDS = [
  ['home', /^\/$/],
  ['catalogue', /^\/moocs\/$/],
  ['open for enrolment', /^\/moocs\/open\/$/],
  ['MOOC', /^\/moocs\/(?!page\/|open\/)[^/]+\/$/],
  ['list of parcours', /^\/parcours\/$/],
  ['parcours', /^\/parcours\/[^/]+\/$/],
  ['platform', /^\/platforms\/[^/]+\/$/],
  ['institution', /^\/institutions\/[^/]+\/$/],
  ['subject', /^\/subjects\/[^/]+\/$/],
  ['list of schedules', /^\/schedules\/$/],
  ['schedule', /^\/schedules\/[^/]+\/$/],
  ['language', /^\/languages\/[^/]+\/$/],
  ['level', /^\/levels\/[^/]+\/$/],
  ['free page', /^\/(?!moocs|parcours|platforms|institutions|subjects|schedules|languages|levels|en)[^/]+\/$/],
  ['not found', /^\/404\.html$/],
  ['home in English', /^\/en\/$/],
  ['MOOC in English', /^\/en\/moocs\/(?!page\/|open\/)[^/]+\/$/],
  ['schedule in English', /^\/en\/schedules\/[^/]+\/$/],
];

function bytes(dir) {
  let total = 0;
  (function walk(d) {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) walk(f);
      else if (/\.(html|css|js)$/.test(e.name)) total += fs.statSync(f).size;
    }
  })(dir);
  return total;
}

describe('minified and plain builds show and say the same', { timeout: 600_000 }, () => {
  let plain;
  let minified;
  before(async () => {
    plain = await startSite();
    minified = await startSite({ args: ['--minify'] });
  });
  after(async () => {
    if (plain) await plain.close();
    if (minified) await minified.close();
  });

  it('the minified site is smaller, with the same files', () => {
    const pages = sitePages(plain.siteDir);
    assert.deepEqual(sitePages(minified.siteDir), pages);
    const [a, b] = [bytes(plain.siteDir), bytes(minified.siteDir)];
    assert.ok(b < a * 0.95, `HTML, CSS and JS: ${b} bytes minified, ${a} plain`);
  });

  it('every kind of page has the same text and accessibility tree', async () => {
    const { pages } = sitePages(plain.siteDir);
    const missing = [];
    for (const [kind, pattern] of KINDS) {
      const url = pages.find((p) => pattern.test(p));
      if (!url) {
        missing.push(kind);
        continue;
      }
      const seen = [];
      for (const site of [plain, minified]) {
        const page = await site.newPage({ width: 1280, height: 800 });
        try {
          const response = await page.goto(site.baseUrl + url, { waitUntil: 'load' });
          assert.ok(response.status() === 200 || url === '/404.html', `GET ${url}`);
          await settle(page);
          const text = await page.evaluate(() => document.body.innerText);
          // A blob: URL (the planner's download link) is made afresh on
          // every load: only its being a blob is compared.
          const tree = (await page.locator('body').ariaSnapshot()).replace(/blob:\S+/g, 'blob:');
          const title = await page.title();
          seen.push({ text, tree, title });
        } finally {
          await site.closePage(page);
        }
      }
      const [a, b] = seen;
      assert.ok(a.text.length > 20, `${kind} (${url}) shows text`);
      assert.equal(b.title, a.title, `${kind} (${url}): the title`);
      assert.equal(b.text, a.text, `${kind} (${url}): the text the page shows`);
      assert.equal(b.tree, a.tree, `${kind} (${url}): the accessibility tree`);
    }
    assert.deepEqual(missing, [], 'a page of every kind was found in the built catalogue');
  });
});
