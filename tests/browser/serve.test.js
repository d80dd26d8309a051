'use strict';
// `vitrine serve` in a real browser (issue 7): an open page reloads by
// itself after an edit that changed it (and only then); a broken edit shows the problems over the page
// (file:line:column, message) while the last good page stays; fixing it
// removes the overlay.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { vitrine, launchBrowser, REPO_ROOT } = require('./site');

function copyDir(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const a = path.join(from, e.name);
    const b = path.join(to, e.name);
    if (e.isDirectory()) copyDir(a, b); else fs.copyFileSync(a, b);
  }
}

describe('vitrine serve in the browser', { timeout: 180_000 }, () => {
  let tmp, root, server, browser, url, log = '';
  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-serve-'));
    root = path.join(tmp, 'site');
    copyDir(path.join(REPO_ROOT, 'tests', 'fixtures', 'minimal'), root);
    server = spawn(vitrine(), ['serve', '--root', root, '--port', '0', '--today', '2026-11-23'],
      // Its lines in English (the fixture's language is French): the test
      // counts "Rebuilt" lines.
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, VITRINE_LANG: 'en' } });
    url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`vitrine serve did not start:\n${log}`)), 60_000);
      const read = (chunk) => {
        log += chunk;
        // Only the address is read from the line that says where it serves.
        const m = log.match(/(http:\/\/127\.0\.0\.1:\d+)\//);
        if (m) { clearTimeout(timer); resolve(m[1]); }
      };
      server.stdout.on('data', read);
      server.stderr.on('data', read);
      server.on('exit', (code) => reject(new Error(`vitrine serve exited ${code}:\n${log}`)));
    });
    browser = await launchBrowser();
  });
  after(async () => {
    if (browser) await browser.close();
    if (server) server.kill();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const rage = () => path.join(root, 'content', 'moocs', 'rage.md');
  function edit(from, to) {
    const text = fs.readFileSync(rage(), 'utf8');
    assert.ok(text.includes(from), `rage.md contains ${from}`);
    fs.writeFileSync(rage(), text.replace(from, to));
  }

  it('reloads the page after an edit, shows problems and hides them once fixed', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}/moocs/rage/`);
    assert.equal(await page.textContent('h1'), 'La rage');
    // Wait for the event stream to be open, then mark this page: a reload drops the mark.
    await page.waitForSelector('html[data-vitrine-live="open"]');
    await page.evaluate(() => { window.__notReloaded = true; });
    // A page that does not show the MOOC's title is not reloaded.
    const about = await browser.newPage();
    await about.goto(`${url}/a-propos/`);
    await about.waitForSelector('html[data-vitrine-live="open"]');
    await about.evaluate(() => { window.__notReloaded = true; });
    const rebuilds = () => (log.match(/Rebuilt /g) || []).length;
    const before = rebuilds();
    edit('title = "La rage"', 'title = "La rage, édition 2027"');
    await page.waitForFunction(() => !window.__notReloaded && document.querySelector('h1')?.textContent === 'La rage, édition 2027',
      null, { timeout: 30_000 });
    const deadline = Date.now() + 30_000;
    while (rebuilds() === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.ok(rebuilds() > before, `the edit is rebuilt:\n${log}`);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await about.evaluate(() => window.__notReloaded), true, 'the about page did not reload');
    await about.close();

    await page.waitForSelector('html[data-vitrine-live="open"]');
    edit('level = "intermediate"', 'level = "expert"');
    const overlay = page.locator('#vitrine-problems');
    await overlay.waitFor({ state: 'visible', timeout: 30_000 });
    const text = await overlay.textContent();
    assert.match(text, /content\/moocs\/rage\.md:\d+:\d+/, text);
    assert.match(text, /expert/, text);
    assert.equal(await page.getAttribute('#vitrine-problems', 'role'), 'alert');
    assert.equal(await page.textContent('h1'), 'La rage, édition 2027', 'the last good page stays');

    edit('level = "expert"', 'level = "advanced"');
    await overlay.waitFor({ state: 'detached', timeout: 30_000 });
    await page.close();
  });
});
