'use strict';
// The broadcast grid on a phone (issue 4): at 375 px the periods scroll
// horizontally inside `.grid-scroll` while the MOOC column (the row
// headers) stays visible; axe-core finds no violation on the page.
//
// Markup contract (themes/default/templates/grid.html):
//   <div class="grid-scroll" ...><table class="grid" data-schedule="...">
//   ... <tbody><tr data-mooc="slug"><th scope="row">...</th><td>...</td>...

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startSite, axeViolations, formatViolations } = require('./site');

const GRID_PAGE = '/schedules/dnm2ip/';

describe(`the schedule grid ${GRID_PAGE}`, { timeout: 240_000 }, () => {
  let site;
  before(async () => {
    site = await startSite();
  });
  after(async () => {
    if (site) await site.close();
    assert.deepEqual(site ? site.blocked : [], [], 'pages asked for resources outside 127.0.0.1');
  });

  async function open(width, options = {}) {
    const page = await site.newPage({ width, height: 800, ...options });
    const response = await page.goto(site.baseUrl + GRID_PAGE, { waitUntil: 'load' });
    assert.equal(response.status(), 200, `GET ${GRID_PAGE}`);
    return page;
  }

  /** Scrolls the first `.grid-scroll` to its right end and measures the first row header. */
  async function scrolledGrid(page) {
    const grid = page.locator('table.grid').first();
    assert.ok(await grid.count() > 0, `no table.grid on ${GRID_PAGE}`);
    const scroller = page.locator('.grid-scroll').filter({ has: page.locator('table.grid') }).first();
    assert.ok(await scroller.count() > 0, 'table.grid is not inside a .grid-scroll container');
    const rowHeaders = grid.locator('tbody th[scope=row]');
    assert.ok(await rowHeaders.count() > 0, 'table.grid has no row header (tbody th[scope=row])');

    // Bring the first row into the middle of the viewport (the page only; the
    // grid's own horizontal scroll is left alone), then scroll the grid sideways.
    await rowHeaders.first().evaluate((th) => {
      const r = th.getBoundingClientRect();
      window.scrollTo(0, Math.max(0, window.scrollY + r.top - window.innerHeight / 2));
    });
    // Synchronous on purpose: reading layout after setting scrollLeft gives the
    // scrolled positions, and animation frames never come with JavaScript off.
    return scroller.evaluate((el) => {
      const before = { scrollWidth: el.scrollWidth, clientWidth: el.clientWidth };
      el.scrollLeft = el.scrollWidth - el.clientWidth;
      const box = el.getBoundingClientRect();
      // The container's visible box: its padding box, less a vertical scrollbar.
      const left = box.left + el.clientLeft;
      const visible = { left, right: left + el.clientWidth, top: box.top, bottom: box.bottom };
      const table = el.querySelector('table.grid');
      const headers = [...table.querySelectorAll('tbody th[scope=row]')];
      const th = headers[0];
      const r = th.getBoundingClientRect();
      const cx = r.left + r.width / 2;
      const cy = r.top + r.height / 2;
      const hit = document.elementFromPoint(cx, cy);
      return {
        ...before,
        scrollLeft: el.scrollLeft,
        visible,
        viewport: { width: window.innerWidth, height: window.innerHeight },
        pageScrollWidth: document.documentElement.scrollWidth,
        first: {
          text: th.textContent.trim().replace(/\s+/g, ' '),
          rect: { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height },
          center: { x: cx, y: cy },
          hitIsInside: hit !== null && th.contains(hit),
          hit: hit ? hit.outerHTML.replace(/\s+/g, ' ').slice(0, 160) : null,
        },
        // Every row header's left edge, to check that the whole column stuck.
        lefts: headers.map((h) => ({
          text: h.textContent.trim().replace(/\s+/g, ' '),
          left: h.getBoundingClientRect().left,
          right: h.getBoundingClientRect().right,
        })),
      };
    });
  }

  function assertFirstColumnVisible(m) {
    const detail = JSON.stringify(m, null, 1);
    assert.ok(m.scrollWidth > m.clientWidth,
      `at ${m.viewport.width} px the grid should be wider than its container and scroll sideways\n${detail}`);
    assert.ok(m.scrollLeft > 0, `the .grid-scroll container did not scroll\n${detail}`);
    const r = m.first.rect;
    assert.ok(r.width > 0 && r.height > 0, `the first row header has no size\n${detail}`);
    assert.ok(r.left >= 0, `the first row header left the viewport (left ${r.left})\n${detail}`);
    assert.ok(r.left >= m.visible.left - 1 && r.right <= m.visible.right + 1,
      `the first row header is not inside the container's visible box after scrolling\n${detail}`);
    assert.ok(r.top >= 0 && r.bottom <= m.viewport.height,
      `the first row header is not in the viewport vertically\n${detail}`);
    assert.ok(m.first.hitIsInside,
      `document.elementFromPoint(${m.first.center.x}, ${m.first.center.y}) is not the first row header ` +
      `"${m.first.text}" but ${m.first.hit} (something covers it)\n${detail}`);
    const gone = m.lefts.filter((h) => h.left < m.visible.left - 1 || h.right > m.visible.right + 1);
    assert.deepEqual(gone, [], 'these row headers scrolled out of the container');
  }

  it('at 375 px the first column stays visible when the grid is scrolled to its end', { timeout: 60_000 }, async () => {
    const page = await open(375);
    try {
      assertFirstColumnVisible(await scrolledGrid(page));
    } finally {
      await site.closePage(page);
    }
  });

  it('at 375 px only the grid scrolls sideways, not the page', { timeout: 60_000 }, async () => {
    const page = await open(375);
    try {
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        viewport: document.documentElement.clientWidth,
      }));
      assert.ok(widths.page <= widths.viewport,
        `the page is ${widths.page} px wide in a ${widths.viewport} px viewport: it scrolls sideways`);
    } finally {
      await site.closePage(page);
    }
  });

  it('with JavaScript off the grid is there and its first column still stays visible', { timeout: 60_000 }, async () => {
    const page = await open(375, { javaScriptEnabled: false });
    try {
      assert.ok(await page.locator('.grid-scroll table.grid tbody tr[data-mooc] th[scope=row]').count() > 0,
        'no grid rows (.grid-scroll table.grid tbody tr[data-mooc] th[scope=row]) with JavaScript off');
      assertFirstColumnVisible(await scrolledGrid(page));
    } finally {
      await site.closePage(page);
    }
  });

  it('prints on one A4 landscape page', { timeout: 60_000 }, async () => {
    const page = await open(1280);
    try {
      // The page's own @page rule (size: A4 landscape) decides the format.
      const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
      const pages = (pdf.match(/\/Type\s*\/Page(?![s\w])/g) || []).length;
      assert.equal(pages, 1, `the grid prints on ${pages} pages`);
      const box = pdf.match(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/);
      assert.ok(box, 'no MediaBox in the PDF');
      const [w, h] = [Number(box[1]), Number(box[2])];
      assert.ok(Math.abs(w - 842) < 3 && Math.abs(h - 595) < 3, `the page is ${w} x ${h} pt, not A4 landscape (842 x 595)`);
    } finally {
      await site.closePage(page);
    }
  });

  for (const width of [375, 1280]) {
    it(`axe-core reports no violation at ${width} px`, { timeout: 60_000 }, async () => {
      const page = await open(width);
      try {
        assert.ok(await page.locator('table.grid').count() > 0, `no table.grid on ${GRID_PAGE}`);
        const violations = await axeViolations(page);
        assert.equal(violations.length, 0, formatViolations(violations, `${GRID_PAGE} at ${width} px`));
      } finally {
        await site.closePage(page);
      }
    });
  }
});
