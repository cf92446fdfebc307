// End-to-end tests of the timeline as a reader meets it: numbered events tied to a list of their
// titles, labels that do not collide on screen (measured on the rendered text, not estimated),
// and every event and article a real link that can be opened in a new tab or reached by keyboard.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch, openFresh, seedsOf } from './harness.mjs';

const env = serveAndLaunch();

/** Rendered boxes of the elements matching `selector` inside the timeline's SVG. */
function boxes(page, selector) {
  return page.$$eval(selector, (els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { text: e.textContent, x0: r.left, x1: r.right, y0: r.top, y1: r.bottom };
    }),
  );
}

function overlapping(list) {
  const out = [];
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const [a, b] = [list[i], list[j]];
      if (a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5 && a.y0 < b.y1 - 0.5 && b.y0 < a.y1 - 0.5) out.push(`${a.text} / ${b.text}`);
    }
  }
  return out;
}

// Acceptance: on both zooms, in both languages, at desktop and phone widths, no two tick labels,
// badges or lane names overlap as drawn, and nothing is drawn outside the drawing.
test('tick labels, event badges and lane names never overlap on screen', async () => {
  for (const zoom of ['', '&zoom=core']) {
    for (const lang of ['', '&lang=en']) {
      for (const width of [1280, 390]) {
        const url = `${env.server.url}?view=timeline${zoom}${lang}`;
        const { context, page, errors } = await openFresh(env.browser, url, { viewport: { width, height: 900 } });
        await page.waitForSelector('svg.timeline .tl-event');
        const what = `${zoom || 'full'} ${lang || 'ar'} ${width}`;
        const ticks = await boxes(page, 'svg.timeline .tick text');
        assert.ok(ticks.length >= 3, `${what}: ticks are labelled`);
        assert.deepEqual(overlapping(ticks), [], `${what}: tick labels`);
        const badges = await boxes(page, 'svg.timeline .ev-badge');
        assert.deepEqual(overlapping(badges), [], `${what}: badges`);
        const names = await boxes(page, 'svg.timeline .lane-name');
        assert.deepEqual(overlapping([...names, ...ticks]), [], `${what}: lane names and ticks`);
        const svg = await page.$eval('svg.timeline', (s) => {
          const r = s.getBoundingClientRect();
          return { x0: r.left, x1: r.right };
        });
        for (const t of [...ticks, ...badges]) {
          assert.ok(t.x0 >= svg.x0 - 0.5 && t.x1 <= svg.x1 + 0.5, `${what}: ${t.text} is inside the drawing`);
        }
        assert.deepEqual(errors, []);
        await context.close();
      }
    }
  }
});

// Acceptance: each number on the axis is an event of the list, with its full title and date, in
// the same order; hovering a badge highlights its line in the list.
test('numbered badges are tied to a list of full titles', async () => {
  const { context, page } = await openFresh(env.browser, `${env.server.url}?view=timeline&lang=en`);
  await page.waitForSelector('[data-testid=event-list] li');
  const badges = await page.$$eval('svg.timeline .tl-event', (es) => es.map((e) => [e.getAttribute('data-event'), e.getAttribute('data-number')]));
  const items = await page.$$eval('[data-testid=event-list] li', (ls) => ls.map((l) => [l.getAttribute('data-event'), l.querySelector('.ev-num').textContent]));
  assert.deepEqual(items, badges);
  assert.deepEqual(badges.map((b) => Number(b[1])), badges.map((_, i) => i + 1), 'numbered in date order');
  const hmc = page.locator('[data-testid=event-list] li[data-event=hmc-launch-2024-01-27]');
  assert.match(await hmc.textContent(), /27 January 2024/);
  assert.match(await hmc.textContent(), /Higher Military Commission launched in Baghdad; first working-group meeting/);
  await page.hover('svg.timeline .tl-event[data-event=hmc-launch-2024-01-27] .ev-badge');
  assert.match(await hmc.getAttribute('class'), /hot/);
  await context.close();
});

