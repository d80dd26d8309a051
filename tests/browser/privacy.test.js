'use strict';
// No third-party request (issue 22): every page of the bundled catalogue,
// in both languages, with its scripts, on a screen tall enough for lazy
// images to load, asks nothing of any host but the site's (every request
// that leaves 127.0.0.1 is recorded by the context, whatever its kind:
// page, style, script, font, image, frame, beacon). And a MOOC trailer on
// YouTube is a click-to-load player: nothing reaches youtube-nocookie.com
// before the click, the player does after it.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startSite, crawl, sitePages, REPO_ROOT } = require('./site');

const CLOCK = new Date('2026-11-23T12:00:00+01:00');

describe('no request leaves the bundled site', { timeout: 600_000 }, () => {
  let site;
  before(async () => {
    site = await startSite();
  });
  after(async () => {
    if (site) await site.close();
  });

  it('on every page, in every language', { timeout: 600_000 }, async () => {
    const { pages } = sitePages(site.siteDir);
    assert.ok(pages.length > 200, `hundreds of pages (${pages.length})`);
    for (const duty of ['/accessibility/', '/legal-notice/', '/privacy/', '/en/accessibility/', '/en/privacy/']) {
      assert.ok(pages.includes(duty), `${duty} is a page of the site`);
    }
    const results = await crawl(site, {
      paths: pages,
      widths: [1280],
      height: 5000,
      clock: CLOCK,
      visit: async (page, { response }) => {
        // Ask for what a visitor could make the page load by scrolling.
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        return response.status();
      },
    });
    const failed = results.filter((r) => r.error).map((r) => `${r.path}: ${r.error.message}`);
    assert.deepEqual(failed, []);
    assert.deepEqual(site.blocked, [], 'requests to other hosts than the site');
  });
});

describe('a trailer loads nothing before the click', { timeout: 240_000 }, () => {
  let site;
  let root;
  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-trailer-'));
    fs.cpSync(path.join(REPO_ROOT, 'tests', 'fixtures', 'minimal'), root, { recursive: true });
    fs.cpSync(path.join(REPO_ROOT, 'themes', 'default'), path.join(root, 'themes', 'default'), { recursive: true });
    const file = path.join(root, 'content', 'moocs', 'rage.md');
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace(/^\+\+\+\n/, '+++\ntrailer = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"\n'));
    site = await startSite({ root });
  });
  after(async () => {
    if (site) await site.close();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('asks youtube-nocookie.com only once the visitor clicks, and never youtube.com', async () => {
    const page = await site.newPage({ width: 375, height: 900, intercept: false });
    await page.goto(`${site.baseUrl}/moocs/rage/`, { waitUntil: 'load' });
    const button = page.locator('[data-trailer-load]');
    await button.waitFor();
    assert.equal(await page.locator('iframe').count(), 0);
    assert.deepEqual(site.blocked, [], 'nothing asked of another host before the click');
    await button.click();
    const frame = page.locator('iframe.trailer-frame');
    await frame.waitFor({ state: 'attached' });
    assert.equal(await frame.getAttribute('src'), 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    assert.match(await frame.getAttribute('title'), /Bande-annonce/);
    await page.waitForTimeout(200);
    assert.ok(site.blocked.length > 0, 'the player was asked for');
    for (const url of site.blocked) assert.equal(new URL(url).hostname, 'www.youtube-nocookie.com', url);
    site.blocked.length = 0;
    await site.closePage(page);
  });

  it('stays a link without JavaScript', async () => {
    const page = await site.newPage({ width: 375, height: 900, javaScriptEnabled: false });
    await page.goto(`${site.baseUrl}/moocs/rage/`, { waitUntil: 'load' });
    assert.equal(await page.locator('section.trailer').isVisible(), false);
    assert.equal(await page.locator('a[href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"]').count(), 1);
    await site.closePage(page);
  });
});
