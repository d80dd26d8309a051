'use strict';
// Issue 17: what a page's <head> points to is there. On every page of the
// bundled catalogue, in both languages, every <link href> (stylesheets,
// canonical, language alternates, feeds) and the card image (og:image,
// twitter:image) resolve to files of the built site: addresses under the
// site's base_url are taken as paths of the site, others would be a
// failure. Each card image is a PNG, and each feed an Atom document.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { startSite, crawl, sitePages } = require('./site');

const ORIGIN = 'https://moocs.example.org';

/** The file of the built site `siteDir` an address of a page stands for, or null. */
function fileOf(siteDir, href, pageUrl) {
  const url = new URL(href, pageUrl);
  const local = url.origin === ORIGIN || url.hostname === '127.0.0.1';
  if (!local) return null;
  let p = decodeURIComponent(url.pathname);
  if (p.endsWith('/')) p += 'index.html';
  const file = path.join(siteDir, p);
  return fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
}

describe('every <link> and card image of every page is a file of the site', { timeout: 900_000 }, () => {
  let site;
  before(async () => {
    site = await startSite();
  });
  after(async () => {
    if (site) await site.close();
  });

  it('resolves, in both languages', { timeout: 900_000 }, async () => {
    const { pages } = sitePages(site.siteDir);
    assert.ok(pages.some((p) => p.startsWith('/en/')), 'pages of the second language are visited');
    const results = await crawl(site, {
      paths: pages,
      widths: [1280],
      visit: (page) => page.evaluate(() => ({
        links: [...document.head.querySelectorAll('link[href]')].map((l) => ({ rel: l.rel, type: l.type, href: l.getAttribute('href') })),
        images: [...document.head.querySelectorAll('meta[property="og:image"], meta[name="twitter:image"]')].map((m) => m.content),
      })),
    });
    const problems = [];
    const images = new Set();
    const feeds = new Set();
    for (const r of results) {
      if (r.error) {
        problems.push(`${r.path}: ${r.error.message}`);
        continue;
      }
      const pageUrl = ORIGIN + r.path;
      if (r.result.images.length !== 2) problems.push(`${r.path}: og:image and twitter:image (${r.result.images.length})`);
      for (const l of r.result.links) {
        const file = fileOf(site.siteDir, l.href, pageUrl);
        if (!file) problems.push(`${r.path}: <link rel="${l.rel}" href="${l.href}"> is not a file of the site`);
        else if (l.type === 'application/atom+xml') feeds.add(file);
      }
      for (const src of r.result.images) {
        const file = fileOf(site.siteDir, src, pageUrl);
        if (!file) problems.push(`${r.path}: image ${src} is not a file of the site`);
        else images.add(file);
      }
    }
    assert.deepEqual(problems, [], problems.join('\n'));
    assert.ok(images.size > 50, `a card per MOOC without a raster cover (${images.size} images)`);
    for (const file of images) {
      const head = fs.readFileSync(file).subarray(0, 8);
      if (file.endsWith('.png')) assert.deepEqual([...head], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${file} is a PNG`);
    }
    assert.ok(feeds.size >= 4, `the site's feeds in each language, and those of parcours and institutions (${feeds.size})`);
    for (const file of feeds) {
      assert.match(fs.readFileSync(file, 'utf8'), /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/, `${file} is an Atom feed`);
    }
  });
});
