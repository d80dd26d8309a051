'use strict';
// Search and filters of the catalogue page (issue 5), on the bundled
// catalogue built with --today 2026-11-23 and the browser's clock fixed to
// that day in Paris (so the statuses the scripts compute are the build's).
//
// Expected sets never come from the search code: they are read from the
// static pages the build writes (a platform's page, /moocs/open/), which
// are tested against the content in the Rust tests.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { startSite, serve, axeViolations, formatViolations, REPO_ROOT } = require('./site');

const CLOCK = new Date('2026-11-23T12:00:00+01:00');

describe('search on /moocs/', { timeout: 300_000 }, () => {
  let site;
  before(async () => {
    site = await startSite();
  });
  after(async () => {
    if (site) await site.close();
  });

  async function catalogue(query = '', options = {}) {
    const page = await site.newPage(options);
    await page.clock.setFixedTime(CLOCK);
    await page.goto(`${site.baseUrl}/moocs/${query}`);
    if (options.javaScriptEnabled !== false) await page.waitForSelector('[data-search-ready]');
    return page;
  }

  /** Waits until the last search started (data-search-gen) is painted (data-search-ready). */
  async function settled(page) {
    await page.waitForFunction(() => {
      const root = document.querySelector('[data-search-index]');
      return root.getAttribute('data-search-ready') === root.getAttribute('data-search-gen');
    });
  }

  async function type(page, text) {
    await page.fill('#search-q', text);
    await page.waitForFunction((t) => new URL(location.href).searchParams.get('q') === t, text);
    await settled(page);
  }

  async function titles(page) {
    return page.$$eval('#search-results .card-title a', (as) => as.map((a) => a.textContent.trim()));
  }

  async function slugs(page) {
    return page.$$eval('#search-results .card-title a', (as) =>
      as.map((a) => a.getAttribute('href').replace(/\/$/, '').split('/').pop()));
  }

  /** Slugs of every result, showing more until all are shown. */
  async function allSlugs(page) {
    while (await page.isVisible('#search-more')) {
      const n = await page.$$eval('#search-results li', (l) => l.length);
      await page.click('#search-more');
      await page.waitForFunction((k) => document.querySelectorAll('#search-results li').length > k, n);
    }
    return slugs(page);
  }

  /** Slugs of the MOOC cards on a static page of the build, in the page's order. */
  function staticOrder(rel) {
    const html = fs.readFileSync(path.join(site.siteDir, rel, 'index.html'), 'utf8');
    return [...html.matchAll(/<h3 class="card-title"><a href="[^"]*\/moocs\/([^/"]+)\/"/g)].map((m) => m[1]);
  }

  /** Slugs of the MOOC cards on a static page of the build, sorted. */
  function staticSlugs(rel) {
    return staticOrder(rel).sort();
  }

  /**
   * Holds the page's requests of result chunks (`chunks/<n>.<hash>.json`)
   * until released: `held` lists them in the order the page made them.
   */
  async function holdChunks(page) {
    const held = [];
    await page.route(/\/search\/[^/]+\/chunks\//, (route) => { held.push(route); });
    return {
      held,
      chunkOf: (route) => Number(route.request().url().match(/\/chunks\/(\d+)\./)[1]),
      async waitFor(n) {
        for (let waited = 0; held.length < n; waited += 10) {
          if (waited > 10_000) throw new Error(`${held.length} chunk requests, expected ${n}`);
          await new Promise((r) => setTimeout(r, 10));
        }
      },
      /** Lets a request go and waits until the page has had its response. */
      async release(route) {
        const url = route.request().url();
        const finished = page.waitForEvent('requestfinished', (r) => r.url() === url);
        await route.continue();
        await finished;
        await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
      },
    };
  }

  /** The cards painted for the last search started, in order; null before its first card. */
  async function painted(page) {
    return page.evaluate(() => {
      const root = document.querySelector('[data-search-index]');
      if (root.getAttribute('data-search-first') !== root.getAttribute('data-search-gen')) return null;
      return [...document.querySelectorAll('#search-results li:not([data-retired]) .card-title a')]
        .map((a) => a.getAttribute('href').replace(/\/$/, '').split('/').pop());
    });
  }

  it('typing `vaccin` lists Vaccinology', async () => {
    const page = await catalogue();
    await type(page, 'vaccin');
    const t = await titles(page);
    assert.ok(t.includes('Vaccinology'), `results: ${t.join(' | ')}`);
    assert.equal(new URL(page.url()).searchParams.get('q'), 'vaccin');
    await site.closePage(page);
  });

  for (const lang of ['', '/en']) {
    it(`the search box of ${lang}/ lands on ${lang}/moocs/ with the results of its query`, async () => {
      const page = await site.newPage({ width: 375, height: 667 });
      await page.clock.setFixedTime(CLOCK);
      await page.goto(`${site.baseUrl}${lang}/`);
      const box = await page.locator('#home-q').boundingBox();
      assert.ok(box && box.y + box.height <= 667, `the search field is not in the first screen at 375 x 667: ${JSON.stringify(box)}`);
      await page.fill('#home-q', 'vaccin');
      await Promise.all([page.waitForURL(/\/moocs\/\?q=vaccin$/), page.press('#home-q', 'Enter')]);
      assert.equal(new URL(page.url()).pathname, `${lang}/moocs/`);
      await page.waitForSelector('[data-search-ready]');
      await settled(page);
      assert.equal(await page.inputValue('#search-q'), 'vaccin');
      const landed = await allSlugs(page);
      await site.closePage(page);

      const typed = await site.newPage();
      await typed.clock.setFixedTime(CLOCK);
      await typed.goto(`${site.baseUrl}${lang}/moocs/`);
      await typed.waitForSelector('[data-search-ready]');
      await type(typed, 'vaccin');
      const expected = await allSlugs(typed);
      await site.closePage(typed);
      assert.ok(expected.includes('vaccinology'), `typing vaccin on ${lang}/moocs/: ${expected.join(' ')}`);
      assert.deepEqual(landed, expected);
    });
  }

  it('without JavaScript the home page\'s search box lands on the full catalogue', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    await page.goto(`${site.baseUrl}/`);
    await page.fill('#home-q', 'vaccin');
    await Promise.all([page.waitForURL(/\/moocs\/\?q=vaccin$/), page.press('#home-q', 'Enter')]);
    const cards = await page.$$eval('#search-results > li', (li) => li.length);
    const html = fs.readFileSync(path.join(site.siteDir, 'moocs', 'index.html'), 'utf8');
    assert.equal(cards, (html.match(/<li class="card mooc-card/g) || []).length);
    assert.ok(cards > 0);
    await site.closePage(page);
  });

  it('finds accented words typed without accents, and prefixes while typing', async () => {
    const page = await catalogue();
    await type(page, 'epidemie');
    let t = await titles(page);
    assert.ok(t.includes('Sciences Humaines et Sociales et Gestion des Épidémies'), `epidemie: ${t.join(' | ')}`);
    await type(page, 'ecologie');
    t = await titles(page);
    assert.ok(t.includes('Impact environnemental du numérique'), `ecologie: ${t.join(' | ')}`);
    await type(page, 'mecaniq');
    t = await titles(page);
    assert.ok(t.includes('Introduction à la mécanique des fluides'), `mecaniq: ${t.join(' | ')}`);
    await site.closePage(page);
  });

  it('platform and status filters give exactly the expected set, with matching counts', async () => {
    const page = await catalogue();
    await page.check('#f-platform-fun-mooc');
    await settled(page);
    assert.deepEqual((await allSlugs(page)).sort(), staticSlugs('platforms/fun-mooc'));
    // The count shown beside "open" is what choosing it gives.
    const shown = Number(await page.textContent('label[for="f-status-open"] .facet-count'));
    await page.check('#f-status-open');
    await settled(page);
    const expected = staticSlugs('platforms/fun-mooc').filter((s) => staticSlugs('moocs/open').includes(s));
    assert.ok(expected.length > 0, 'the bundled catalogue has open FUN-MOOC courses');
    assert.deepEqual((await allSlugs(page)).sort(), expected);
    assert.equal(shown, expected.length, 'facet count = results');
    const announced = await page.textContent('#search-status');
    assert.match(announced, new RegExp(`^${expected.length}\\s`), `live region: ${announced}`);
    for (const status of await page.$$eval('#search-results li', (lis) => lis.map((l) => l.dataset.status))) {
      assert.ok(['open', 'ongoing-open'].includes(status), status);
    }
    const url = new URL(page.url());
    assert.deepEqual(url.searchParams.getAll('platform'), ['fun-mooc']);
    assert.deepEqual(url.searchParams.getAll('status'), ['open']);
    await site.closePage(page);
  });

  it('keeps its state in the URL: reload, back and forward', async () => {
    const page = await catalogue('?q=reseaux&level=beginner');
    assert.equal(await page.inputValue('#search-q'), 'reseaux');
    assert.ok(await page.isChecked('#f-level-beginner'));
    const first = await slugs(page);
    assert.ok(first.length > 0, 'reseaux finds MOOCs');
    await page.reload();
    await page.waitForSelector('[data-search-ready]');
    assert.deepEqual(await slugs(page), first);
    await page.check('#f-language-en');
    await settled(page);
    assert.ok(page.url().includes('language=en'));
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('language=en'));
    await settled(page);
    assert.equal(await page.isChecked('#f-language-en'), false);
    assert.deepEqual(await slugs(page), first);
    await page.goForward();
    await page.waitForFunction(() => location.search.includes('language=en'));
    await settled(page);
    assert.ok(await page.isChecked('#f-language-en'));
    await site.closePage(page);
  });

  it('sorts by title (as the static list) and by newest', async () => {
    const page = await catalogue();
    assert.deepEqual(await slugs(page), staticOrder('moocs').slice(0, 12), 'first page of results, by title');
    await page.selectOption('#search-sort', 'newest');
    await settled(page);
    // The most recently published MOOC of content/, read from the files.
    const dir = path.join(REPO_ROOT, 'content', 'moocs');
    const published = fs.readdirSync(dir).filter((f) => /^[^.]+\.md$/.test(f)).map((f) => {
      const m = fs.readFileSync(path.join(dir, f), 'utf8').match(/^published = (\d{4}-\d{2}-\d{2})/m);
      return [m ? m[1] : '', f.replace(/\.md$/, '')];
    }).sort().reverse();
    assert.equal((await slugs(page))[0], published[0][1]);
    assert.ok(new URL(page.url()).searchParams.get('sort') === 'newest');
    await page.click('#search-more');
    await page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 12);
    // Keyboard users go on from the first new result.
    assert.ok(await page.evaluate(() =>
      document.activeElement === document.querySelectorAll('#search-results li')[12].querySelector('a')));
    await site.closePage(page);
  });

  // The newest MOOCs of the bundled catalogue are in several chunks of 16
  // titles, of which the first (the first page by title) is loaded already.
  for (const order of ['rank order', 'the first result\'s chunk last']) {
    it(`paints results in rank order as their chunks come (${order}), announcing the count once`, async () => {
      const reference = await catalogue('?sort=newest');
      const expected = await slugs(reference);
      await site.closePage(reference);
      const ids = staticOrder('moocs'); // document ids are positions in title order
      const chunkOf = (slug) => Math.floor(ids.indexOf(slug) / 16);
      const needed = [...new Set(expected.map(chunkOf))].filter((c) => c !== 0);
      assert.ok(needed.length >= 2, `the newest MOOCs are in chunks ${needed}`);

      const page = await catalogue();
      const hold = await holdChunks(page);
      await page.evaluate(() => {
        window.announced = 0;
        new MutationObserver((records) => { window.announced += records.length; })
          .observe(document.getElementById('search-status'), { childList: true, characterData: true, subtree: true });
      });
      await page.selectOption('#search-sort', 'newest');
      const gen = await page.getAttribute('[data-search-index]', 'data-search-gen');
      await hold.waitFor(needed.length);
      assert.deepEqual(hold.held.map(hold.chunkOf), needed, 'chunks asked for in the order of the results');
      assert.equal(await painted(page), null, 'nothing painted before a chunk came');
      assert.equal(await page.evaluate(() => window.announced), 1, 'the count is announced at once');

      const releases = order === 'rank order' ? hold.held : [...hold.held.slice(1), hold.held[0]];
      const released = new Set([0]);
      for (const route of releases) {
        await hold.release(route);
        released.add(hold.chunkOf(route));
        // Cards 1..k are painted once the chunks of all of them are in.
        let k = 0;
        while (k < expected.length && released.has(chunkOf(expected[k]))) k++;
        assert.deepEqual(await painted(page), k ? expected.slice(0, k) : null, `after chunks ${[...released]}`);
        const ready = await page.getAttribute('[data-search-index]', 'data-search-ready');
        assert.equal(ready === gen, k === expected.length, `ready after chunks ${[...released]}`);
        // The previous results wait out of sight, where the new ones go.
        assert.ok(await page.$$eval('#search-results li[data-retired]',
          (lis) => lis.every((li) => getComputedStyle(li).visibility === 'hidden')));
      }
      await settled(page);
      assert.deepEqual(await slugs(page), expected);
      assert.equal(await page.$$eval('#search-results li[data-retired]', (l) => l.length), 0);
      assert.equal(await page.evaluate(() => window.announced), 1, 'announced once, not once per chunk');
      await site.closePage(page);
    });
  }

  it('never paints a search overtaken by the next one', async () => {
    const page = await catalogue();
    const byTitle = await slugs(page);
    const hold = await holdChunks(page);
    await page.selectOption('#search-sort', 'newest');
    const stale = await page.getAttribute('[data-search-index]', 'data-search-gen');
    await hold.waitFor(1);
    // Back to the title order, whose chunk is loaded: painted at once.
    await page.selectOption('#search-sort', 'title');
    await settled(page);
    const gen = await page.getAttribute('[data-search-index]', 'data-search-gen');
    assert.notEqual(gen, stale);
    for (const route of [...hold.held]) await hold.release(route);
    assert.deepEqual(await slugs(page), byTitle, 'the newest never replace the current results');
    assert.equal(await page.getAttribute('[data-search-index]', 'data-search-first'), gen);
    assert.equal(await page.getAttribute('[data-search-index]', 'data-search-ready'), gen);
    await site.closePage(page);
  });

  it('works without JavaScript: the full list and the static facet pages', async () => {
    const page = await catalogue('', { javaScriptEnabled: false });
    assert.equal(await page.isVisible('#search-form'), false, 'the form needs JavaScript');
    const cards = await page.$$('#search-results li.card');
    assert.equal(cards.length, staticSlugs('moocs').length);
    assert.ok(cards.length >= 47);
    assert.ok(await page.isVisible('#catalogue-browse'));
    for (const rel of ['moocs/open/', 'languages/en/', 'levels/beginner/', 'platforms/fun-mooc/']) {
      const link = page.locator(`#catalogue-browse a[href$="/${rel}"]`);
      assert.equal(await link.count(), 1, rel);
      await page.goto(`${site.baseUrl}/${rel}`);
      const n = await page.$$eval('li.card', (l) => l.length);
      assert.ok(n > 0, `${rel} lists MOOCs`);
      await page.goBack();
    }
    await site.closePage(page);
  });

  it('has no axe violation on the catalogue page, with results and filters', async () => {
    for (const width of [375, 1280]) {
      const page = await catalogue('?q=sante', { width });
      await page.$$eval('details.facet', (ds) => ds.forEach((d) => { d.open = true; }));
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], formatViolations(violations, `/moocs/?q=sante at ${width}px`));
      await site.closePage(page);
    }
  });

  it('is usable with the keyboard alone', async () => {
    const page = await catalogue();
    await page.focus('#search-q');
    await page.keyboard.type('immuno');
    await settled(page);
    await page.keyboard.press('Tab'); // the submit button
    await page.keyboard.press('Tab'); // the sort select
    assert.equal(await page.evaluate(() => document.activeElement.id), 'search-sort');
    await page.keyboard.press('Tab'); // first facet's summary
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'SUMMARY');
    assert.ok((await titles(page)).length > 0);
    await site.closePage(page);
  });
});

