'use strict';
// The parcours planner's selection rule (themes/default/static/planner.js),
// in node, without a browser: core MOOCs, the required count, overlaps,
// ties, ordered progression, MOOCs in progress, impossible plans and their
// reasons, the calendar file and the choice in the address. A last test
// compares the search with a brute force on random small parcours.

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');

const planner = require(path.join(__dirname, '..', '..', 'themes', 'default', 'static', 'planner.js'));
const { day, iso, propose } = planner;

const TODAY = day('2026-01-05');

/** A session from `start` to `end` (ISO dates), with more keys. */
function session(start, end, more = {}) {
  return { start, end, ...more };
}

/** A parcours: moocs as [slug, core, sessions] triples. */
function parcours(moocs, { required = moocs.length, coreRequired, ordered = false } = {}) {
  return {
    required,
    core_required: coreRequired,
    ordered,
    moocs: moocs.map(([slug, core, sessions, weeks]) => ({ slug, core, sessions, weeks })),
  };
}

function choose(data, { passed = [], doing = [], atOnce = 1, before = null } = {}, t = TODAY) {
  return propose(data, { passed, doing, atOnce, before: before == null ? null : day(before) }, t);
}

/** The plan's sessions as "slug#n" (n from 1, as on the MOOC page). */
function picked(result) {
  return result.sessions.map((s) => `${s.slug}#${s.session + 1}`).sort();
}

test('a star MOOC is in every plan when one is required, even if others end sooner', () => {
  const data = parcours([
    ['star', true, [session('2026-05-04', '2026-06-28')]],
    ['a', false, [session('2026-01-12', '2026-02-15')]],
    ['b', false, [session('2026-02-16', '2026-03-22')]],
    ['c', false, [session('2026-03-23', '2026-04-26')]],
  ], { required: 2, coreRequired: 1 });
  const r = choose(data, { atOnce: 1 });
  assert.equal(r.status, 'plan');
  assert.deepEqual(picked(r), ['a#1', 'star#1']);
  assert.equal(iso(r.completion), '2026-06-28');
});

test('every core MOOC is required when core_required is not given', () => {
  const data = parcours([
    ['s1', true, [session('2026-03-02', '2026-04-12')]],
    ['s2', true, [session('2026-06-01', '2026-07-12')]],
    ['a', false, [session('2026-01-12', '2026-02-15')]],
  ], { required: 2 });
  const r = choose(data, { atOnce: 3 });
  assert.deepEqual(picked(r), ['s1#1', 's2#1']);
});

test('only the MOOCs still missing are planned: passed and in-progress MOOCs count', () => {
  const data = parcours([
    ['a', false, [session('2026-01-12', '2026-02-15')]],
    ['b', false, [session('2026-02-16', '2026-03-22')]],
    ['c', false, [session('2026-03-23', '2026-04-26')]],
    ['d', false, [session('2026-04-27', '2026-05-31')]],
    ['e', false, [session('2026-06-01', '2026-07-05')]],
  ], { required: 4 });
  const r = choose(data, { passed: ['a', 'b'], atOnce: 1 });
  assert.equal(r.needed.moocs, 2);
  assert.deepEqual(picked(r), ['c#1', 'd#1']);
  const done = choose(data, { passed: ['a', 'b', 'c'], doing: ['e'], atOnce: 1 });
  assert.equal(done.status, 'complete');
});

test('at most N MOOCs at once: overlapping sessions are not combined beyond the limit', () => {
  const data = parcours([
    ['a', false, [session('2026-01-12', '2026-02-28')]],
    ['b', false, [session('2026-02-02', '2026-03-29')]],
    ['c', false, [session('2026-04-06', '2026-05-31')]],
  ], { required: 2 });
  const one = choose(data, { atOnce: 1 });
  assert.deepEqual(picked(one), ['a#1', 'c#1']);
  assert.equal(iso(one.completion), '2026-05-31');
  const two = choose(data, { atOnce: 2 });
  assert.deepEqual(picked(two), ['a#1', 'b#1']);
  assert.equal(iso(two.completion), '2026-03-29');
});

