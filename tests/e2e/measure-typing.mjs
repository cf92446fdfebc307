// Measures how long the library takes to show new results after each keystroke in the search box
// (from the input event to this query's results being in the DOM), in headless Chromium on the
// release dist/. Prints numbers; it is a measurement, not a test. Run: cargo xtask measure-typing

import { serveDist, launch, openFresh } from './harness.mjs';

const query = 'اللجنة العسكرية العليا';
const server = await serveDist();
const browser = await launch();
const { context, page } = await openFresh(browser, server.url);
// Warm up: the search index is built on first use.
await page.fill('[data-testid=q]', 'ا');
await page.waitForSelector('[data-testid=search-results]');
await page.fill('[data-testid=q]', '');
const samples = [];
const perKey = [];
for (let round = 0; round < 5; round++) {
  await page.fill('[data-testid=q]', '');
  await page.waitForSelector('[data-testid=article-list]');
  for (let i = 1; i <= query.length; i++) {
    const ms = await page.evaluate(async (text) => {
      const input = document.querySelector('[data-testid=q]');
      const t0 = performance.now();
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // Done when the results on screen are this query's: the results carry the query they
      // were rendered for, in the same update as the hits themselves.
      const ready = () => document.querySelector('[data-testid=search-results]')?.getAttribute('data-q') === text;
      if (!ready()) {
        await new Promise((resolve) => {
          const obs = new MutationObserver(() => {
            if (ready()) {
              obs.disconnect();
              resolve();
            }
          });
          obs.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-q'] });
        });
      }
      return performance.now() - t0;
    }, query.slice(0, i));
    samples.push(ms);
    perKey.push([query.slice(0, i), ms]);
  }
}
if (process.argv.includes('--each')) for (const [k, ms] of perKey) console.log(ms.toFixed(2).padStart(7), k);
samples.sort((a, b) => a - b);
const pct = (p) => samples[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))];
console.log(`keystrokes: ${samples.length} (query «${query}» typed 5 times, letter by letter)`);
console.log(`input → results in DOM: p50 ${pct(50).toFixed(2)} ms, p95 ${pct(95).toFixed(2)} ms, max ${samples[samples.length - 1].toFixed(2)} ms (one frame = 16.7 ms)`);
await context.close();
await browser.close();
await server.close();
