// Print previews: the reader and the compare views printed to A4 PDF by headless Chromium, in
// both interface languages (right to left and left to right), then each page as a PNG with
// poppler's pdftoppm when it is installed. Run by `cargo xtask print`; writes into the directory
// given as the first argument (default target/print/).
//
// Printed as a browser prints by default: without background colours, so what shows on paper
// does not rely on them.

import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serveDist, launch, newContext, watch } from './harness.mjs';

const out = path.resolve(process.argv[2] || 'target/print');
fs.mkdirSync(out, { recursive: true });

const VIEWS = {
  reader: '?view=read&article=infoplus-second-dialogue&layers=naming,techniques,voices,claims',
  'compare-event': '?view=compare&event=hmc-launch-2024-01-27',
  'compare-two': '?view=compare&articles=k24-hmc-launch,alain-first-round',
};

const server = await serveDist();
const browser = await launch();
const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
const errors = [];
watch(page, errors);
let havePdftoppm = true;
for (const [name, query] of Object.entries(VIEWS)) {
  for (const lang of ['ar', 'en']) {
    await page.goto(`${server.url}${query}&lang=${lang}`);
    await page.waitForSelector('main#main > *');
    await page.waitForFunction(() => !document.documentElement.hasAttribute('data-loading'));
    await page.evaluate(() => document.fonts.ready);
    const file = path.join(out, `${name}-${lang}.pdf`);
    for (const f of fs.readdirSync(out)) if (f.startsWith(`${name}-${lang}-`) && f.endsWith('.png')) fs.rmSync(path.join(out, f));
    await page.pdf({ path: file, format: 'A4', printBackground: false });
    let pages = '';
    if (havePdftoppm) {
      try {
        execFileSync('pdftoppm', ['-png', '-r', '60', file, file.replace(/\.pdf$/, '')]);
        pages = `, pages: ${fs.readdirSync(out).filter((f) => f.startsWith(`${name}-${lang}-`) && f.endsWith('.png')).length}`;
      } catch {
        havePdftoppm = false;
        console.log('pdftoppm not found (apt-get install poppler-utils): PDFs only');
      }
    }
    console.log(`${file} (${fs.statSync(file).size} bytes${pages})`);
  }
}
await browser.close();
await server.close();
if (errors.length) {
  console.error(errors.join('\n'));
  process.exit(1);
}
