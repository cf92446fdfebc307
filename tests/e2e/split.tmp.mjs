import { serveDist, launch, openFresh } from './harness.mjs';
const server = await serveDist(); const browser = await launch();
const { page } = await openFresh(browser, server.url);
await page.fill('[data-testid=q]', 'ا'); await page.waitForSelector('[data-testid=search-results]');
const q = 'اللجنة العسكرية العليا'; const all = [];
for (let k = 0; k < 3; k++) for (let i = 1; i <= q.length; i++) {
  const r = await page.evaluate(async (text) => {
    const input = document.querySelector('[data-testid=q]');
    const t0 = performance.now();
    input.value = text; input.dispatchEvent(new Event('input', { bubbles: true }));
    const t1 = performance.now();
    await new Promise((r) => setTimeout(r, 0)); await new Promise((r) => setTimeout(r, 0));
    return [t1 - t0, performance.now() - t0];
  }, q.slice(0, i));
  all.push(r);
}
const s = all.map((x) => x[0]).sort((a, b) => a - b), t = all.map((x) => x[1]).sort((a, b) => a - b);
console.log('sync p50', s[s.length >> 1].toFixed(1), 'total p50', t[t.length >> 1].toFixed(1), 'p95', t[Math.floor(t.length * 0.95)].toFixed(1));
await browser.close(); await server.close();
