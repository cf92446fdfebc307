// Issue 11's acceptance: one's own articles imported in the page. Two .txt files and a small
// JSON Lines file are picked in "Add articles"; they are analysed in the page and appear in the
// library (marked "on this device only"), in search with marks, in the reader with automatic
// layers, on the timeline and in the two-article view with reuse found against a seed; after a
// reload they are still there; a link naming one opened elsewhere says it was imported on another
// device; removed, they are gone; no request leaves the origin. Bad input is refused with a
// message and changes nothing.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveAndLaunch, openFresh, settled } from './harness.mjs';

const env = serveAndLaunch();

/** The fixtures: one text copies a paragraph of the k24 seed (for reuse), one is new. */
function fixtures(dir, seedParagraph) {
  const one = `زيارة وفد عسكري إلى أربيل\nبغداد (وكالة الرافدين) - وصل وفد عسكري إلى أربيل يوم 3 شباط 2024.\nوقال رئيس الوزراء محمد شياع السوداني إن «الحوار مستمر مع التحالف الدولي».\n${seedParagraph}\n`;
  const two = 'مقال عن الموازنة الزرقاوية\nناقش البرلمان الموازنة الزرقاوية الجديدة في جلسة مطولة يوم 5 آذار 2024.\n';
  const jsonl = JSON.stringify({
    title: 'تقرير سد الموصل',
    text: 'تقرير سد الموصل\nتقرير عن سد الموصل الكبير وصيانته المستمرة في ربيع 2024.',
    date: '2024-04',
    outlet: 'Al Mada',
    url: 'https://almadapaper.net/x',
  }) + '\n';
  const files = { 'one.txt': one, 'two.txt': two, 'small.jsonl': jsonl };
  return Object.entries(files).map(([name, text]) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, text);
    return p;
  });
}

/** The k24 seed's paragraph 7, as the page shows it. */
async function seedParagraph(page, url) {
  await page.goto(`${url}?view=read&article=k24-hmc-launch&p=7&lang=en`);
  await page.waitForSelector('.reader #p7');
  return page.$eval('.reader #p7', (p) => {
    const c = p.cloneNode(true);
    c.querySelectorAll('.pnum, .frame-badge').forEach((e) => e.remove());
    return c.textContent.trim();
  });
}