test('the overlap limit counts the days where sessions really run together', () => {
  // a and c do not overlap each other; b overlaps both: with 2 at once,
  // a, b and c fit (never three on one day).
  const data = parcours([
    ['a', false, [session('2026-01-12', '2026-02-15')]],
    ['b', false, [session('2026-02-01', '2026-03-15')]],
    ['c', false, [session('2026-02-20', '2026-03-31')]],
    ['d', false, [session('2026-09-01', '2026-10-31')]],
  ], { required: 3 });
  const r = choose(data, { atOnce: 2 });
  assert.deepEqual(picked(r), ['a#1', 'b#1', 'c#1']);
});

test('a MOOC in progress takes one of the places at once until its session ends', () => {
  const data = parcours([
    ['now', false, [session('2025-12-01', '2026-03-01')]],
    ['a', false, [session('2026-02-02', '2026-03-29')]],
    ['b', false, [session('2026-03-02', '2026-04-26')]],
  ], { required: 2 });
  const r = choose(data, { doing: ['now'], atOnce: 1 });
  assert.deepEqual(picked(r), ['b#1']);
  assert.equal(r.busy.length, 1);
  assert.equal(iso(r.busy[0].last), '2026-03-01');
  const two = choose(data, { doing: ['now'], atOnce: 2 });
  assert.deepEqual(picked(two), ['a#1']);
  // The credential is complete when the MOOC in progress is too.
  assert.equal(iso(two.completion), '2026-03-29');
});

test('ties on the completion day go to the plan whose other sessions end first, then to the MOOC listed first', () => {
  const data = parcours([
    ['late', false, [session('2026-05-04', '2026-06-28')]],
    ['x', false, [session('2026-03-02', '2026-04-12')]],
    ['y', false, [session('2026-01-12', '2026-02-22')]],
  ], { required: 2 });
  // Both {late, x} and {late, y} would do with 2 at once only if late is
  // needed; here y and x alone end sooner, so the plan is x and y.
  assert.deepEqual(picked(choose(data, { atOnce: 2 })), ['x#1', 'y#1']);
  const tied = parcours([
    ['last', false, [session('2026-05-04', '2026-06-28')]],
    ['p', false, [session('2026-03-02', '2026-04-12')]],
    ['q', false, [session('2026-01-12', '2026-02-22')]],
    ['r', false, [session('2026-05-11', '2026-06-28')]],
  ], { required: 3 });
  // The third MOOC must end on 28 June (last or r); the other two are p
  // and q, which end first; last is listed before r.
  assert.deepEqual(picked(choose(tied, { atOnce: 3 })), ['last#1', 'p#1', 'q#1']);
  const same = parcours([
    ['m1', false, [session('2026-03-02', '2026-04-12')]],
    ['m2', false, [session('2026-03-02', '2026-04-12')]],
  ], { required: 1 });
  assert.deepEqual(picked(choose(same, { atOnce: 1 })), ['m1#1']);
});

test('a tie is settled even when the first plan the search meets is not the winner', () => {
  // One at a time, three MOOCs: every plan ends on 11 April with m2's
  // second session; m1 (ends 10 March) beats m3's second session (ends 15
  // March), though the search, which goes by earliest end, meets m3 first.
  const data = parcours([
    ['m0', false, [session('2026-01-11', '2026-01-22')]],
    ['m1', false, [session('2026-02-13', '2026-03-10')]],
    ['m2', false, [session('2026-02-07', '2026-03-01'), session('2026-03-29', '2026-04-11')]],
    ['m3', false, [session('2026-01-12', '2026-02-12'), session('2026-02-18', '2026-03-15')]],
  ], { required: 3 });
  const r = choose(data, { atOnce: 1 });
  assert.equal(iso(r.completion), '2026-04-11');
  assert.deepEqual(picked(r), ['m0#1', 'm1#1', 'm2#2']);
});

test('of two sessions of a MOOC, the one that ends first is chosen', () => {
  const data = parcours([
    ['a', false, [session('2026-09-07', '2026-11-08'), session('2026-02-02', '2026-03-29')]],
  ], { required: 1 });
  const r = choose(data);
  assert.deepEqual(picked(r), ['a#2']);
});