// Acceptance: every event is an SVG link to its comparison (the same link as the compare view's
// list of events), every article one to the reader, with names a screen reader can read; a
// modified click opens a new tab and leaves the timeline as it was; the keyboard reaches them
// with a visible focus.
test('events and articles are real links: new tab, copy, keyboard', async () => {
  const { context, page } = await openFresh(env.browser, `${env.server.url}?view=timeline&lang=en`);
  await page.waitForSelector('svg.timeline .tl-article');
  const ev = page.locator('svg.timeline a.tl-event[data-event=hmc-launch-2024-01-27]');
  const href = await ev.getAttribute('href');
  assert.match(href, /\?view=compare&event=hmc-launch-2024-01-27&lang=en$/);
  assert.equal(await ev.evaluate((a) => a.namespaceURI), 'http://www.w3.org/2000/svg');
  assert.match(await ev.getAttribute('aria-label'), /^\d+\. Higher Military Commission launched in Baghdad.* — 27 January 2024$/);
  const other = await openFresh(env.browser, `${env.server.url}?view=compare&lang=en`);
  const fromCompare = await other.page.getAttribute('.event-list a[data-event=hmc-launch-2024-01-27]', 'href');
  assert.equal(href, fromCompare, 'the same link as the compare view gives');
  await other.context.close();

  const art = page.locator('svg.timeline a.tl-article[data-article=k24-hmc-launch]');
  assert.match(await art.getAttribute('href'), /\?view=read&article=k24-hmc-launch&lang=en$/);
  await page.waitForFunction(() => /Romanowski/.test(document.querySelector('a.tl-article[data-article=k24-hmc-launch]').getAttribute('aria-label')));
  assert.match(await art.getAttribute('aria-label'), /^Kurdistan24, 27 January 2024: .*Romanowski/);

  // Ctrl-click: a new tab with the comparison, this one unchanged.
  const before = page.url();
  const [tab] = await Promise.all([context.waitForEvent('page'), ev.locator('.ev-badge').click({ modifiers: ['Control'] })]);
  await tab.waitForLoadState();
  assert.match(tab.url(), /view=compare&event=hmc-launch-2024-01-27/);
  assert.equal(page.url(), before);
  await tab.close();

  // The keyboard reaches the events in date order, with a visible focus.
  const first = await page.$eval('svg.timeline a.tl-event', (a) => a.getAttribute('data-event'));
  await page.focus('[data-testid=toggle-dates]');
  let focused = null;
  for (let i = 0; i < 10 && !focused; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.closest?.('a.tl-event')?.getAttribute('data-event') ?? null);
  }
  assert.equal(focused, first);
  const stroke = await page.$eval('svg.timeline a.tl-event:focus .ev-badge', (b) => getComputedStyle(b).stroke);
  assert.equal(stroke, 'rgb(242, 182, 50)', 'focus is visible');
  await page.keyboard.press('Tab');
  const second = await page.evaluate(() => document.activeElement.getAttribute('data-number'));
  assert.equal(second, '2');

  // A plain click follows the link in the page.
  await art.locator('circle, rect').first().click();
  await page.waitForSelector('.reader');
  assert.match(new URL(page.url()).search, /view=read&article=k24-hmc-launch/);
  await context.close();
});

// Acceptance: what a date range hides is shaded, and only the articles inside it are drawn.
test('a date range shades what it hides and draws only the articles inside it', async () => {
  const { context, page } = await openFresh(env.browser, `${env.server.url}?view=timeline&zoom=core&from=2024-07-01&to=2024-09-30&lang=en`);
  await page.waitForSelector('svg.timeline .tl-article');
  const drawn = await page.$$eval('svg.timeline .tl-article', (as) => as.map((a) => a.getAttribute('data-article')).sort());
  assert.deepEqual(seedsOf(drawn), ['infoplus-second-dialogue', 'shafaq-mission-end']);
  assert.equal(await page.locator('[data-testid=range-shade] rect').count(), 2);
  await context.close();
});