describe('statuses after the build date', { timeout: 300_000 }, () => {
  it('a site built long ago shows today\'s statuses once the script ran', async () => {
    const site = await startSite();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-old-'));
    const { vitrine } = require('./site');
    const old = path.join(tmp, 'site');
    execFileSync(vitrine(), ['build', '--root', REPO_ROOT, '--output', old, '--today', '2020-01-06'], { stdio: 'pipe' });
    const server = await serve(old);
    try {
      const expected = {};
      for (const rel of ['moocs/index.html', 'moocs/vaccinology/index.html']) {
        const html = fs.readFileSync(path.join(site.siteDir, rel), 'utf8');
        expected[rel] = [...html.matchAll(/data-status="([^"]+)" data-sessions?="/g)].map((m) => m[1]);
      }
      for (const rel of ['moocs/index.html', 'moocs/vaccinology/index.html']) {
        const stale = fs.readFileSync(path.join(old, rel), 'utf8');
        const staleStatuses = [...stale.matchAll(/data-status="([^"]+)" data-sessions?="/g)].map((m) => m[1]);
        assert.notDeepEqual(staleStatuses, expected[rel], `${rel}: the 2020 build differs`);
        const page = await site.newPage();
        await page.clock.setFixedTime(CLOCK);
        // Without search.js: on /moocs/ it replaces the static cards read
        // here, sooner or later depending on the machine's load.
        await page.route(/\/search\.[0-9a-f]+\.js$/, (route) => route.abort());
        await page.goto(`${server.url}/${rel.replace('index.html', '')}`);
        await page.waitForFunction(() => document.documentElement.hasAttribute('data-status-today'));
        const now = await page.$$eval('[data-sessions], [data-session]', (els) =>
          els.map((e) => e.getAttribute('data-status')));
        assert.deepEqual(now, expected[rel], rel);
        const badges = await page.$$eval('[data-sessions] .badge, [data-session] .badge', (bs) =>
          bs.map((b) => b.dataset.status));
        assert.ok(badges.every((b) => b !== undefined));
        assert.match(await page.textContent('footer [data-as-of]'), /23 novembre 2026/);
        await site.closePage(page);
      }
    } finally {
      await server.close();
      await site.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