test('the exam window, when it ends after the course, is part of the session', () => {
  const data = parcours([
    ['a', false, [session('2026-02-02', '2026-03-29', { exam_start: '2026-03-23', exam_end: '2026-04-05' })]],
    ['b', false, [session('2026-04-01', '2026-05-10')]],
  ], { required: 2 });
  // With one at once, b starts before a's exam is over: impossible.
  assert.equal(choose(data, { atOnce: 1 }).status, 'impossible');
  assert.equal(iso(choose(data, { atOnce: 2 }).completion), '2026-05-10');
});

test('ordered progression: a MOOC listed later starts after the one before it ends', () => {
  const data = parcours([
    ['first', false, [session('2026-02-02', '2026-03-29')]],
    ['second', false, [session('2026-01-12', '2026-02-22'), session('2026-04-06', '2026-05-17')]],
  ], { required: 2, ordered: true });
  const r = choose(data, { atOnce: 2 });
  assert.deepEqual(picked(r), ['first#1', 'second#2']);
  assert.deepEqual(r.sessions.map((s) => s.slug), ['first', 'second']);
  // Without the order, the earlier session of `second` would do.
  const free = choose({ ...data, ordered: false }, { atOnce: 2 });
  assert.deepEqual(picked(free), ['first#1', 'second#1']);
});

test('ordered progression: nothing after a MOOC in progress starts before it ends', () => {
  const data = parcours([
    ['one', false, [session('2025-12-01', '2026-02-15')]],
    ['two', false, [session('2026-02-02', '2026-03-29'), session('2026-04-06', '2026-05-17')]],
  ], { required: 2, ordered: true });
  assert.deepEqual(picked(choose(data, { doing: ['one'], atOnce: 3 })), ['two#2']);
});

test('sessions one can no longer take are left out; planned ones are taken whole and make the plan approximate', () => {
  const data = parcours([
    ['over', false, [session('2025-09-01', '2025-11-30')]],
    ['closed', false, [session('2025-12-01', '2026-02-28', { enrollment_end: '2025-12-15' })]],
    ['cancelled', false, [session('2026-02-02', '2026-03-29', { cancelled: true })]],
    ['planned', false, [session('2026-07-01', '2026-09-30', { period: '2026-T3' })]],
  ], { required: 1 });
  const r = choose(data);
  assert.deepEqual(picked(r), ['planned#1']);
  assert.equal(r.approximate, true);
  assert.equal(iso(r.completion), '2026-09-30');
  // A planned session that ends before a dated one does not make the
  // completion date approximate.
  const mixed = parcours([
    ['planned', false, [session('2026-07-01', '2026-09-30', { period: '2026-T3' })]],
    ['dated', false, [session('2026-10-05', '2026-12-06')]],
  ], { required: 2 });
  const m = choose(mixed, { atOnce: 1 });
  assert.equal(iso(m.completion), '2026-12-06');
  assert.equal(m.approximate, false);
  // An ongoing session still open for enrolment can be joined.
  const ongoing = parcours([['go', false, [session('2025-12-01', '2026-02-28', { enrollment_end: '2026-01-31' })]]], { required: 1 });
  const g = choose(ongoing);
  assert.deepEqual(picked(g), ['go#1']);
  assert.equal(iso(g.sessions[0].start), iso(TODAY));
});

test('a self-paced session is taken from today for the MOOC\'s duration', () => {
  const data = parcours([['self', false, [session('2025-06-01', null, { self_paced: true })], 4]], { required: 1 });
  const r = choose(data);
  assert.equal(iso(r.completion), iso(TODAY + 27));
});

test('impossible: no star MOOC before the date limit, said with the first one after it', () => {
  const data = parcours([
    ['star', true, [session('2027-01-11', '2027-03-14')]],
    ['a', false, [session('2026-01-12', '2026-02-15')]],
    ['b', false, [session('2026-03-02', '2026-04-12')]],
  ], { required: 2, coreRequired: 1 });
  const r = choose(data, { atOnce: 2, before: '2027-01-01' });
  assert.equal(r.status, 'impossible');
  assert.equal(r.reason.code, 'core-none');
  assert.equal(r.reason.first.slug, 'star');
  assert.equal(iso(r.reason.first.last), '2027-03-14');
  assert.equal(iso(r.withoutLimit), '2027-03-14');
});

