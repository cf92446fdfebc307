// The page's Content-Security-Policy: strict, in force, not in the app's way, and watched.
// (The harness fails every end-to-end test on any `securitypolicyviolation`; the last test here
// proves that this detection works.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveAndLaunch, openFresh, settled, takeViolations, VIOLATION } from './harness.mjs';

const env = serveAndLaunch();

/** The policy of a page's HTML, as `directive → sources`. */
function policyOf(html) {
  const m = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/);
  assert.ok(m, 'the page carries a Content-Security-Policy meta element');
  return Object.fromEntries(
    m[1].split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k, v]),
  );
}

// Protects issue 12's policy: no inline or eval scripts (only the start-up script, by hash),
// everything from the page's own origin, no plug-ins, and the policy before any script.
test('dist/index.html ships a strict policy ahead of its scripts', () => {
  const html = fs.readFileSync(path.join(process.env.MARSAD_DIST || path.resolve('dist'), 'index.html'), 'utf8');
  const p = policyOf(html);
  assert.deepEqual(p['default-src'], ["'self'"]);
  assert.deepEqual(p['connect-src'], ["'self'"]);
  assert.deepEqual(p['worker-src'], ["'self'"]);
  assert.deepEqual(p['object-src'], ["'none'"]);
  assert.deepEqual(p['script-src'].slice(0, 2), ["'self'", "'wasm-unsafe-eval'"]);
  for (const s of p['script-src'].slice(2)) assert.match(s, /^'sha256-[A-Za-z0-9+/]{43}='$/);
  for (const sources of Object.values(p)) {
    assert.ok(!sources.includes("'unsafe-inline'") && !sources.includes("'unsafe-eval'"), JSON.stringify(p));
  }
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), 'the policy comes before any script');
});

// Protects the app under its policy: the wasm starts, the data bundle is fetched and decompressed
// (DecompressionStream), the Arabic font loads, and every view draws without a violation (the
// harness fails the test on one).
test('under the policy the app loads its data and fonts and draws every view', async () => {
  const { context, page, errors } = await openFresh(env.browser, `${env.server.url}?lang=en`);
  await settled(page);
  assert.ok((await page.$$('.article-row')).length > 0, 'the library lists the articles');
  assert.equal(await page.evaluate(() => document.fonts.check('20px "Marsad Naskh"', 'مرصد')), true);
  for (const q of [
    '?view=read&article=k24-hmc-launch&layers=naming,voices',
    '?view=compare&event=hmc-launch-2024-01-27',
    '?view=compare&lens=claims',
    '?view=timeline',
    '?q=%D8%A7%D9%84%D8%AD%D9%88%D8%A7%D8%B1',
  ]) {
    await page.goto(`${env.server.url}${q}`);
    await settled(page);
    assert.ok(await page.$('main#main > *'), q);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

// Protects the detection itself: an inline script injected into the page is refused by the
// policy, and the refusal reaches the errors the tests assert empty.
test('an injected inline script is refused and reported as a violation', async () => {
  const { context, page, errors } = await openFresh(env.browser, `${env.server.url}?lang=en`);
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.injected = true;';
    document.body.append(s);
  });
  const reported = () => errors.some((e) => e.startsWith(VIOLATION) && e.includes('script-src'));
  for (let i = 0; i < 50 && !reported(); i++) await page.evaluate(() => new Promise(requestAnimationFrame));
  assert.equal(await page.evaluate(() => window.injected), undefined, 'the script did not run');
  assert.ok(reported(), `reported: ${JSON.stringify(errors)}`);
  assert.ok(takeViolations().length > 0, 'the per-test check would fail this test');
  await context.close();
});
