'use strict';
// axe-core (default rules: WCAG 2 A and AA, and best practices) finds no
// violation on the main kinds of page, on a desktop and on a phone, once
// their scripts ran; the only scripts are the theme's own, deferred and
// content-hashed (status.js everywhere, search.js on the catalogue page,
// planner.js and planner-ui.js on a parcours page with a schedule),
// they raise no error, and the site works with JavaScript off. The dark
// colour scheme passes too.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startSite, settle, axeViolations, formatViolations } = require('./site');

const PAGES = [
  '/',
  '/moocs/',
  '/moocs/vaccinology/',
  '/moocs/abc-du-langage-c/',
  '/schedules/',
  '/parcours/dnm2ip/',
  '/institutions/imt/',
  '/qu-est-ce-qu-un-mooc/',
  '/en/',
  '/en/moocs/',
  '/404.html',
];
const WIDTHS = [1280, 375];

describe('accessibility of the built site', { timeout: 300_000 }, () => {
  let site;
  before(async () => {
    site = await startSite();
  });
  after(async () => {
    if (site) await site.close();
    assert.deepEqual(site ? site.blocked : [], [], 'pages asked for resources outside 127.0.0.1');
  });

  for (const path of PAGES) {
    for (const width of WIDTHS) {
      it(`${path} at ${width} px: own scripts only, no axe violation`, { timeout: 60_000 }, async () => {
        const page = await site.newPage({ width, height: 800 });
        const scripts = [];
        const failed = [];
        page.on('request', (req) => {
          if (req.resourceType() === 'script') scripts.push(req.url());
        });
        page.on('response', (res) => {
          if (res.status() >= 400 && res.url() !== site.baseUrl + path) failed.push(`${res.status()} ${res.url()}`);
        });
        page.on('requestfailed', (req) => failed.push(`${req.failure()?.errorText} ${req.url()}`));
        const errors = [];
        page.on('pageerror', (e) => errors.push(e.message));
        try {
          const response = await page.goto(site.baseUrl + path, { waitUntil: 'load' });
          assert.equal(response.status(), 200, `GET ${path}`);
          const html = await response.text();
          const tags = html.match(/<script\b[^>]*>/gi) || [];
          for (const tag of tags) {
            assert.match(tag, /type="application\/(ld\+)?json"|src="\/(status|search|planner|planner-ui|trailer)\.[0-9a-f]{10}\.js" defer/, `${path}: ${tag}`);
          }
          for (const url of scripts) {
            assert.match(new URL(url).pathname, /^\/(status|search|planner|planner-ui|trailer)\.[0-9a-f]{10}\.js$/, `${path} loaded ${url}`);
          }
          await page.waitForFunction(() => document.documentElement.hasAttribute('data-status-today'));
          if (path.endsWith('/moocs/')) await page.waitForSelector('[data-search-ready]');
          assert.deepEqual(errors, [], `${path}: script errors`);
          assert.deepEqual(failed, [], `${path}: some of its resources did not load`);

          const violations = await axeViolations(page);
          assert.equal(violations.length, 0, formatViolations(violations, `${path} at ${width} px`));
        } finally {
          await site.closePage(page);
        }
      });
    }
  }

  // axe checks contrast in the scheme the page is shown in: the dark one
  // too, on the pages with the most colours (badges, cards, grid, code).
  for (const path of ['/', '/moocs/vaccinology/', '/moocs/abc-du-langage-c/', '/schedules/dnm2ip/', '/en/moocs/']) {
    it(`${path} in the dark colour scheme at 375 px: no axe violation`, { timeout: 60_000 }, async () => {
      const page = await site.newPage({ width: 375, height: 800, colorScheme: 'dark' });
      try {
        await page.goto(site.baseUrl + path, { waitUntil: 'load' });
        await settle(page);
        assert.ok(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), 'not in the dark scheme');
        const violations = await axeViolations(page);
        assert.equal(violations.length, 0, formatViolations(violations, `${path} in the dark scheme at 375 px`));
      } finally {
        await site.closePage(page);
      }
    });
  }

  it('with JavaScript off the schedule page shows the grid', { timeout: 60_000 }, async () => {
    const page = await site.newPage({ width: 1280, height: 800, javaScriptEnabled: false });
    try {
      const response = await page.goto(`${site.baseUrl}/schedules/dnm2ip/`, { waitUntil: 'load' });
      assert.equal(response.status(), 200);
      const grid = page.locator('.grid-scroll table.grid');
      assert.ok(await grid.count() > 0, 'no .grid-scroll table.grid with JavaScript off');
      await grid.first().waitFor({ state: 'visible' });
      const rows = grid.first().locator('tbody tr[data-mooc]');
      assert.ok(await rows.count() > 0, 'the grid has no tbody tr[data-mooc] rows');
      assert.ok(await rows.first().locator('th[scope=row]').count() === 1,
        'the first grid row does not start with a th[scope=row]');
    } finally {
      await site.closePage(page);
    }
  });

  it('an unknown address gets the site\'s 404 page', { timeout: 60_000 }, async () => {
    const page = await site.newPage({ width: 1280, height: 800 });
    try {
      const response = await page.goto(`${site.baseUrl}/no/such/page/`);
      assert.equal(response.status(), 404);
      assert.ok((await page.title()).length > 0, 'the 404 page has no title');
    } finally {
      await site.closePage(page);
    }
  });
});
