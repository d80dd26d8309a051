'use strict';
// The language switcher (issue 6): on a MOOC page of the bundled catalogue,
// clicking "English" in the language nav lands on the same MOOC under /en/
// with <html lang="en">, and clicking "français" there comes back.
//
// Markup contract (themes/default/templates/base.html): the switcher is a
// <nav> whose links carry hreflang="<code>" and point to this same page in
// that language; the current language's link has aria-current.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startSite } = require('./site');

const FR_PAGE = '/moocs/vaccinology/';
const EN_PAGE = '/en/moocs/vaccinology/';

describe(`the language switcher on ${FR_PAGE}`, { timeout: 240_000 }, () => {
  let site;
  before(async () => {
    site = await startSite();
  });
  after(async () => {
    if (site) await site.close();
    assert.deepEqual(site ? site.blocked : [], [], 'pages asked for resources outside 127.0.0.1');
  });

  /** The switcher's link to `lang`: by hreflang inside a <nav>, else by its visible name. */
  function switcherLink(page, lang, name) {
    const byHreflang = page.locator(`nav a[hreflang="${lang}"]`);
    return byHreflang.count().then((n) => {
      if (n > 0) return byHreflang.first();
      return page.locator('nav').getByRole('link', { name, exact: true }).first();
    });
  }

  /** What a page says about itself: its path, <html lang>, canonical URL and the MOOC's slug. */
  function describePage(page) {
    return page.evaluate(() => ({
      path: location.pathname,
      lang: document.documentElement.getAttribute('lang'),
      canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null,
      h1: document.querySelector('main h1')?.textContent.trim() ?? null,
    }));
  }

  async function click(page, link) {
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), link.click()]);
  }

  for (const javaScriptEnabled of [true, false]) {
    it(`goes to English and back to French (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, { timeout: 90_000 }, async () => {
      const page = await site.newPage({ width: 1280, height: 800, javaScriptEnabled });
      try {
        const response = await page.goto(site.baseUrl + FR_PAGE, { waitUntil: 'load' });
        assert.equal(response.status(), 200, `GET ${FR_PAGE}`);
        const fr = await describePage(page);
        assert.equal(fr.path, FR_PAGE);
        assert.equal(fr.lang, 'fr', `<html lang> of ${FR_PAGE}`);

        const toEnglish = await switcherLink(page, 'en', 'English');
        assert.ok(await toEnglish.isVisible(), `the switcher's link to English is not visible on ${FR_PAGE}`);
        await click(page, toEnglish);
        const enPage = await describePage(page);
        assert.equal(enPage.path, EN_PAGE, 'the English link leads to the same MOOC under /en/');
        assert.equal(enPage.lang, 'en', `<html lang> of ${EN_PAGE}`);
        assert.ok(enPage.canonical && enPage.canonical.endsWith(EN_PAGE), `canonical of ${EN_PAGE}: ${enPage.canonical}`);
        assert.ok(enPage.h1, `no <h1> on ${EN_PAGE}`);
        const current = await (await switcherLink(page, 'en', 'English')).getAttribute('aria-current');
        assert.ok(current !== null && current !== 'false', `the English link is not marked current on ${EN_PAGE}`);

        const toFrench = await switcherLink(page, 'fr', 'français');
        assert.ok(await toFrench.isVisible(), `the switcher's link to French is not visible on ${EN_PAGE}`);
        await click(page, toFrench);
        const back = await describePage(page);
        assert.equal(back.path, FR_PAGE, 'the French link leads back to the same MOOC');
        assert.equal(back.lang, 'fr', `<html lang> of ${FR_PAGE} after switching back`);
        assert.equal(back.h1, fr.h1, 'the same MOOC as at the start');
      } finally {
        await site.closePage(page);
      }
    });
  }

  it('works from the keyboard: Tab to the English link, then Enter', { timeout: 90_000 }, async () => {
    const page = await site.newPage({ width: 1280, height: 800 });
    try {
      await page.goto(site.baseUrl + FR_PAGE, { waitUntil: 'load' });
      const toEnglish = await switcherLink(page, 'en', 'English');
      const href = await toEnglish.getAttribute('href');
      let reached = false;
      for (let i = 0; i < 60 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(
          (h) => document.activeElement?.tagName === 'A' && document.activeElement.getAttribute('href') === h
            && document.activeElement.getAttribute('hreflang') === 'en',
          href,
        );
      }
      assert.ok(reached, `Tab never reaches the English link (${href}) of the switcher`);
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
      const enPage = await describePage(page);
      assert.equal(enPage.path, EN_PAGE);
      assert.equal(enPage.lang, 'en');
    } finally {
      await site.closePage(page);
    }
  });
});
