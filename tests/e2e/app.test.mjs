// End-to-end tests: the release dist/ served over HTTP, in headless Chromium, clicked through as a
// reader would. Run by `cargo xtask test` (which builds dist/ first).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch, openFresh, SUB_PATH, SEED_IDS, settled, boldFaceLoaded } from './harness.mjs';

const env = serveAndLaunch();

const rowIds = (page) =>
  page.$$eval('.article-row', (rows) => rows.map((r) => r.getAttribute('data-article')));

/** Waits until the list shows only articles of `outlet` (after a filter), and returns their ids. */
async function rowsOfOutlet(page, outlet) {
  await page.waitForFunction(
    (o) => {
      const rows = [...document.querySelectorAll('.article-row')];
      return rows.length > 0 && rows.every((r) => r.getAttribute('data-outlet') === o);
    },
    outlet,
  );
  return rowIds(page);
}

/** What a reader sees of a view, for comparing two sessions. */
async function snapshot(page) {
  await settled(page);
  return page.evaluate(() => ({
    search: location.search,
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    rows: [...document.querySelectorAll('.article-row')].map((r) => r.getAttribute('data-article')),
    checked: [...document.querySelectorAll('.facet-value')]
      .filter((l) => l.querySelector('input').checked)
      .map((l) => l.getAttribute('data-value')),
    reader: document.querySelector('.reader')?.getAttribute('data-article') ?? null,
    title: document.querySelector('.reader-title')?.textContent ?? null,
    paragraphs: [...document.querySelectorAll('.para .ptext')].map((p) => p.textContent),
  }));
}

// Protects the core journey of issue 2: filter by outlet, open an article, copy the link, open it in
// a fresh session and find the same view; back/forward and reload restore views; and nothing the page
// loads comes from anywhere but its own origin.
test('filter, read, copy link, reopen in a fresh session; history works; no request leaves the origin', async () => {
  const { context, page, requests, errors } = await openFresh(env.browser, env.server.url);
  const everything = await rowIds(page);
  for (const id of SEED_IDS) assert.ok(everything.includes(id), id);

  await page.click('[data-outlet=kurdistan24] input');
  assert.ok((await rowsOfOutlet(page, 'kurdistan24')).includes('k24-hmc-launch'));
  assert.equal(new URL(page.url()).search, '?outlet=kurdistan24');

  await page.click('.article-row[data-article=k24-hmc-launch] .row-headline');
  await page.waitForSelector('.reader[data-article=k24-hmc-launch]');
  assert.equal(new URL(page.url()).search, '?view=read&article=k24-hmc-launch&outlet=kurdistan24');
  assert.equal(new URL(page.url()).pathname, SUB_PATH, 'the app stays on its own path');

  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.origin });
  await page.click('[data-testid=copy-link]');
  await page.waitForFunction(() => document.querySelector('[data-testid=copy-link]').textContent !== 'نسخ الرابط');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, page.url());

  const before = await snapshot(page);
  assert.equal(before.paragraphs.length, 16);
  const fresh = await openFresh(env.browser, copied);
  await fresh.page.waitForSelector('.reader');
  assert.deepEqual(await snapshot(fresh.page), before, 'the copied link opens the identical view');
  await fresh.context.close();

  await page.goBack();
  await page.waitForSelector('.article-row');
  assert.ok((await rowsOfOutlet(page, 'kurdistan24')).includes('k24-hmc-launch'), 'back restores the filtered library');
  await page.goBack();
  await page.waitForFunction((n) => document.querySelectorAll('.article-row').length === n, everything.length);
  await page.goForward();
  await page.goForward();
  await page.waitForSelector('.reader[data-article=k24-hmc-launch]');
  await page.reload();
  await page.waitForSelector('.reader[data-article=k24-hmc-launch]');
  assert.deepEqual(await snapshot(page), before, 'reload restores the reader');

  const foreign = [...requests, ...fresh.requests].filter((u) => new URL(u).origin !== env.server.origin);
  assert.deepEqual(foreign, [], 'every request stays on the page origin');
  assert.ok(requests.some((u) => u.endsWith('.wasm')), 'requests were recorded');
  assert.deepEqual(errors, []);
  await context.close();
});

// Protects "a bad link shows a notice and the nearest valid view, never a blank page".
test('a malformed link shows a notice naming each problem and the nearest valid view', async () => {
  const url = `${env.server.url}?view=read&article=no-such-article&outlet=alain,bbc&from=2024-13-01&lang=en`;
  const { context, page, errors } = await openFresh(env.browser, url);
  await page.waitForSelector('[data-testid=notice]');
  const notice = await page.textContent('[data-testid=notice]');
  assert.match(notice, /no-such-article/);
  assert.match(notice, /bbc/);
  assert.match(notice, /2024-13-01/);
  assert.ok((await rowsOfOutlet(page, 'alain')).includes('alain-first-round'));
  assert.equal(new URL(page.url()).search, '?outlet=alain&lang=en', 'the link now says what is shown');
  assert.deepEqual(errors, []);
  await context.close();
});

