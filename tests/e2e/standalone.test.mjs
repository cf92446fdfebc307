// The standalone single file (cargo xtask standalone) opened from disk over file://, where the
// browser refuses to fetch wasm or modules: it must render, navigate and keep its state in the link.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, openFresh, failOnPolicyViolations, boldFaceLoaded } from './harness.mjs';

const file = process.env.MARSAD_STANDALONE || path.resolve('standalone/marsad.html');
let browser;
failOnPolicyViolations();

before(async () => {
  assert.ok(fs.existsSync(file), `${file} is missing: run cargo xtask standalone`);
  browser = await launch();
});
after(async () => browser?.close());

// Protects "a reader opens one page … as one file on disk": links with state work from file://.
test('the standalone file works from file:// with state in the query string', async () => {
  const url = pathToFileURL(file).href + '?outlet=alain&lang=en';
  const { context, page, requests, errors } = await openFresh(browser, url);
  assert.deepEqual(
    await page.$$eval('.article-row', (rs) => rs.map((r) => r.getAttribute('data-article'))),
    ['alain-first-round'],
  );
  await page.click('.article-row .row-headline');
  await page.waitForSelector('.reader[data-article=alain-first-round]');
  assert.equal(new URL(page.url()).search, '?view=read&article=alain-first-round&outlet=alain&lang=en');
  assert.equal(new URL(page.url()).protocol, 'file:');
  await page.reload();
  await page.waitForSelector('.reader[data-article=alain-first-round]');
  await page.goBack();
  await page.waitForSelector('.article-row');
  const fonts = await page.evaluate(() => document.fonts.check('20px "Marsad Naskh"', 'مرصد'));
  assert.equal(fonts, true, 'the inlined Arabic font is used');
  await boldFaceLoaded(page); // its bold face too, from the stylesheet's data: URL
  // blob: is the page's own copy of the analyser's worker, made in memory: not a request.
  const elsewhere = requests.filter((u) => !/^(file|data|blob):/.test(u));
  assert.deepEqual(elsewhere, [], 'the standalone file makes no network request');
  assert.ok(!requests.some((u) => u.startsWith('blob:')), 'the analyser starts only when needed');
  assert.deepEqual(errors, []);
  await context.close();
});

// Protects the standalone file's own policy: no network, its inline script and stylesheet
// allowed only by hash (the harness fails the test above on any violation of it).
test('the standalone file carries its own strict policy', () => {
  const html = fs.readFileSync(file, 'utf8');
  const m = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/);
  assert.ok(m, 'the file has a policy');
  assert.equal(html.match(/Content-Security-Policy/g).length, 1, 'exactly one policy');
  assert.match(m[1], /default-src 'none'/);
  assert.match(m[1], /script-src 'wasm-unsafe-eval' 'sha256-[^']+'/);
  assert.match(m[1], /style-src 'sha256-[^']+'/);
  assert.match(m[1], /object-src 'none'/);
  assert.doesNotMatch(m[1], /unsafe-inline|'unsafe-eval'/);
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), 'the policy comes first');
});

// Protects "the standalone file (file://) imports too": a pasted article is analysed, listed with
// its badge, searchable, and kept in the browser's storage across a reload; then removed.
test('the standalone file imports a pasted article and keeps it across a reload', async () => {
  const url = pathToFileURL(file).href + '?lang=en';
  const { context, page, requests, errors } = await openFresh(browser, url);
  await page.click('[data-testid=import-toggle]');
  await page.fill('[data-testid=import-paste]', 'مقال محلي عن الموازنة الزرقاوية\nبغداد (شفق نيوز) - ناقش البرلمان الموازنة الزرقاوية يوم 5 آذار 2024.');
  await page.click('[data-testid=import-paste-add]');
  const form = page.locator('[data-testid=import-form]');
  assert.equal(await form.locator('[data-field=outlet]').inputValue(), 'شفق نيوز');
  await page.click('[data-testid=import-run]');
  await page.waitForSelector('.article-row [data-testid=device-badge]');
  await page.reload();
  await page.waitForSelector('.article-row [data-testid=device-badge]');
  await page.fill('[data-testid=q]', 'الزرقاوية');
  await page.waitForSelector('.kwic-article mark.hit');
  await page.fill('[data-testid=q]', '');
  await page.click('[data-testid=import-toggle]');
  await page.click('[data-testid=import-remove-all]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=device-badge]').length === 0);
  // blob: is the page's own copy of the analyser's worker, made in memory: not a request.
  const elsewhere = requests.filter((u) => !/^(file|data|blob):/.test(u));
  assert.deepEqual(elsewhere, [], 'the standalone file makes no network request');
  assert.ok(requests.some((u) => u.startsWith('blob:')), 'the analyser ran from the inline copy');
  assert.deepEqual(errors, []);
  await context.close();
});
