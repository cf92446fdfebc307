// Printing (print.css): the reader and the compare views as they are laid out for paper, read off
// the page with print media emulated. `cargo xtask print` makes the A4 PDFs to look at.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch, openFresh, settled } from './harness.mjs';

const env = serveAndLaunch();

const VIEWS = [
  '?view=read&article=infoplus-second-dialogue&layers=naming,techniques,voices',
  '?view=compare&event=hmc-launch-2024-01-27',
  '?view=compare&articles=k24-hmc-launch,alain-first-round',
];

// Protects issue 12's printing: on paper no control, navigation or filter is drawn, the page's
// permalink is written out, annotations are told apart without colour (no background, a grey
// underline whose style differs by layer), and the compare grid fits the page width.
test('printed, the reader and the compare views show no controls, their permalink and grey annotations', async () => {
  const { context, page, errors } = await openFresh(env.browser, `${env.server.url}?lang=en`);
  for (const lang of ['ar', 'en']) {
    for (const q of VIEWS) {
      await page.goto(`${env.server.url}${q}&lang=${lang}`);
      await settled(page);
      await page.emulateMedia({ media: 'print' });
      const what = `${q} ${lang}`;
      const shown = await page.$$eval('header.site-header, nav, button, select, input, .filters, .details', (els) =>
        els.filter((e) => e.getClientRects().length > 0).map((e) => e.outerHTML.slice(0, 80)),
      );
      assert.deepEqual(shown, [], `${what}: no controls on paper`);
      const link = await page.$eval('.print-link', (e) => (e.getClientRects().length ? e.textContent : ''));
      assert.equal(link, page.url(), `${what}: the permalink is printed`);
      const marks = await page.$$eval('main mark', (ms) =>
        ms.map((m) => {
          const s = getComputedStyle(m);
          return { bg: s.backgroundColor, line: `${s.borderBottomStyle} ${s.textDecorationLine}`, cls: m.className };
        }),
      );
      if (!q.includes('event=')) assert.ok(marks.length > 0, `${what}: annotations are printed`);
      for (const m of marks) {
        assert.equal(m.bg, 'rgba(0, 0, 0, 0)', `${what}: ${m.cls} has no background on paper`);
        assert.match(m.line, /solid|dashed|dotted|double|line-through|underline/, `${what}: ${m.cls} is underlined`);
      }
      const grid = await page.$('.compare-grid');
      if (grid) {
        const fits = await page.$eval('.compare-grid', (g) => g.scrollWidth <= g.parentElement.clientWidth + 1);
        assert.ok(fits, `${what}: the compare grid fits the page width`);
      }
      await page.emulateMedia({ media: 'screen' });
    }
  }
  const styles = await page.evaluate(() => {
    document.body.insertAdjacentHTML('beforeend', '<p id="probe"><a href="https://example.org/x">x</a></p>');
    return getComputedStyle(document.querySelector('#probe a'), '::after').content;
  });
  assert.equal(styles, 'none', 'on screen, links are not written out');
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => getComputedStyle(document.querySelector('#probe a'), '::after').content);
  assert.match(printed, /example\.org/, 'on paper, a link to another site is written out');
  assert.deepEqual(errors, []);
  await context.close();
});
