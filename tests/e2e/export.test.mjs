// End-to-end tests of exports and citations (issue 12, parts 1 and 2): each Export control is
// used as a reader would (clicked, or reached with the keyboard), the download is caught and read
// back — a UTF-8 byte-order mark, the header, the Arabic words, the view's permalink, the corpus
// version and the date — and the citation of an article is copied.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serveAndLaunch, openFresh, settled } from './harness.mjs';

const env = serveAndLaunch();

const BOM = [0xef, 0xbb, 0xbf];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Uses the control `testid` (clicked, or focused and Enter pressed) and returns the download. */
async function download(page, testid, { keyboard = false } = {}) {
  await settled(page);
  const control = page.locator(`[data-testid=${testid}]`).first();
  const waiting = page.waitForEvent('download');
  if (keyboard) {
    await control.focus();
    await page.keyboard.press('Enter');
  } else {
    await control.click();
  }
  const dl = await waiting;
  const bytes = await readFile(await dl.path());
  return { name: dl.suggestedFilename(), bytes, text: bytes.subarray(3).toString('utf8') };
}

// One row per view that has a table: its link, the file's kind, header start, words that must
// come out in Arabic.
const VIEWS = [
  ['?outlet=kurdistan24,alain', 'library', 'article_id,outlet_id,outlet_ar', ['كوردستان24', 'العين الإخبارية']],
  ['?q=%D8%A7%D9%84%D9%84%D8%AC%D9%86%D8%A9%20%D8%A7%D9%84%D8%B9%D8%B3%D9%83%D8%B1%D9%8A%D8%A9&lang=en', 'search', 'article_id,outlet_id,outlet_ar,date,title_ar,left,match,right', ['اللجنة']],
  ['?view=compare&event=hmc-launch-2024-01-27', 'compare-hmc-launch-2024-01-27', 'article_id,outlet_id,outlet_ar,date,role,facet', ['كوردستان24', 'رومانوسكي']],
  ['?view=compare&lens=naming&lang=en', 'naming', 'referent,referent_en,referent_ar', ['التحالف']],
  ['?view=compare&lens=voices', 'voices', 'outlet_id,outlet_ar,category', ['ناشر غير معروف']],
  ['?view=compare&lens=claims&lang=en', 'claims', 'claim,claim_en,source', ['شفق نيوز']],
  ['?view=read&article=k24-hmc-launch', 'article-k24-hmc-launch', 'article_id,layer,label_en,label_ar,words', ['رومانوسكي']],
];

// Protects the CSV export of every view: the file is named marsad-<view>-<date>.csv, starts with
// a UTF-8 byte-order mark (so spreadsheets read the Arabic), has the view's header and Arabic
// words intact, and every row ends with the permalink of the view, the corpus version and the date.
test('every Export CSV control downloads a CSV with a BOM, its header and the Arabic intact', async () => {
  const { context, page, errors } = await openFresh(env.browser, env.server.url);
  const version = await page.evaluate(() => document.querySelector('meta[name=marsad-data]')?.content ?? '');
  for (const [query, kind, header, words] of VIEWS) {
    await page.goto(`${env.server.url}${query}`);
    await page.waitForSelector('[data-testid=export-csv]');
    const { name, bytes, text } = await download(page, 'export-csv', { keyboard: kind === 'naming' });
    assert.match(name, new RegExp(`^marsad-${kind}-\\d{4}-\\d{2}-\\d{2}\\.csv$`), query);
    assert.deepEqual([...bytes.subarray(0, 3)], BOM, `${kind}: byte-order mark`);
    const [head, first] = text.split('\r\n');
    assert.ok(head.startsWith(header), `${kind}: ${head}`);
    assert.ok(head.endsWith(',permalink,corpus_version,exported'), head);
    for (const w of words) assert.ok(text.includes(w), `${kind}: «${w}» in the file`);
    const link = await page.evaluate(() => location.href);
    assert.ok(first.includes(link.includes(',') ? `"${link}"` : link), `${kind}: the view's permalink ${link} in ${first}`);
    if (version) assert.ok(version.includes(first.split(',').at(-2)), `${kind}: corpus version`);
    assert.match(first.split(',').at(-1), DATE);
    const status = await page.textContent('[data-testid=export-status]');
    assert.equal(status, name, 'the control says which file it wrote');
  }
  assert.deepEqual(errors, []);
  await context.close();
});

