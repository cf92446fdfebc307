// "Adding an article" (seeds/README.md) is itself a test: its steps are followed exactly on a copy
// of the seeds — the example text saved under its file name, the example outlet and article
// appended to the catalog — the data is rebuilt with the build step, and the article, uncurated
// and from a new outlet, is found in every view with what the automatic layers read in it.
// The app's code is the one already built: only the data changes.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readmeExample, serveWithData, launch, openFresh } from './harness.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ID = 'example-news-2024-02-10';
const env = { server: null, browser: null, dir: null };

before(async () => {
  env.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marsad-adding-'));
  const seeds = path.join(env.dir, 'seeds');
  fs.cpSync(path.join(ROOT, 'seeds'), seeds, { recursive: true });
  const ex = readmeExample();
  // Steps 1–3: the text, a new outlet and the article entry.
  fs.writeFileSync(path.join(seeds, ex.file), ex.text);
  fs.appendFileSync(path.join(seeds, 'catalog.toml'), '\n' + ex.toml);
  // Step 4: rebuild the data (the code is unchanged).
  env.server = await serveWithData(seeds, env.dir, "the README's example");
  env.browser = await launch();
});

after(async () => {
  await env.browser?.close();
  await env.server?.close();
  if (env.dir) fs.rmSync(env.dir, { recursive: true, force: true });
});

test('the article of the README example is in the library, search, timeline and lenses', async () => {
  const { context, page, requests, errors } = await openFresh(env.browser, `${env.server.url}?outlet=example-news&lang=en`);
  // Library: listed under its new outlet, with its headline.
  await page.waitForSelector(`.article-row[data-article=${ID}] .row-words`);
  assert.match(await page.textContent(`.article-row[data-article=${ID}]`), /Example News/);
  assert.match(await page.textContent(`.article-row[data-article=${ID}] .row-headline`), /وزير الدفاع العراقي/);

  // Search: its words are found and marked.
  await page.goto(`${env.server.url}?q=${encodeURIComponent('جدول زمني')}&lang=en`);
  await page.waitForSelector(`.kwic-article[data-article=${ID}] mark.hit`);

  // Timeline: a lane for its outlet with the article on it.
  await page.goto(`${env.server.url}?view=timeline&zoom=core&lang=en`);
  await page.waitForSelector(`[data-outlet=example-news] [data-article=${ID}]`);

  // Naming matrix: a column for the new outlet, with the wording the rules found.
  await page.goto(`${env.server.url}?view=compare&lens=naming&lang=en`);
  await page.waitForSelector('[data-testid=naming-matrix] th');
  const headers = await page.$$eval('[data-testid=naming-matrix] thead tr > *', (ths) => ths.map((t) => t.textContent));
  const col = headers.indexOf('Example News');
  assert.ok(col > 0, `a column for the new outlet: ${headers}`);
  const coalition = await page.$$eval(
    '[data-testid=naming-matrix] tr[data-referent=coalition] > *',
    (cells, col) => cells[col]?.textContent ?? '',
    col,
  );
  assert.match(coalition, /التحالف الدولي/);
  assert.match(coalition, /automatic/);

  const foreign = requests.filter((u) => !u.startsWith(env.server.origin));
  assert.deepEqual(foreign, [], 'nothing leaves the origin');
  assert.deepEqual(errors, []);
  await context.close();
});

test('its reader shows automatic voices, actors, naming, figures and dates, and what is not yet curated', async () => {
  const layers = 'dates,actors,voices,naming,claims,techniques';
  const { context, page, errors } = await openFresh(env.browser, `${env.server.url}?view=read&article=${ID}&layers=${layers}&lang=en`);
  await page.waitForSelector(`.reader[data-article=${ID}] .para`);
  const marked = async (layer) =>
    page.$$eval(`mark.ann-${layer}`, (ms) => ms.map((m) => ({ words: m.textContent, auto: m.classList.contains('ann-auto') })));
  const voices = await marked('voices');
  assert.ok(voices.length > 0 && voices.every((m) => m.auto), 'voices, found automatically');
  assert.ok((await marked('actors')).some((m) => m.auto && m.words.includes('العباسي')), 'an actor mention');
  assert.ok((await marked('naming')).some((m) => m.auto && m.words.includes('التحالف الدولي')), 'a wording');
  assert.ok((await marked('claims')).some((m) => m.auto && m.words.includes('2500')), 'a figure');
  assert.ok((await marked('dates')).some((m) => m.words.includes('10 شباط 2024')), 'a date');
  // Each layer says whether it is curated, automatic or not yet curated.
  const cell = (layer) => page.getAttribute(`.layer-toggle[data-layer=${layer}] .cell-state`, 'data-cell');
  assert.equal(await cell('voices'), 'automatic');
  assert.equal(await cell('techniques'), 'not-curated');
  assert.match(await page.textContent('.layer-toggle[data-layer=techniques]'), /not yet curated/);
  // A mark found automatically says so, with its rule.
  await page.locator('mark.ann-voices').first().focus();
  await page.waitForSelector('[data-testid=details] [data-testid=auto-badge]');
  assert.match(await page.textContent('[data-testid=details]'), /Found automatically \(/);
  assert.deepEqual(errors, []);
  await context.close();
});
