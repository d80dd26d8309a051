'use strict';
// The parcours planner on the bundled DNM2IP page (issue 22): with the
// browser's clock on the test day, tick two MOOCs, read the proposed plan,
// check it against the rule (planner.js, run here in node on the JSON the
// page embeds) and against the parcours' rule itself (5 MOOCs, at least one
// star MOOC, at most N at once, sessions one can still take), see it framed
// in the grid, download its .ics and parse it; the choice survives a reload
// (local storage) and travels in the shared link; an impossible plan is
// explained in words; without JavaScript the page states the rule; axe
// finds no violation with a plan on screen.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { startSite, axeViolations, formatViolations, REPO_ROOT } = require('./site');

const planner = require(path.join(REPO_ROOT, 'themes', 'default', 'static', 'planner.js'));

const PAGE = '/parcours/dnm2ip/';
const CLOCK = new Date('2026-11-23T12:00:00+01:00');
const TODAY = planner.day('2026-11-23');

/** An .ics file as events: each a map of its properties (lines unfolded). */
function parseIcs(text) {
  assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n'), 'a calendar');
  assert.ok(text.trimEnd().endsWith('END:VCALENDAR'), 'a whole calendar');
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
  const events = [];
  let current = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      events.push(current);
      current = null;
    } else if (current) {
      const at = line.indexOf(':');
      current[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return events;
}

const unescape = (s) => s.replace(/\\n/g, '\n').replace(/\\([,;\\])/g, '$1');

describe(`the planner of ${PAGE}`, { timeout: 240_000 }, () => {
  let site;
  let data;
  before(async () => {
    site = await startSite();
    const html = fs.readFileSync(path.join(site.siteDir, 'parcours', 'dnm2ip', 'index.html'), 'utf8');
    const json = /<script type="application\/json" id="vitrine-planner">([^<]*)<\/script>/.exec(html);
    assert.ok(json, 'the page embeds the planner\'s data');
    data = JSON.parse(json[1]);
  });
  after(async () => {
    if (site) await site.close();
  });

  async function open(options = {}, hash = '') {
    const page = await site.newPage({ width: 1280, height: 900, ...options });
    await page.clock.setFixedTime(CLOCK);
    const response = await page.goto(site.baseUrl + PAGE + hash, { waitUntil: 'load' });
    assert.equal(response.status(), 200);
    if (options.javaScriptEnabled !== false) await page.locator('form[data-planner-ready]').waitFor();
    return page;
  }

  it('embeds the rule and every session of the 18 MOOCs', () => {
    assert.equal(data.required, 5);
    assert.equal(data.core_required, 1);
    assert.equal(data.ordered, false);
    assert.equal(data.moocs.length, 18);
    assert.equal(data.moocs.filter((m) => m.core).length, 3);
    assert.ok(data.moocs.every((m) => Array.isArray(m.sessions)));
    assert.ok(data.moocs.some((m) => m.sessions.some((s) => s.period)), 'planned periods are in the data');
  });

  it('ticks two MOOCs, proposes the sessions that complete the diploma soonest, frames them and offers them as .ics', async () => {
    const page = await open();
    // A star MOOC passed, another MOOC in progress.
    await page.locator('fieldset[data-mooc="innate-immunity"] input[name="passed"]').check();
    await page.locator('fieldset[data-mooc="hiv-science"] input[name="doing"]').check();
    await page.locator('#planner-at-once').fill('2');
    await page.locator('#planner-at-once').dispatchEvent('change');

    const summary = page.locator('[data-planner-summary]');
    assert.equal(await summary.getAttribute('role'), 'status', 'the summary is a live region');
    const items = page.locator('.planner-sessions li');
    await items.first().waitFor();
    const shown = await items.evaluateAll((lis) => lis.map((li) => ({
      slug: li.dataset.mooc, session: +li.dataset.session, text: li.textContent,
    })));
    // 5 to pass, 2 ticked: 3 sessions.
    assert.equal(shown.length, 3, JSON.stringify(shown));

    // The same plan as the rule gives for this choice on this day.
    const expected = planner.propose(data, { passed: ['innate-immunity'], doing: ['hiv-science'], atOnce: 2, before: null }, TODAY);
    assert.equal(expected.status, 'plan');
    assert.deepEqual(shown.map((s) => `${s.slug}#${s.session}`),
      expected.sessions.map((s) => `${s.slug}#${s.session + 1}`));

    // And it keeps the parcours' rule: MOOCs not ticked, sessions one can
    // still take, never more than 2 at once with the MOOC in progress.
    const bySlug = Object.fromEntries(data.moocs.map((m) => [m.slug, m]));
    const spans = [];
    for (const s of shown) {
      assert.ok(!['innate-immunity', 'hiv-science'].includes(s.slug));
      const raw = bySlug[s.slug].sessions[s.session - 1];
      assert.ok(planner.windowOf(raw, bySlug[s.slug].weeks, TODAY), `${s.slug} #${s.session} can still be taken`);
      spans.push(planner.windowOf(raw, bySlug[s.slug].weeks, TODAY));
    }
    const running = bySlug['hiv-science'].sessions
      .map((raw) => planner.windowOf(raw, 6, TODAY)).filter((w) => w && w.start <= TODAY);
    const all = spans.concat(running.slice(0, 1));
    for (const w of all) {
      const together = all.filter((o) => o.start <= w.start && w.start <= o.last).length;
      assert.ok(together <= 2, 'at most 2 MOOCs at once');
    }

    // The earliest completion date, in words.
    const completion = await page.locator('.planner-completion').textContent();
    const last = new Date(expected.completion * 86400000);
    assert.ok(completion.includes(String(last.getUTCFullYear())), completion);
    assert.ok(completion.includes(String(last.getUTCDate())), completion);

    // Framed in the grid, with words for screen readers.
    for (const s of shown) {
      const framed = page.locator(`.grid tr[data-mooc="${s.slug}"] td.in-plan`);
      assert.ok(await framed.count() >= 1, `${s.slug} is framed in the grid`);
      assert.ok((await framed.first().textContent()).includes('dans votre plan'));
    }

    // The calendar file, made in the browser.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('a[data-planner-ics]').click(),
    ]);
    assert.match(download.suggestedFilename(), /^dnm2ip-plan\.ics$/);
    const text = fs.readFileSync(await download.path(), 'utf8');
    const events = parseIcs(text);
    const courses = events.filter((e) => !e.UID.startsWith('plan-exam-'));
    assert.equal(courses.length, 3);
    for (const s of shown) {
      const mooc = bySlug[s.slug];
      const raw = mooc.sessions[s.session - 1];
      const event = courses.find((e) => unescape(e.SUMMARY).startsWith(mooc.title));
      assert.ok(event, `an event for ${mooc.title}`);
      assert.equal(event['DTSTART;VALUE=DATE'], raw.start.replace(/-/g, ''));
      assert.ok(event.UID.endsWith('@moocs.example.org'));
      if (raw.exam_end) assert.ok(events.some((e) => e.UID.startsWith('plan-exam-') && unescape(e.SUMMARY).startsWith(mooc.title)));
    }
    for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `folded: ${line}`);

    // axe, with the plan on screen.
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, formatViolations(violations, PAGE));

    // Kept in this browser: a reload shows the same ticks and plan.
    await page.reload({ waitUntil: 'load' });
    await page.locator('form[data-planner-ready]').waitFor();
    assert.ok(await page.locator('fieldset[data-mooc="innate-immunity"] input[name="passed"]').isChecked());
    assert.ok(await page.locator('fieldset[data-mooc="hiv-science"] input[name="doing"]').isChecked());
    assert.equal(await page.locator('.planner-sessions li').count(), 3);

    // Shared as a link: another browser opens it with the same choice.
    const share = await page.locator('a[data-planner-share]').getAttribute('href');
    assert.ok(share.startsWith('#planner:'), share);
    assert.ok(share.includes('passed=innate-immunity') && share.includes('doing=hiv-science'), share);
    await site.closePage(page);
    const other = await open({}, share);
    assert.ok(await other.locator('fieldset[data-mooc="innate-immunity"] input[name="passed"]').isChecked());
    assert.deepEqual(
      await other.locator('.planner-sessions li').evaluateAll((lis) => lis.map((li) => `${li.dataset.mooc}#${li.dataset.session}`)),
      shown.map((s) => `${s.slug}#${s.session}`));
    // Clearing the choice forgets it.
    await other.locator('[data-planner-forget]').click();
    assert.equal(await other.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('vitrine-planner:')).length), 0);
    await site.closePage(other);
  });

  it('explains an impossible plan in words', async () => {
    const page = await open();
    // Finish before the first quarter of 2027, no star MOOC passed.
    const before = data.periods.find((p) => p.key === '2027-T1');
    assert.ok(before, 'the grid has 2027-T1 still to come');
    await page.locator('#planner-at-once').fill('1');
    await page.locator('#planner-before').selectOption('2027-T1');
    const expected = planner.propose(data, { passed: [], doing: [], atOnce: 1, before: planner.day(before.first) }, TODAY);
    assert.equal(expected.status, 'impossible');
    const reason = page.locator('.planner-reason');
    await reason.waitFor();
    const text = await reason.textContent();
    assert.ok(text.length > 20, text);
    // Today, too few MOOCs end before 2027: said with the numbers.
    assert.equal(expected.reason.code, 'count-few');
    assert.match(text, new RegExp(`Seuls ${expected.reason.available} des MOOC qui vous restent ont une diffusion à venir avant T1 2027\u00A0; il en faut 5\.`));
    assert.equal(await page.locator('.planner-sessions li').count(), 0);
    await site.closePage(page);
  });

  it('states the rule in words without JavaScript, the form hidden', async () => {
    const page = await open({ javaScriptEnabled: false });
    const rule = await page.locator('.planner-rule').textContent();
    assert.match(rule, /réussissez 5\u00A0MOOC parmi les 18/);
    assert.match(rule, /au moins 1 des 3\u00A0MOOC étoiles/);
    assert.equal(await page.locator('form[data-planner]').isVisible(), false);
    assert.equal(await page.locator('[data-planner-noscript]').isVisible(), true);
    await site.closePage(page);
  });

  it('is in English on the English page', async () => {
    const page = await site.newPage({ width: 375, height: 800 });
    await page.clock.setFixedTime(CLOCK);
    await page.goto(`${site.baseUrl}/en${PAGE}`, { waitUntil: 'load' });
    await page.locator('form[data-planner-ready]').waitFor();
    await page.locator('fieldset[data-mooc="vaccinology"] input[name="passed"]').check();
    await page.locator('.planner-completion').waitFor();
    assert.match(await page.locator('.planner-completion').textContent(), /^Earliest completion/);
    await site.closePage(page);
  });
});