// Protects the JSON export: valid JSON with the permalink, corpus version and date at the top,
// and rows keyed by the columns, Arabic as written.
test('Export JSON gives valid JSON with permalink, corpus version and date', async () => {
  const { context, page, errors } = await openFresh(env.browser, `${env.server.url}?view=compare&event=hmc-launch-2024-01-27&lang=en`);
  await page.waitForSelector('[data-testid=export-json]');
  const { name, bytes } = await download(page, 'export-json');
  assert.match(name, /^marsad-compare-hmc-launch-2024-01-27-\d{4}-\d{2}-\d{2}\.json$/);
  const doc = JSON.parse(bytes.toString('utf8'));
  assert.equal(doc.permalink, await page.evaluate(() => location.href));
  assert.match(doc.corpus_version, /^[0-9a-f]{8,}$/);
  assert.match(doc.exported, DATE);
  assert.deepEqual(Object.keys(doc.rows[0]), doc.columns);
  const k24 = doc.rows.filter((r) => r.article_id === 'k24-hmc-launch' && r.facet === 'headline');
  assert.ok(k24.some((r) => r.words.startsWith('رومانوسكي')), 'the headline verbatim');
  assert.deepEqual(errors, []);
  await context.close();
});

// Protects the Cite control: it opens from the reader's header with the keyboard, shows the
// reference (outlet, headline, date, permalink), and each copy button puts its form on the
// clipboard; the unattributed republisher is cited as such, its date approximate.
test('Cite shows a reference, BibTeX and CSL-JSON, each copied', async () => {
  const { context, page, errors } = await openFresh(env.browser, `${env.server.url}?view=read&article=unattributed-biden-sudani&lang=en`);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.origin });
  await page.waitForSelector('[data-testid=cite-toggle]');
  await page.focus('[data-testid=cite-toggle]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=cite-reference]', { state: 'visible' });
  const reference = await page.textContent('[data-testid=cite-reference]');
  assert.ok(reference.startsWith('Unattributed republisher (ناشر غير معروف).'), reference);
  assert.ok(reference.includes('about 15–16 April 2024'), reference);
  assert.ok(reference.includes('?view=read&article=unattributed-biden-sudani'), reference);
  for (const [kind, expect] of [['reference', reference], ['bibtex', '@online{marsad-unattributed-biden-sudani,'], ['csl', '"type": "article-newspaper"']]) {
    await page.click(`[data-testid=cite-copy-${kind}]`);
    await page.waitForFunction((k) => document.querySelector(`[data-testid=cite-copy-${k}]`).textContent === 'Copied', kind);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(copied.includes(expect), `${kind}: ${copied}`);
    if (kind === 'bibtex') {
      assert.ok(copied.includes('date         = {2024-04-15~/2024-04-16~}'), copied);
      assert.ok(copied.includes('بايدن والسوداني'), 'Arabic kept verbatim');
    }
    if (kind === 'csl') assert.deepEqual(JSON.parse(copied)[0].issued['date-parts'], [[2024, 4, 15], [2024, 4, 16]]);
  }
  // In Arabic, the control and the reference read in Arabic.
  await page.goto(`${env.server.url}?view=read&article=k24-hmc-launch`);
  await page.click('[data-testid=cite-toggle]');
  const ar = await page.textContent('[data-testid=cite-reference]');
  assert.ok(ar.startsWith('كوردستان24. «رومانوسكي'), ar);
  assert.equal(await page.textContent('[data-testid=cite-toggle]'), 'استشهاد');
  assert.deepEqual(errors, []);
  await context.close();
});