test('impossible: too few star MOOCs, or too few MOOCs, with upcoming sessions', () => {
  const data = parcours([
    ['s1', true, [session('2026-03-02', '2026-04-12')]],
    ['s2', true, [session('2025-03-02', '2025-04-12')]],
    ['a', false, [session('2026-01-12', '2026-02-15')]],
    ['b', false, []],
  ], { required: 3, coreRequired: 2 });
  const core = choose(data, { atOnce: 3 });
  assert.equal(core.reason.code, 'core-few');
  assert.equal(core.reason.available, 1);
  assert.equal(core.reason.needed, 2);
  const count = choose({ ...data, core_required: 1 }, { atOnce: 3 });
  assert.equal(count.reason.code, 'count-few');
  assert.equal(count.reason.available, 2);
  assert.equal(count.reason.needed, 3);
});

test('impossible: overlaps, with the number at once that would make it possible', () => {
  const data = parcours([
    ['a', false, [session('2026-02-02', '2026-03-29')]],
    ['b', false, [session('2026-02-09', '2026-04-05')]],
    ['c', false, [session('2026-02-16', '2026-04-12')]],
  ], { required: 3 });
  const r = choose(data, { atOnce: 1 });
  assert.equal(r.reason.code, 'overlap');
  assert.equal(r.reason.suggestion.atOnce, 3);
  assert.equal(iso(r.reason.suggestion.completion), '2026-04-12');
});

test('impossible: ordered progression that no sessions can follow', () => {
  const data = parcours([
    ['first', false, [session('2026-04-06', '2026-05-17')]],
    ['second', false, [session('2026-02-02', '2026-03-29')]],
  ], { required: 2, ordered: true });
  const r = choose(data, { atOnce: 2 });
  assert.equal(r.reason.code, 'order');
});

test('the calendar file: one event per session, CRLF lines folded at 75 octets, text escaped', () => {
  const text = planner.ics('Mon parcours, DNM2IP', [
    { uid: 'plan-a-2026-02-02@example.org', start: day('2026-02-02'), last: day('2026-03-29'),
      summary: 'Épidémiologie; virus, bactéries', description: 'Du 2 février au 29 mars\nInscription : ' + 'é'.repeat(60), url: 'https://example.org/a' },
    { uid: 'plan-b@example.org', start: day('2026-04-06'), last: day('2026-04-06'), summary: 'B' },
  ], day('2026-01-05'));
  assert.ok(text.endsWith('\r\n'));
  const physical = text.split('\r\n').slice(0, -1);
  for (const line of physical) assert.ok(Buffer.byteLength(line) <= 75, `too long: ${line}`);
  assert.ok(!/[^\r]\n/.test(text), 'bare LF');
  const lines = text.replace(/\r\n /g, '').split('\r\n');
  assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, 2);
  assert.ok(lines.includes('DTSTART;VALUE=DATE:20260202'));
  assert.ok(lines.includes('DTEND;VALUE=DATE:20260330'));
  assert.ok(lines.includes('DTEND;VALUE=DATE:20260407'));
  assert.ok(lines.includes('SUMMARY:Épidémiologie\\; virus\\, bactéries'));
  assert.ok(lines.includes('X-WR-CALNAME:Mon parcours\\, DNM2IP'));
  assert.ok(lines.some((l) => l.startsWith('DESCRIPTION:Du 2 février au 29 mars\\nInscription : é')));
  assert.ok(lines.includes('DTSTAMP:20260105T000000Z'));
});

test('the choice in the address: encoded, decoded, unknown MOOCs and periods dropped', () => {
  const choice = { passed: ['a', 'b-c'], doing: ['d'], atOnce: 2, beforePeriod: '2027-T1' };
  const text = planner.encodeChoice(choice);
  assert.equal(text, 'passed=a,b-c&doing=d&at-once=2&before=2027-T1');
  assert.deepEqual(planner.decodeChoice(text, ['a', 'b-c', 'd'], ['2027-T1']), choice);
  const odd = planner.decodeChoice('passed=a,zz,<x>&doing=a,d&at-once=0&before=2099-T9', ['a', 'd'], ['2027-T1']);
  assert.deepEqual(odd, { passed: ['a'], doing: ['d'], atOnce: 1, beforePeriod: null });
  assert.equal(planner.decodeChoice('nothing', ['a'], []), null);
});

