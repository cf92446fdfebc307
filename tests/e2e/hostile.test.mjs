// Hostile links: script and HTML in every parameter, 100 KB values, broken percent-encoding and
// NUL bytes, bidi controls, repeated and contradictory parameters, dates out of range, paragraph
// numbers beyond 2^64. Each must give a notice (or nothing to notice) and the nearest valid view:
// no page error, no script run, no markup injected, never a blank page. And a long query typed
// into the search box is the reader's own input, not a bad link.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch, openFresh, settled } from './harness.mjs';

const env = serveAndLaunch();

const XSS = [
  '<script>window.__pwned=1</script>',
  '"><img src=x onerror="window.__pwned=1">',
  "'><svg onload=window.__pwned=1>",
  'javascript:window.__pwned=1',
  '<iframe src="javascript:window.__pwned=1">',
];
const PARAMS = ['view', 'article', 'p', 'layers', 'articles', 'order', 'lens', 'zoom', 'from', 'to', 'q', 'sort', 'page', 'lang', 'outlet', 'event', 'actor', 'voice', 'naming', 'technique', 'frame'];
const enc = encodeURIComponent;

const LINKS = [
  // Script and HTML in every parameter (encoded, as a browser sends them).
  ...PARAMS.map((p, i) => `?${p}=${enc(XSS[i % XSS.length])}`),
  ...XSS.map((x) => `?view=read&article=k24-hmc-launch&q=${enc(x)}`),
  // The same, not encoded.
  `?q=<script>window.__pwned=1</script>`,
  `?outlet=<img src=x onerror=window.__pwned=1>`,
  // 100 KB values.
  `?q=${'ا'.repeat(100_000)}`,
  `?outlet=${'x'.repeat(100_000)}`,
  `?view=read&article=${'k'.repeat(100_000)}`,
  // Broken percent-encoding and NUL bytes.
  '?q=%E0%A4%A',
  '?q=%ZZ&outlet=%',
  '?view=%00read&article=k24-hmc-launch',
  '?outlet=alain%00,shafaq',
  '?%00=1&q=a%00b',
  '?lang=%C0%AF',
  // Bidi controls.
  `?q=${enc('\u202eاللجنة\u202c')}`,
  `?outlet=${enc('\u200falain')}`,
  `?view=read&article=${enc('k24-hmc-launch\u2066')}`,
  // Repeated and contradictory parameters.
  '?view=read&view=timeline&article=k24-hmc-launch',
  '?lang=en&lang=ar',
  '?view=compare&articles=k24-hmc-launch,k24-hmc-launch',
  '?view=compare&articles=k24-hmc-launch,alain-first-round&lens=naming&event=hmc-launch-2024-01-27',
  '?view=timeline&article=k24-hmc-launch&p=3',
  '?view=library&p=2',
  '?from=2024-09-30&to=2024-01-01',
  '?sort=relevance',
  '?sort=outlet&sort=date',
  '?page=0',
  '?page=999999',
  '?view=compare&event=hmc-launch-2024-01-27&order=nope,alain-first-round,alain-first-round',
  // Dates out of range.
  '?from=0000-01-01',
  '?to=9999-99-99',
  '?from=2024-02-30&to=2024-13-01',
  '?from=-2024-01-01',
  '?from=20240101',
  // Paragraph numbers beyond 2^64, and others.
  '?view=read&article=k24-hmc-launch&p=18446744073709551617',
  '?view=read&article=k24-hmc-launch&p=-1',
  '?view=read&article=k24-hmc-launch&p=1e3',
  '?view=read&article=k24-hmc-launch&p=99999',
  // Unknown everything.
  '?view=nowhere&lens=bogus&zoom=wide&layers=all,none',
  '?outlet=bbc,cnn&actor=nobody&voice=aliens&technique=Shouting&frame=Sports',
  '?naming=armed-groups:' + enc('كلمة لا ترد'),
  '?event=not-an-event:main',
  '?unknown=1&another=2',
  '?=&&&=&',
  '?&&&',
  '#view=read&article=k24-hmc-launch',
];

test(`${LINKS.length} hostile links each give a notice or nothing to notice, and a working view`, async () => {
  assert.ok(LINKS.length >= 50, `${LINKS.length} links`);
  const { context, page, errors } = await openFresh(env.browser, env.server.url);
  let held = 0;
  for (const link of LINKS) {
    await page.goto(env.server.url + link);
    await page.waitForSelector('main#main > *');
    await settled(page);
    const state = await page.evaluate(() => ({
      pwned: window.__pwned,
      injected: document.querySelectorAll('main [onerror], main [onload], main script, main iframe').length,
      text: document.querySelector('main')?.innerText.trim().length ?? 0,
      search: location.search,
    }));
    assert.equal(state.pwned, undefined, `no script ran: ${link.slice(0, 80)}`);
    assert.equal(state.injected, 0, `no markup injected: ${link.slice(0, 80)}`);
    assert.ok(state.text > 0, `not blank: ${link.slice(0, 80)}`);
    assert.ok(state.search.length < 4000, `the link is corrected to the view shown: ${link.slice(0, 80)} → ${state.search.length} chars`);
    held += 1;
  }
  console.log(`hostile links: ${LINKS.length} tried, ${held} held`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('typing a long query is the reader\u2019s own input, not a bad link', async () => {
  const { context, page, errors } = await openFresh(env.browser, env.server.url + '?lang=en');
  await page.locator('[data-testid=q]').fill('اللجنة '.repeat(120));
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q'));
  await settled(page);
  assert.equal(await page.locator('[data-testid=notice]').count(), 0, 'no link notice');
  const typed = await page.inputValue('[data-testid=q]');
  assert.ok(typed.length <= 500, `the box keeps at most what a link keeps: ${typed.length}`);
  assert.deepEqual(errors, []);
  await context.close();
});
