// End-to-end tests of the compare and timeline views, done as a researcher would: open the
// comparison of an event, line up two articles, brush a period on the timeline, and share links.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch, openFresh, settled, seedsOf } from './harness.mjs';

const env = serveAndLaunch();

/** What is on screen in the compare and timeline views, for comparing two sessions. */
async function snapshot(page) {
  await settled(page);
  return page.evaluate(() => ({
    search: location.search,
    lang: document.documentElement.lang,
    columns: [...document.querySelectorAll('.col-head')].map((c) => c.getAttribute('data-article')),
    cells: [...document.querySelectorAll('.compare-cell')].map((c) => c.textContent),
    pairs: [...document.querySelectorAll('.pair-row.aligned')].map((r) => `${r.getAttribute('data-a')}-${r.getAttribute('data-b')}`),
    lens: document.querySelector('.lens')?.getAttribute('data-testid') ?? null,
    lensText: document.querySelector('.lens')?.textContent ?? null,
    events: [...document.querySelectorAll('.tl-event')].map((e) => e.getAttribute('data-event')),
    shade: document.querySelector('[data-testid=range-shade]')?.getAttribute('x') ?? null,
    range: document.querySelector('[data-testid=range]')?.textContent ?? null,
  }));
}

// Acceptance: the comparison of the 27 January HMC launch, reached from the timeline with the
// keyboard; each covering outlet's column has its headline, voices and naming.
test('the HMC launch opens from the timeline and compares every covering outlet', async () => {
  const { context, page, errors } = await openFresh(env.browser, `${env.server.url}?view=timeline&lang=en`);
  const ev = page.locator('.tl-event[data-event=hmc-launch-2024-01-27]');
  await ev.focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=event-compare] .col-head');
  assert.match(new URL(page.url()).search, /view=compare&event=hmc-launch-2024-01-27/);
  const cols = await page.$$eval('.col-head', (hs) => hs.map((h) => h.getAttribute('data-article')));
  for (const id of ['alain-first-round', 'k24-hmc-launch', 'unattributed-biden-sudani']) {
    assert.ok(cols.includes(id), `${id} covers the launch: ${cols}`);
  }
  const cell = (row, i) => page.$$eval(`.compare-cell[data-row=${row}]`, (cs, i) => cs[i].textContent, i);
  const index = (id) => cols.indexOf(id);
  const order = await page.$$eval('.col-head', (hs) => hs.map((h) => h.getAttribute('data-article')));
  const at = (id) => order.indexOf(id);
  assert.match(await cell('headline', at('k24-hmc-launch')), /رومانوسكي/);
  assert.match(await cell('headline', at('alain-first-round')), /انطلاق الجولة الأولى/);
  assert.match(await cell('voices', at('k24-hmc-launch')), /Iraqi government/);
  assert.match(await cell('naming', at('alain-first-round')), /اللجنة العسكرية العليا/);
  assert.match(await cell('happened', at('unattributed-biden-sudani')), /as background/);
  assert.ok(index('k24-hmc-launch') >= 0);
  // Every cell's words lead to the reader.
  const chip = page.locator('.compare-cell[data-row=naming] [data-testid=span-chip]').first();
  const href = await chip.getAttribute('href');
  assert.match(href, /view=read&article=.*&p=\d+.*layers=naming/);
  // Moving a column puts the new order in the link, and the link opens it again.
  const first = order[0];
  await page.locator(`.col-head[data-article=${first}] .col-move button`).nth(1).click();
  await page.waitForFunction((first) => document.querySelectorAll('.col-head')[1]?.getAttribute('data-article') === first, first);
  const moved = await page.$$eval('.col-head', (hs) => hs.map((h) => h.getAttribute('data-article')));
  assert.equal(new URL(page.url()).searchParams.get('order'), moved.join(','));
  const fresh = await openFresh(env.browser, page.url());
  await fresh.page.waitForSelector('[data-testid=event-compare] .col-head');
  await settled(fresh.page);
  assert.deepEqual(await fresh.page.$$eval('.col-head', (hs) => hs.map((h) => h.getAttribute('data-article'))), moved);
  await fresh.context.close();
  assert.deepEqual(errors, []);
  await context.close();
});