test('imported articles reach every view, persist, and are removed', async () => {
  const url = env.server.url;
  const { context, page, requests, errors } = await openFresh(env.browser, `${url}?lang=en`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marsad-import-'));
  const paragraph = await seedParagraph(page, url);
  assert.match(paragraph, /برعاية/);
  const files = fixtures(dir, paragraph);

  await page.goto(`${url}?lang=en`);
  await page.click('[data-testid=import-toggle]');
  await page.setInputFiles('[data-testid=import-files]', files);
  await page.waitForSelector('[data-testid=import-form] >> nth=1');
  await page.waitForSelector('[data-testid=import-tables] li');
  // The forms are pre-filled from the texts: headline, the dateline's outlet, the stated date.
  const form = page.locator('[data-testid=import-form]').first();
  assert.equal(await form.locator('[data-field=headline]').inputValue(), 'زيارة وفد عسكري إلى أربيل');
  assert.equal(await form.locator('[data-field=outlet]').inputValue(), 'وكالة الرافدين');
  assert.equal(await form.locator('[data-field=date]').inputValue(), '2024-02-03');
  // The second names no outlet: the form asks, and nothing is imported until it is given.
  await page.click('[data-testid=import-run]');
  await page.waitForSelector('[data-testid=import-summary] li');
  assert.match(await page.textContent('[data-testid=import-summary]'), /two\.txt: name the outlet/);
  assert.equal(await page.locator('[data-testid=device-badge]').count(), 0, 'nothing imported');
  await page.locator('[data-testid=import-form]').nth(1).locator('[data-field=outlet]').fill('شفق نيوز');
  await page.click('[data-testid=import-run]');
  await page.waitForFunction(() => /3 article\(s\) imported/.test(document.querySelector('[data-testid=import-summary]')?.textContent || ''));

  // Library: listed with the badge.
  await settled(page);
  const rows = page.locator('.article-row:has([data-testid=device-badge])');
  assert.equal(await rows.count(), 3);
  const ids = await rows.evaluateAll((rs) => rs.map((r) => r.dataset.article));
  assert.ok(ids.every((id) => /^imp-[0-9a-f]{16}$/.test(id)), ids.join());
  const one = await page.getAttribute('.article-row:has-text("زيارة وفد عسكري") ', 'data-article');

  // Search: found and marked.
  await page.goto(`${url}?q=${encodeURIComponent('الزرقاوية')}&lang=en`);
  await page.waitForSelector('.kwic-article mark.hit');
  // Reader: automatic layers and reuse against the seed.
  await page.goto(`${url}?view=read&article=${one}&layers=actors,voices,dates,reuse&lang=en`);
  await page.waitForSelector(`.reader[data-article=${one}] .para`);
  await page.waitForSelector('[data-testid=device-badge]');
  assert.ok(await page.locator('mark.ann-actors.ann-auto').count() > 0, 'actors found automatically');
  assert.ok(await page.locator('mark.ann-voices').count() > 0, 'voices');
  assert.ok(await page.locator('mark.ann-dates').count() > 0, 'dates');
  assert.ok(await page.locator('mark.ann-reuse').count() > 0, 'reuse against the seed');
  // Timeline: on its outlet's lane.
  await page.goto(`${url}?view=timeline&lanes=all&lang=en`);
  await page.waitForSelector(`svg.timeline [data-article=${one}]`);
  // Two articles: the seed's statement aligned.
  await page.goto(`${url}?view=compare&articles=k24-hmc-launch,${one}&lang=en`);
  await page.waitForSelector('[data-testid=two-articles] mark.shared');

  // Compare by event: linked automatically to the launch it reports (the seed's statement and
  // date), it has its column beside the outlets that covered it.
  await page.goto(`${url}?view=compare&event=hmc-launch-2024-01-27&lang=en`);
  await page.waitForSelector(`[data-testid=event-compare] .col-head[data-article=${one}]`);
  // Lenses: its new outlet has a column in the naming matrix and among the voices.
  await page.goto(`${url}?view=compare&lens=naming&lang=en`);
  await page.waitForSelector('[data-testid=naming-matrix] thead th:has-text("وكالة الرافدين")');
  await page.goto(`${url}?view=compare&lens=voices&lang=en`);
  await page.waitForSelector('[data-testid=voices-lens] thead th:has-text("وكالة الرافدين")');
  // The seed's reader: the passage it shares with the import is marked and links to it.
  await page.goto(`${url}?view=read&article=k24-hmc-launch&layers=reuse&lang=en`);
  await page.click('.reader[data-article=k24-hmc-launch] #p7 mark.ann-reuse >> nth=0');
  await page.waitForSelector(`[data-testid=details] .elsewhere a[href*="article=${one}"]`);

  // The analysis ran in the analyser's worker, fetched from the page's own origin.
  const analyser = (u) => /\/analyser-[0-9a-f]{16}(_loader\.js|\.js|_bg\.wasm)$/.test(u);
  assert.equal(requests.filter(analyser).length, 3, requests.filter(analyser).join());

  // Reload: still there, from the analysis kept on the device (the analyser is not started).
  const before = requests.length;
  await page.goto(`${url}?view=read&article=${one}&lang=en`);
  await page.reload();
  await page.waitForSelector(`.reader[data-article=${one}] [data-testid=device-badge]`);
  await page.waitForSelector(`.reader[data-article=${one}] .para`);
  assert.deepEqual(requests.slice(before).filter(analyser), [], 'no new analysis on reload');

  // Another device (a fresh browser context): the link says where the article is.
  const other = await openFresh(env.browser, `${url}?view=read&article=${one}&lang=en`);
  await other.page.waitForSelector('[data-testid=notice]');
  assert.match(await other.page.textContent('[data-testid=notice]'), /imported on another device/);
  await other.context.close();

  // Removed: gone from the library, search and the link.
  await page.goto(`${url}?lang=en`);
  await page.click('[data-testid=import-toggle]');
  await page.click('[data-testid=import-remove-all]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=device-badge]').length === 0);
  await page.reload();
  await page.waitForSelector('.article-row .row-words');
  assert.equal(await page.locator('[data-testid=device-badge]').count(), 0);
  await page.goto(`${url}?q=${encodeURIComponent('الزرقاوية')}&lang=en`);
  await page.waitForSelector('.no-results, [data-testid=no-hits], .search-empty');

  const foreign = requests.filter((u) => !u.startsWith(env.server.origin) && !u.startsWith('blob:'));
  assert.deepEqual(foreign, [], 'nothing leaves the origin');
  assert.deepEqual(errors, []);
  fs.rmSync(dir, { recursive: true, force: true });
  await context.close();
});

