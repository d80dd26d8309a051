'use strict';
// Pictures (issue 18), in Chromium at 375 and 1280 px on the bundled
// catalogue: the pages do not move while their images load (the layout
// shifts Chromium records, buffered from the start, sum to 0 on the home
// page and a MOOC's page, after scrolling to the bottom so that every lazy
// image loads), every image has its width and height, the first picture of
// a page is not lazy and the others are, and a phone gets a file at most
// 640 px wide (in WebP) where a desktop gets a larger one.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startSite } = require('./site');

const PAGES = ['/', '/moocs/rabies/', '/en/moocs/vaccinology/'];
const WIDTHS = [375, 1280];

/** Scrolls down the page step by step, then waits until every image has loaded. */
async function loadEverything(page) {
  await page.evaluate(async () => {
    const step = Math.max(200, Math.floor(window.innerHeight / 2));
    for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 30));
    }
    window.scrollTo(0, document.documentElement.scrollHeight);
    await Promise.all([...document.images].map((img) => (img.complete ? null : new Promise((r) => {
      img.addEventListener('load', r, { once: true });
      img.addEventListener('error', r, { once: true });
    }))));
    await new Promise((r) => setTimeout(r, 100));
  });
}

/** The sum of the layout shifts recorded since the page started (without input). */
function layoutShift(page) {
  return page.evaluate(() => new Promise((resolve) => {
    let sum = 0;
    const sources = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        sum += e.value;
        for (const s of e.sources || []) sources.push(s.node ? s.node.outerHTML.slice(0, 120) : '?');
      }
    }).observe({ type: 'layout-shift', buffered: true });
    setTimeout(() => resolve({ sum, sources }), 200);
  }));
}

/** The width in the name of the file an image shows (`…-640.webp` → 640). */
function fileWidth(src) {
  const m = /-(\d+)\.(webp|jpg|png)$/.exec(new URL(src).pathname);
  return m ? Number(m[1]) : null;
}

describe('pictures in the browser', { timeout: 300_000 }, () => {
  let site;
  before(async () => {
    site = await startSite();
  });
  after(async () => {
    if (site) await site.close();
  });

  for (const path of PAGES) {
    for (const width of WIDTHS) {
      it(`${path} at ${width} px: no layout shift, sizes on every image`, { timeout: 60_000 }, async () => {
        const page = await site.newPage({ width, height: 800 });
        try {
          await page.goto(site.baseUrl + path, { waitUntil: 'load' });
          await loadEverything(page);
          const shift = await layoutShift(page);
          assert.equal(shift.sum, 0, `${path} at ${width} px moved: ${JSON.stringify(shift.sources)}`);
          const images = await page.$$eval('img', (imgs) => imgs.map((i) => ({
            html: i.outerHTML.slice(0, 160),
            width: i.getAttribute('width'),
            height: i.getAttribute('height'),
            loading: i.getAttribute('loading'),
            loaded: i.complete && i.naturalWidth > 0,
          })));
          assert.ok(images.length > 0, `${path} shows pictures`);
          for (const img of images) {
            assert.ok(img.width && img.height, `width and height on ${img.html}`);
            assert.ok(img.loaded, `loaded: ${img.html}`);
          }
          if (path !== '/') {
            assert.equal(images[0].loading, null, `the first picture of ${path} is not lazy`);
          }
          assert.ok(images.slice(1).every((i) => i.loading === 'lazy'), `the others are lazy on ${path}`);
        } finally {
          await site.closePage(page);
        }
      });
    }
  }

  it('a phone gets a file of at most 640 px, a desktop a larger one', { timeout: 60_000 }, async () => {
    const shown = {};
    for (const width of WIDTHS) {
      const page = await site.newPage({ width, height: 800 });
      try {
        await page.goto(site.baseUrl + '/moocs/rabies/', { waitUntil: 'load' });
        const hero = await page.$eval('figure.cover img', (i) => ({ src: i.currentSrc, natural: i.naturalWidth }));
        shown[width] = hero;
        await page.goto(site.baseUrl + '/', { waitUntil: 'load' });
        await loadEverything(page);
        const cards = await page.$$eval('img.card-cover', (imgs) => imgs.map((i) => i.currentSrc));
        for (const src of cards.filter((s) => fileWidth(s) !== null)) {
          if (width === 375) assert.ok(fileWidth(src) <= 640, `a card's cover on a phone: ${src}`);
        }
        assert.ok(cards.some((s) => fileWidth(s) !== null), 'the home page shows resized covers');
      } finally {
        await site.closePage(page);
      }
    }
    const phone = shown[375];
    assert.match(new URL(phone.src).pathname, /\.webp$/, 'WebP where the browser reads it');
    assert.ok(fileWidth(phone.src) <= 640 && phone.natural <= 640, `the phone's hero: ${JSON.stringify(phone)}`);
    assert.ok(fileWidth(shown[1280].src) > 640, `the desktop's hero: ${JSON.stringify(shown[1280])}`);
  });
});