// Acceptance: the two articles that reproduce the PM office statement, aligned and highlighted.
test('two articles that reproduce the same statement are aligned with the differences marked', async () => {
  const { context, page } = await openFresh(env.browser, `${env.server.url}?view=compare&articles=k24-hmc-launch,alain-first-round&lang=en`);
  await page.waitForSelector('[data-testid=two-articles]');
  const s = await snapshot(page);
  assert.deepEqual(s.pairs, ['7-2', '12-3']);
  const row = page.locator('.pair-row.aligned[data-a="7"]');
  const shared = await row.locator('mark.shared').count();
  assert.ok(shared >= 2, 'the shared passage is highlighted on both sides');
  const variants = await row.locator('mark.diff-variant').allTextContents();
  assert.ok(variants.some((v) => v.includes('ی')), `Persian-yeh letter variants are marked: ${variants}`);
  assert.match(await page.textContent('[data-testid=share-a]'), /\d+% of its words are shared/);
  await context.close();
});

// Acceptance: brushing July–September 2024 sets the date filter of every view.
test('brushing the timeline to July–September 2024 filters the library', async () => {
  const { context, page } = await openFresh(env.browser, `${env.server.url}?view=timeline&zoom=core`);
  // The timeline waits for its code and the facets file: measured once it is drawn.
  await page.waitForSelector('svg.timeline .tick[data-date="2024-10-01"]');
  const pos = await page.evaluate(() => {
    const svg = document.querySelector('svg.timeline');
    const r = svg.getBoundingClientRect();
    const vb = svg.viewBox.baseVal;
    const x = (d) => r.left + (Number(document.querySelector(`.tick[data-date="${d}"]`).getAttribute('data-x')) * r.width) / vb.width;
    return { a: x('2024-07-01'), b: x('2024-10-01'), y: r.top + r.height - 30 };
  });
  // Arabic runs right to left: July is to the right of October. Drag from just inside each end.
  const dir = pos.b > pos.a ? 1 : -1;
  await page.mouse.move(pos.a + dir * 1, pos.y);
  await page.mouse.down();
  await page.mouse.move((pos.a + pos.b) / 2, pos.y, { steps: 5 });
  await page.mouse.move(pos.b - dir * 1, pos.y, { steps: 5 });
  await page.mouse.up();
  await page.waitForSelector('[data-testid=range-shade]');
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('from').slice(0, 7), '2024-07');
  assert.equal(url.searchParams.get('to').slice(0, 7), '2024-09');
  await page.click('.view-tab[data-view=library]');
  await page.waitForSelector('.article-row');
  const rows = await page.$$eval('.article-row', (rs) => rs.map((r) => r.getAttribute('data-article')));
  assert.deepEqual(seedsOf(rows), ['shafaq-mission-end', 'infoplus-second-dialogue']);
  await context.close();
});

// Acceptance: each view's link opened in a fresh session gives the identical view.
test('compare, timeline and lens links reopen identically in a fresh session', async () => {
  const links = [
    '?view=compare&event=hmc-launch-2024-01-27&lang=en',
    '?view=compare&articles=k24-hmc-launch,alain-first-round',
    '?view=compare&lens=naming&lang=en',
    '?view=compare&lens=voices',
    '?view=compare&lens=claims&lang=en',
    '?view=timeline&zoom=core&from=2024-07-01&to=2024-09-30&lang=en',
  ];
  for (const link of links) {
    const first = await openFresh(env.browser, env.server.url + link);
    await first.page.waitForSelector('.compare-view > :nth-child(2), svg.timeline');
    await first.page.waitForFunction(() => !document.querySelector('.loading'));
    const a = await snapshot(first.page);
    await first.context.close();
    const second = await openFresh(env.browser, env.server.url + link);
    await second.page.waitForSelector('.compare-view > :nth-child(2), svg.timeline');
    await second.page.waitForFunction(() => !document.querySelector('.loading'));
    assert.deepEqual(await snapshot(second.page), a, link);
    assert.equal(a.search, link, 'the link is already canonical');
    await second.context.close();
  }
});

// The lenses answer corpus-wide questions with links to the words.
test('the naming matrix shows each outlet wording for the armed groups', async () => {
  const { context, page } = await openFresh(env.browser, `${env.server.url}?view=compare&lens=naming`);
  const row = await page.textContent('tr[data-referent=armed-groups]');
  assert.match(row, /الميليشيات العراقية/);
  assert.match(row, /المقاومة الإسلامية في العراق/);
  await page.click('tr[data-referent=armed-groups] a >> nth=0');
  await page.waitForSelector('.article-row');
  assert.match(decodeURIComponent(new URL(page.url()).search), /naming=armed-groups:/);
  await context.close();
});