test('bad input is refused with a message naming the file, and nothing is imported', async () => {
  const url = env.server.url;
  const { context, page, errors } = await openFresh(env.browser, `${url}?lang=en`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marsad-bad-'));
  const write = (name, bytes) => {
    fs.writeFileSync(path.join(dir, name), bytes);
    return path.join(dir, name);
  };
  const big = path.join(dir, 'big.txt');
  const fd = fs.openSync(big, 'w');
  fs.ftruncateSync(fd, 50 * 1000 * 1000 + 1);
  fs.closeSync(fd);
  const files = [
    write('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])),
    write('empty.txt', ''),
    write('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])),
    write('columns.csv', 'title,body\nعنوان,نص\n'),
    big,
  ];
  await page.click('[data-testid=import-toggle]');
  await page.setInputFiles('[data-testid=import-files]', files);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=import-problems] li').length >= 5);
  const text = await page.textContent('[data-testid=import-problems]');
  assert.match(text, /latin1\.txt is refused: invalid UTF-8/);
  assert.match(text, /empty\.txt is refused: it is empty/);
  assert.match(text, /image\.png is refused: it is a binary file/);
  assert.match(text, /columns\.csv is refused: it has no date column and no outlet column/);
  assert.match(text, /big\.txt is refused: it is 50\.0 MB, more than the limit of 50 MB/);
  assert.equal(await page.locator('[data-testid=import-form]').count(), 0);
  // A text already in the library is a duplicate, named.
  await page.goto(`${url}?view=read&article=k24-hmc-launch&lang=en`);
  await page.waitForSelector('.reader .para');
  const seed = await page.evaluate(() => [...document.querySelectorAll('.reader [data-line]')].map((e) => e.textContent).join('\n'));
  await page.goto(`${url}?lang=en`);
  await page.click('[data-testid=import-toggle]');
  await page.fill('[data-testid=import-paste]', 'نص جديد قصير عن الحوار.');
  await page.click('[data-testid=import-paste-add]');
  await page.fill('[data-testid=import-paste]', 'نص جديد قصير عن الحوار.');
  await page.click('[data-testid=import-paste-add]');
  await page.fill('[data-testid=import-all-outlet]', 'شفق نيوز');
  await page.fill('[data-testid=import-all-date]', '2024');
  await page.click('.import-all button');
  await page.click('[data-testid=import-run]');
  await page.waitForFunction(() => /duplicate/.test(document.querySelector('[data-testid=import-summary]')?.textContent || ''));
  const summary = await page.textContent('[data-testid=import-summary]');
  assert.match(summary, /1 article\(s\) imported/);
  assert.match(summary, /pasted text 2: duplicate, the same text as pasted text 1/);
  assert.ok(seed.length > 0);
  await page.click('[data-testid=import-remove-all]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=device-badge]').length === 0);
  assert.deepEqual(errors, []);
  fs.rmSync(dir, { recursive: true, force: true });
  await context.close();
});
