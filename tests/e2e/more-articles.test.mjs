// What only shows with more articles than the seeds, on the seeds plus copies of the seeds
// README's example article under other ids and dates (uncurated: what the automatic layers find
// in them is marked automatic). The app's code is the one already built: only the data changes.
//
// A page of search results is drawn once the texts of its first screen are in, and the rest of
// its texts follow without being waited for (`SearchPage::first_screen`): a first search waits
// for six texts, not twenty, and every article of the page still shows its lines without being
// scrolled to. The rest is fetched at most two at a time, so that the next search's texts never
// queue behind it, and no more of it once the page is left.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readmeExample, serveWithData, launch, openFresh } from './harness.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Articles added: more than a page of results (20) match the query below. */
const ADDED = 24;
/** Texts waited for before a page of results is drawn (`FIRST_TEXTS` in the core). */
const FIRST_TEXTS = 6;
/** Articles on a page of results (`RESULTS_PAGE` in the core). */
const RESULTS_PAGE = 20;
/** Most files fetched ahead on their way at once (`AHEAD_AT_ONCE` in `src/data`). */
const AHEAD_AT_ONCE = 2;
const env = { server: null, browser: null, dir: null };

before(async () => {
  env.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marsad-more-'));
  const seeds = path.join(env.dir, 'seeds');
  fs.cpSync(path.join(ROOT, 'seeds'), seeds, { recursive: true });
  const ex = readmeExample();
  // The example's outlet, without its article: the copies are articles of their own.
  let catalog = '\n' + ex.toml.slice(0, ex.toml.indexOf('[[article]]'));
  for (let i = 1; i <= ADDED; i++) {
    const day = String(i).padStart(2, '0');
    const file = `9${day}_example-copy.txt`;
    // Each copy's headline differs, so that no two articles are the same text.
    const lines = ex.text.split('\n');
    lines[0] = `${lines[0]} (${i})`;
    fs.writeFileSync(path.join(seeds, file), lines.join('\n'));
    catalog += `\n[[article]]\nid = "example-copy-${day}"\nfile = "${file}"\noutlet = "example-news"\npublished = "2024-03-${day}"\nprecision = "day"\ndate_note_en = "A copy for a test, dated by hand."\nlines = { 1 = "headline" }\n`;
  }
  fs.appendFileSync(path.join(seeds, 'catalog.toml'), catalog);
  env.server = await serveWithData(seeds, env.dir, 'the copies');
  env.browser = await launch();
});

after(async () => {
  await env.browser?.close();
  await env.server?.close();
  if (env.dir) fs.rmSync(env.dir, { recursive: true, force: true });
});

/** Most texts on their way at once in a log of ['sent' | 'in', url], from entry `from` on. */
function mostAtOnce(log, from = 0) {
  let now = 0;
  let most = 0;
  for (const [k] of log.slice(from)) {
    now += k === 'sent' ? 1 : -1;
    most = Math.max(most, now);
  }
  return most;
}