// Protects the reader: RTL Arabic in the bundled Naskh font, numbered paragraphs, marked artifacts.
test('the reader lays Arabic out right to left and marks scraper artifacts', async () => {
  const { context, page } = await openFresh(env.browser, `${env.server.url}?article=unattributed-biden-sudani`);
  await page.waitForSelector('.reader');
  const facts = await page.evaluate(() => {
    const text = document.querySelector('section.text');
    const para = text.querySelector('.para .ptext');
    return {
      direction: getComputedStyle(text).direction,
      fontLoaded: document.fonts.check('20px "Marsad Naskh"', 'مرصد'),
      firstNumber: text.querySelector('.pnum').textContent,
      // In RTL the paragraph number sits to the right of the text.
      numberOnRight: text.querySelector('.pnum').getBoundingClientRect().left > para.getBoundingClientRect().left,
      artifacts: [...text.querySelectorAll('.artifact')].map((a) => a.getAttribute('data-kind')),
    };
  });
  assert.deepEqual(facts, {
    direction: 'rtl',
    fontLoaded: true,
    firstNumber: '1',
    numberOnRight: true,
    artifacts: ['ad_marker', 'ad_marker', 'source_label'],
  });
  await context.close();
});

// Protects the first load's fonts: the library is drawn with one font file, the regular Arabic
// face (bold text meanwhile synthetic), and the bold face is fetched only after the data the view
// needs has arrived, then used for bold text.
test('the first view loads only the regular Arabic face; the bold face follows it', async () => {
  const { context, page, errors } = await openFresh(env.browser, env.server.url);
  await page.waitForSelector('.article-row');
  await boldFaceLoaded(page);
  const fonts = await page.evaluate(() => {
    const entries = performance.getEntriesByType('resource');
    const file = (end) => entries.find((e) => new URL(e.name).pathname.endsWith(end));
    const regular = file('/fonts/NotoNaskhArabic-Regular.woff2');
    const bold = file('/fonts/NotoNaskhArabic-Bold.woff2');
    const summary = file('/summary.bin');
    return {
      files: entries.filter((e) => e.name.endsWith('.woff2')).map((e) => new URL(e.name).pathname.split('/').pop()).sort(),
      boldAfterSummary: Boolean(bold && summary && bold.startTime >= summary.responseEnd),
      regularBeforeBold: Boolean(regular && bold && regular.startTime < bold.startTime),
      boldUsable: document.fonts.check('700 20px "Marsad Naskh"', 'مرصد'),
    };
  });
  assert.deepEqual(fonts, {
    files: ['NotoNaskhArabic-Bold.woff2', 'NotoNaskhArabic-Regular.woff2'],
    boldAfterSummary: true,
    regularBeforeBold: true,
    boldUsable: true,
  });
  assert.deepEqual(errors, []);
  await context.close();
});

// Protects the language switch: a link to the same view in the other interface language.
test('switching the interface language keeps the view and flips the direction', async () => {
  const { context, page } = await openFresh(env.browser, `${env.server.url}?outlet=shafaq`);
  await page.click('[data-testid=lang-switch]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  const s = await snapshot(page);
  assert.equal(s.dir, 'ltr');
  assert.ok(s.rows.includes('shafaq-mission-end'));
  assert.deepEqual(await rowsOfOutlet(page, 'shafaq'), s.rows);
  assert.equal(s.search, '?outlet=shafaq&lang=en');
  assert.match(await page.textContent('.article-row'), /Shafaq News/);
  await context.close();
});

// Protects the date filter inputs.
test('date inputs filter the library and zero counts stay visible', async () => {
  const { context, page } = await openFresh(env.browser, env.server.url);
  await page.fill('[data-testid=from]', '2024-07-01');
  await page.waitForFunction(() => new URL(location.href).search === '?from=2024-07-01');
  await settled(page);
  const rows = await rowIds(page);
  for (const id of ['shafaq-mission-end', 'infoplus-second-dialogue']) assert.ok(rows.includes(id), id);
  for (const id of ['k24-hmc-launch', 'alain-first-round', 'unattributed-biden-sudani']) assert.ok(!rows.includes(id), id);
  // An outlet is shown as empty exactly when none of its articles is listed; zero counts stay visible.
  const outlets = await page.$$eval('[data-facet=outlet] .facet-value', (ls) =>
    ls.map((l) => [l.getAttribute('data-outlet'), l.classList.contains('empty')]));
  const listed = new Set(await page.$$eval('.article-row', (rs) => rs.map((r) => r.getAttribute('data-outlet'))));
  for (const [outlet, empty] of outlets) assert.equal(empty, !listed.has(outlet), outlet);
  assert.ok(outlets.some(([, empty]) => empty), 'an outlet with no article in range is still listed');
  await context.close();
});
