// Measures an import of 1,000 articles in the page: a JSON Lines file generated from the seeds'
// paragraphs (deterministic; every text distinct) is picked in "Add articles" of the release
// dist/ in headless Chromium, and while it is analysed a key is pressed in the search box every
// 50 ms. Prints the import time (from the click on Import to the summary) and the keystroke
// latency during the import (from the key event's time stamp to the next frame after it was
// handled: p50, p95, max), and the time a reload takes to draw the library with them.
// A measurement, not a test. Run: cargo xtask bench-import [N]

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDist, launch, openFresh } from './harness.mjs';

const N = Number(process.argv[2] || 1000);
const ROOT = path.resolve(import.meta.dirname, '../..');

/** N articles from the seeds' paragraphs: a numbered headline, 3–7 paragraphs, 12 outlets. */
function generate(n) {
  const seeds = path.join(ROOT, 'seeds');
  const paras = fs.readdirSync(seeds)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => fs.readFileSync(path.join(seeds, f), 'utf8').split('\n'))
    .map((l) => l.trim())
    .filter((l) => l.split(/\s+/).length >= 8);
  const outlets = ['وكالة الرافدين', 'صحيفة المدى', 'شبكة الرصد', 'الفرات نيوز', 'بغداد اليوم', 'السومرية',
    'رووداو', 'الشرق', 'المربد', 'دجلة', 'الحرة عراق', 'العالم'];
  let seed = 7;
  const rnd = (k) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % k;
  };
  const lines = [];
  const day0 = Date.UTC(2023, 0, 1);
  for (let i = 0; i < n; i++) {
    const body = [];
    for (let p = 0, m = 3 + rnd(5); p < m; p++) body.push(paras[rnd(paras.length)]);
    const date = new Date(day0 + ((i * 37) % 1000) * 86400000).toISOString().slice(0, 10);
    lines.push(JSON.stringify({
      title: `تقرير رقم ${i + 1} عن ${body[0].split(/\s+/).slice(0, 5).join(' ')}`,
      text: `تقرير رقم ${i + 1}\n${body.join('\n')}\nانتهى التقرير ${i + 1}.`,
      date,
      outlet: outlets[i % outlets.length],
    }));
  }
  return lines.join('\n') + '\n';
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marsad-bench-import-'));
const file = path.join(dir, `articles-${N}.jsonl`);
fs.writeFileSync(file, generate(N));
const server = await serveDist();
const browser = await launch();
const { context, page } = await openFresh(browser, server.url + '?lang=en');
await page.click('[data-testid=import-toggle]');
await page.setInputFiles('[data-testid=import-files]', file);
await page.waitForSelector('[data-testid=import-tables] li');
await page.evaluate(() => {
  window.__lat = [];
  window.__progress = false;
  new MutationObserver(() => {
    if (document.querySelector('[data-testid=import-progress]')) window.__progress = true;
  }).observe(document.body, { subtree: true, childList: true });
  document.querySelector('[data-testid=q]').addEventListener('keydown', (e) => {
    const t = e.timeStamp;
    requestAnimationFrame(() => window.__lat.push(performance.now() - t));
  });
});
await page.focus('[data-testid=q]');
const t0 = Date.now();
await page.click('[data-testid=import-run]', { noWaitAfter: true });
await page.focus('[data-testid=q]');
let progressSeen = false;
let done = false;
const finished = page
  .waitForFunction(() => /imported/.test(document.querySelector('[data-testid=import-summary]')?.textContent || ''), null, { timeout: 600000 })
  .then(() => { done = true; });
let k = 0;
while (!done) {
  await page.keyboard.type(k % 2 ? 'ب' : 'ا');
  if (k % 4 === 3) {
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
  }
  k++;
  await new Promise((r) => setTimeout(r, 50));
}
await finished;
const importMs = Date.now() - t0;
const lat = (await page.evaluate(() => window.__lat)).sort((a, b) => a - b);
const q = (p) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))];
progressSeen = await page.evaluate(() => window.__progress);
const summary = await page.textContent('[data-testid=import-summary]');
await page.fill('[data-testid=q]', '');
await page.waitForSelector('.article-row [data-testid=device-badge]');
const rows = await page.locator('.article-row [data-testid=device-badge]').count();
console.log(`import of ${N} articles (${(fs.statSync(file).size / 1e6).toFixed(2)} MB JSON Lines): ${(importMs / 1000).toFixed(1)} s, progress bar shown: ${progressSeen}`);
console.log(`summary: ${summary.trim()}; badges on the first library page: ${rows}`);
console.log(`keystrokes during the import: ${lat.length}, latency p50 ${q(0.5).toFixed(0)} ms, p95 ${q(0.95).toFixed(0)} ms, max ${lat[lat.length - 1].toFixed(0)} ms`);
// A later visit: the page opens with the stored articles (their analysis kept on the device).
const r0 = Date.now();
await page.reload();
await page.waitForSelector('.article-row [data-testid=device-badge]');
console.log(`reload with ${N} stored articles: library drawn with them after ${Date.now() - r0} ms`);
await page.click('[data-testid=import-toggle]');
await page.click('[data-testid=import-remove-all]');
await page.waitForFunction(() => document.querySelectorAll('[data-testid=device-badge]').length === 0);
await context.close();
await browser.close();
await server.close();
fs.rmSync(dir, { recursive: true, force: true });