// ---------------------------------------------------------------------------
// The search against a brute force, on random small parcours.

function lcg(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The best plan's key by trying every assignment (the rule of planner.js, written plainly). */
function bruteForce(data, choice, t) {
  const passed = new Set(choice.passed);
  const doing = new Set(choice.doing);
  const busy = [];
  let done = 0;
  let doneCore = 0;
  const options = [];
  data.moocs.forEach((m, order) => {
    if (passed.has(m.slug) || doing.has(m.slug)) {
      done++;
      if (m.core) doneCore++;
      return;
    }
    const ws = [null];
    m.sessions.forEach((s) => {
      const w = planner.windowOf(s, m.weeks, t);
      if (w) ws.push({ ...w, order, core: m.core });
    });
    options.push(ws);
  });
  const coreRequired = data.core_required ?? data.moocs.filter((m) => m.core).length;
  const needCount = Math.max(0, data.required - done);
  const needCore = Math.max(0, coreRequired - doneCore);
  let best = null;
  const pick = [];
  (function walk(i) {
    if (i === options.length) {
      const chosen = pick.filter(Boolean);
      if (chosen.length < needCount || chosen.filter((w) => w.core).length < needCore) return;
      if (chosen.length > Math.max(needCount, needCore)) return;
      const all = chosen.concat(busy);
      for (let d = Math.min(...all.map((w) => w.start)); d <= Math.max(...all.map((w) => w.last)); d++) {
        if (all.filter((w) => w.start <= d && d <= w.last).length > choice.atOnce) return;
      }
      if (data.ordered) {
        for (const a of chosen) for (const b of chosen) if (a.order < b.order && !(a.last < b.start)) return;
      }
      const lasts = chosen.map((w) => w.last).sort((x, y) => y - x);
      const key = [Math.max(...lasts), ...lasts, ...chosen.map((w) => w.order).sort((x, y) => x - y)];
      if (!best || lessThan(key, best)) best = key;
      return;
    }
    for (const w of options[i]) {
      pick.push(w);
      walk(i + 1);
      pick.pop();
    }
  })(0);
  return best;
}

function lessThan(a, b) {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] < b[i];
  return a.length < b.length;
}

test('the search finds the plan a brute force finds, on 300 random parcours', () => {
  const rand = lcg(20260105);
  const base = day('2026-01-05');
  for (let round = 0; round < 300; round++) {
    const count = 3 + Math.floor(rand() * 4);
    const moocs = [];
    for (let i = 0; i < count; i++) {
      const sessions = [];
      let at = base - 20 + Math.floor(rand() * 60);
      const n = Math.floor(rand() * 3);
      for (let k = 0; k < n; k++) {
        const length = 20 + Math.floor(rand() * 50);
        sessions.push(session(iso(at), iso(at + length)));
        at += length + 1 + Math.floor(rand() * 90);
      }
      moocs.push([`m${i}`, rand() < 0.35, sessions]);
    }
    const cores = moocs.filter((m) => m[1]).length;
    const required = 1 + Math.floor(rand() * count);
    const data = parcours(moocs, {
      required,
      coreRequired: Math.min(cores, required, Math.floor(rand() * 3)),
      ordered: rand() < 0.3,
    });
    const choice = { passed: rand() < 0.3 ? ['m0'] : [], doing: [], atOnce: 1 + Math.floor(rand() * 2), before: null };
    const expected = bruteForce(data, choice, base);
    const got = propose(data, choice, base);
    const where = `round ${round}: ${JSON.stringify({ data, choice })}`;
    if (expected === null) {
      assert.equal(got.status, 'impossible', where);
      continue;
    }
    if (expected[0] === -Infinity) {
      assert.equal(got.status, 'complete', where);
      continue;
    }
    assert.equal(got.status, 'plan', where);
    assert.equal(got.completion, expected[0], where);
    const lasts = got.sessions.map((s) => s.last).sort((x, y) => y - x);
    assert.deepEqual(lasts, expected.slice(1, 1 + lasts.length), where);
  }
});
