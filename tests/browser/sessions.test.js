'use strict';
// The sessions of a MOOC on a phone (issue 15): under 40rem the sessions
// table shows one card per session (dates on top, then the status, each
// other cell labelled with its column's name, the enrol link), stacked and
// within the screen; to a screen reader it stays the same table at every
// width (same accessibility tree: caption, column headers, a row header per
// session). docs/decisions.md says why.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startSite, settle } = require('./site');

const PAGES = ['/moocs/vaccinology/', '/en/moocs/abc-du-langage-c/'];

describe('the sessions table of a MOOC', { timeout: 240_000 }, () => {
  let site;
  before(async () => {
    site = await startSite();
  });
  after(async () => {
    if (site) await site.close();
  });

  async function open(path, width) {
    const page = await site.newPage({ width, height: 800 });
    const response = await page.goto(site.baseUrl + path, { waitUntil: 'load' });
    assert.equal(response.status(), 200, `GET ${path}`);
    await settle(page);
    return page;
  }

  /** The layout of the sessions table: its box, and each row's box, display and label texts. */
  function layout(page) {
    return page.evaluate(() => {
      const table = document.querySelector('.sessions-table');
      const box = (el) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      };
      return {
        viewport: document.documentElement.clientWidth,
        scroller: box(table.closest('.table-scroll')),
        rows: [...table.tBodies[0].rows].map((tr) => ({
          id: tr.id,
          display: getComputedStyle(tr).display,
          box: box(tr),
          dates: box(tr.querySelector('th[scope=row]')),
          cells: [...tr.cells].map((c) => ({ box: box(c), label: getComputedStyle(c, '::before').content })),
          link: tr.querySelector('a.button') ? box(tr.querySelector('a.button')) : null,
        })),
      };
    });
  }

  for (const path of PAGES) {
    it(`${path} at 320 px: one card per session, stacked, within the screen`, { timeout: 60_000 }, async () => {
      const page = await open(path, 320);
      try {
        const m = await layout(page);
        const detail = JSON.stringify(m, null, 1);
        assert.ok(m.rows.length > 1, `${path} has fewer than two sessions\n${detail}`);
        for (const [i, row] of m.rows.entries()) {
          assert.notEqual(row.display, 'table-row', `${row.id} is still a table row\n${detail}`);
          assert.ok(row.box.left >= 0 && row.box.right <= m.viewport, `${row.id} leaves the screen\n${detail}`);
          for (const cell of row.cells) {
            assert.ok(cell.box.left >= row.box.left && cell.box.right <= row.box.right, `a cell of ${row.id} sticks out of its card\n${detail}`);
          }
          // The dates head the card, above every other cell.
          assert.ok(row.cells.every((c) => c.box.top >= row.dates.top), `the dates of ${row.id} are not on top\n${detail}`);
          if (i > 0) assert.ok(row.box.top >= m.rows[i - 1].box.bottom, `${row.id} is not below the card before it\n${detail}`);
          if (row.link) assert.ok(row.link.right <= row.box.right, `the enrol link of ${row.id} sticks out\n${detail}`);
        }
        // Cells other than the status, the dates and the enrol link show their column's name.
        const labelled = m.rows.flatMap((r) => r.cells).filter((c) => c.label !== 'none' && c.label !== 'normal');
        assert.ok(labelled.length >= m.rows.length * 2, `too few labelled cells\n${detail}`);
      } finally {
        await site.closePage(page);
      }
    });

    it(`${path}: the same table to a screen reader at 320 and 1280 px`, { timeout: 60_000 }, async () => {
      const trees = {};
      for (const width of [320, 1280]) {
        const page = await open(path, width);
        try {
          trees[width] = await page.locator('section.sessions').ariaSnapshot();
          if (width === 1280) {
            const m = await layout(page);
            assert.ok(m.rows.every((r) => r.display === 'table-row'), 'at 1280 px the sessions are not a table');
          }
        } finally {
          await site.closePage(page);
        }
      }
      assert.equal(trees[320], trees[1280], 'the accessibility tree of the sessions differs between 320 and 1280 px');
      const tree = trees[320];
      assert.match(tree, /- region "[^"]+":\n\s+- table "[^"]+":/, `no table in a named region:\n${tree}`);
      assert.match(tree, /- columnheader "(Statut|Status)"/, `no column headers:\n${tree}`);
      const rows = (tree.match(/- rowheader /g) || []).length;
      assert.ok(rows > 1, `no row header per session:\n${tree}`);
      assert.doesNotMatch(tree, /(Rythme|Pacing)\s*:/, `the visible labels of the cards reach screen readers:\n${tree}`);
    });
  }

  it('at 768 px the table scrolls inside its focusable region when it is wider, not the page', { timeout: 60_000 }, async () => {
    const page = await open('/moocs/vaccinology/', 768);
    try {
      const m = await page.evaluate(() => {
        const s = document.querySelector('.sessions-scroll');
        return {
          page: document.documentElement.scrollWidth,
          viewport: document.documentElement.clientWidth,
          role: s.getAttribute('role'),
          tabindex: s.getAttribute('tabindex'),
          labelledby: s.getAttribute('aria-labelledby'),
          overflow: getComputedStyle(s).overflowX,
        };
      });
      assert.ok(m.page <= m.viewport, `the page is ${m.page} px wide in ${m.viewport} px`);
      assert.deepEqual([m.role, m.tabindex, m.overflow], ['region', '0', 'auto']);
      const name = await page.locator('#' + m.labelledby).textContent();
      assert.match(name, /Vaccinology/);
    } finally {
      await site.closePage(page);
    }
  });
});