/** Types `q` into the search box as one input event. */
const search = (page, q) =>
  page.evaluate((q) => {
    const input = document.querySelector('[data-testid=q]');
    input.focus();
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, q);

/** For each article shown in the results, in order: whether its lines are drawn. */
const linesShown = (page) =>
  page.$$eval('.kwic-article', (as) => as.map((a) => Boolean(a.querySelector('[data-testid=kwic]'))));

test('a first search is drawn with its first screen of texts, and the rest of the page follows', async () => {
  const { context, page, errors } = await openFresh(env.browser, `${env.server.url}?lang=en`);
  await page.waitForSelector('.article-row .row-words');
  // Every request for a text and every text received, in the order they happened.
  const log = [];
  page.on('request', (r) => r.url().includes('/texts/') && log.push(['sent', r.url()]));
  page.on('requestfinished', (r) => r.url().includes('/texts/') && log.push(['in', r.url()]));
  const q = 'التحالف';
  await search(page, q);
  await page.waitForFunction(
    (q) => {
      const r = document.querySelector('[data-testid=search-results]');
      return (
        r?.getAttribute('data-q') === q &&
        r.getAttribute('data-ready') === 'true' &&
        document.querySelector('[data-testid=kwic]') &&
        !document.documentElement.hasAttribute('data-loading')
      );
    },
    q,
    { polling: 'raf' },
  );
  const drawn = await linesShown(page);
  assert.equal(drawn.length, RESULTS_PAGE, 'a full page of results');
  assert.deepEqual(drawn.slice(0, FIRST_TEXTS), Array(FIRST_TEXTS).fill(true), 'the first screen is drawn with its lines');

  // The rest of the page's lines arrive without scrolling.
  await page.waitForFunction(
    (n) => [...document.querySelectorAll('.kwic-article')].filter((a) => a.querySelector('[data-testid=kwic]')).length === n,
    RESULTS_PAGE,
  );
  const sent = log.filter(([k]) => k === 'sent').map(([, u]) => u);
  assert.equal(new Set(sent).size, sent.length, 'each text is fetched once');
  assert.equal(sent.length, RESULTS_PAGE, 'the texts of this page and no others');
  // The first screen's texts were all in before any other text was asked for.
  const firstRest = log.findIndex(([k, u]) => k === 'sent' && !sent.slice(0, FIRST_TEXTS).includes(u));
  const firstIn = log.slice(0, firstRest).filter(([k]) => k === 'in').length;
  assert.equal(firstIn, FIRST_TEXTS, `the rest waited for the first screen: ${JSON.stringify(log.map(([k]) => k))}`);
  // Protects the connections the next search needs: the rest came at most two at a time.
  assert.ok(mostAtOnce(log, firstRest) <= AHEAD_AT_ONCE, `the rest came ${AHEAD_AT_ONCE} at a time at most: ${JSON.stringify(log.map(([k]) => k))}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a page of results left while its texts are fetched ahead fetches no more of them', async () => {
  const { context, page, errors } = await openFresh(env.browser, `${env.server.url}?lang=en`);
  await page.waitForSelector('.article-row .row-words');
  const log = [];
  // Wakes `until` whenever the log grows.
  let wake = () => {};
  const note = (e) => {
    log.push(e);
    wake();
  };
  const until = async (cond) => {
    while (!cond()) await new Promise((r) => (wake = r));
  };
  page.on('request', (r) => r.url().includes('/texts/') && note(['sent', r.url()]));
  page.on('requestfinished', (r) => r.url().includes('/texts/') && note(['in', r.url()]));
  // Texts come from a slow host: the page is left while the first of the rest are on their way.
  await page.route('**/texts/**', (route) => setTimeout(() => route.continue(), 150));
  await search(page, 'التحالف');
  const sentCount = () => log.filter(([k]) => k === 'sent').length;
  // The first screen, then the first of the rest, are on their way.
  await until(() => sentCount() > FIRST_TEXTS);
  await search(page, 'زززززز');
  await page.waitForSelector('[data-testid=no-hits]');
  // Every text asked for has arrived, and the page has had the frames to ask for more.
  await until(() => sentCount() === log.filter(([k]) => k === 'in').length);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));
  const rest = sentCount() - FIRST_TEXTS;
  assert.ok(rest >= 1 && rest <= AHEAD_AT_ONCE, `of the rest of the page, only those on their way when it was left: ${rest}`);
  assert.deepEqual(errors, []);
  await context.close();
});

// While the postings of a new query are on their way, the last results stay on screen, dimmed
// and marked busy, instead of the list emptying and filling again at each keystroke.
test('the last results stay on screen, marked busy, while the next query\'s postings are fetched', async () => {
  const { context, page, errors } = await openFresh(env.browser, `${env.server.url}?lang=en`);
  await page.waitForSelector('.article-row .row-words');
  const ready = (q) =>
    page.waitForFunction(
      (q) => {
        const r = document.querySelector('[data-testid=search-results]');
        return r?.getAttribute('data-q') === q && r.getAttribute('data-ready') === 'true' && !document.documentElement.hasAttribute('data-loading');
      },
      q,
    );
  // A finished word reads one postings chunk: the one of its stem.
  await search(page, 'التحالف ');
  await ready('التحالف ');
  const articles = () => page.$$eval('.kwic-article', (as) => as.map((a) => a.getAttribute('data-article')));
  let before = await articles();
  assert.ok(before.length > 0);
  // From now on, postings chunks are held until released.
  const held = [];
  let wake = () => {};
  await page.route('**/terms/**', (route) => {
    held.push(route);
    wake();
  });
  // Words from across the alphabet: at least one has its stem in a chunk not loaded yet.
  let checked = null;
  for (const q of ['واشنطن ', 'يونيو ', 'ميليشيات ', 'قوات ', 'بغداد ', 'انسحاب ']) {
    // Listening before typing: the chunk may be asked for before `search` returns.
    const chunkAsked = new Promise((r) => (wake = () => r(true)));
    await search(page, q);
    const asked = await Promise.race([chunkAsked, ready(q).then(() => false)]);
    if (!asked) {
      // Its chunk was there: its results are what the next word's wait must keep.
      before = await articles();
      continue;
    }
    const state = await page.evaluate(() => {
      const r = document.querySelector('[data-testid=search-results]');
      return {
        busy: r.getAttribute('aria-busy'),
        ready: r.getAttribute('data-ready'),
        shown: [...document.querySelectorAll('.kwic-article')].map((a) => a.getAttribute('data-article')),
        dimmed: getComputedStyle(document.querySelector('.kwic-article')).opacity,
        noHits: Boolean(document.querySelector('[data-testid=no-hits]')),
      };
    });
    assert.deepEqual(state, { busy: 'true', ready: 'false', shown: before, dimmed: '0.55', noHits: false }, `while «${q}» is fetched`);
    for (const r of held.splice(0)) await r.continue();
    await page.unroute('**/terms/**');
    await ready(q);
    assert.equal(await page.getAttribute('[data-testid=search-results]', 'aria-busy'), 'false');
    checked = q;
    break;
  }
  assert.ok(checked, 'one of the words needed a chunk not loaded yet');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a facet value with many automatic findings keeps its name readable', async () => {
  const { context, page, errors } = await openFresh(env.browser, `${env.server.url}?lang=en`, { viewport: { width: 1280, height: 900 } });
  await page.waitForSelector('[data-testid=event-facet] .facet-auto');
  const rows = await page.$$eval('[data-testid=event-facet] .facet-value', (vs) =>
    vs
      .filter((v) => v.querySelector('.facet-auto'))
      .map((v) => {
        const box = (sel) => v.querySelector(sel).getBoundingClientRect();
        return { value: v.dataset.value, row: v.getBoundingClientRect().width, name: box('.facet-name'), auto: box('.facet-auto') };
      }),
  );
  assert.ok(rows.length > 0, 'some event values have automatic findings');
  for (const r of rows) {
    // The count of automatic findings is a line of its own under the name, so the name keeps
    // most of the row (it was squeezed to a few letters a line by a long count beside it).
    assert.ok(r.auto.top >= r.name.bottom - 1, `${r.value}: the automatic count is under the name`);
    assert.ok(r.name.width >= r.row * 0.5, `${r.value}: the name has half the row or more (${r.name.width} of ${r.row})`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
