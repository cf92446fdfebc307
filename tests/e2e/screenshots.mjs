// Screenshots of each view, and of the import flow, in both interface languages, at desktop and
// phone widths.
// Usage: node tests/e2e/screenshots.mjs OUT_DIR [NAME_PART]   (run by `cargo xtask screenshots`);
// with NAME_PART, only the views whose name contains it.

import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, openFresh, settled } from './harness.mjs';

const out = path.resolve(process.argv[2] || 'target/screenshots');
fs.mkdirSync(out, { recursive: true });
const views = {
  library: '',
  'library-filtered': '?outlet=kurdistan24,alain&from=2024-01-01&to=2024-03-31',
  'reader-k24': '?view=read&article=k24-hmc-launch',
  'reader-artifacts': '?view=read&article=unattributed-biden-sudani',
  'bad-link': '?view=read&article=nope&outlet=bbc',
  'naming-facet': '?naming=armed-groups',
  search: '?q=' + encodeURIComponent('اللجنة العسكرية العليا'),
  'reader-layers': '?view=read&article=infoplus-second-dialogue&layers=naming,techniques,voices',
  'reader-reuse': '?view=read&article=k24-hmc-launch&p=7&layers=dates,reuse',
  timeline: '?view=timeline&from=2024-07-01&to=2024-09-30',
  'timeline-full': '?view=timeline',
  'timeline-core': '?view=timeline&zoom=core&layers=dates',
  'compare-event': '?view=compare&event=hmc-launch-2024-01-27',
  'compare-two': '?view=compare&articles=k24-hmc-launch,alain-first-round',
  'lens-naming': '?view=compare&lens=naming',
  'lens-voices': '?view=compare&lens=voices',
  'lens-claims': '?view=compare&lens=claims',
  'compare-choose': '?view=compare',
  'cite-unattributed': '?view=read&article=unattributed-biden-sudani',
};
// Views where a highlight is focused first, to show the explanation panel.
const focus = { 'reader-layers': 'mark.ann-techniques', 'reader-reuse': 'mark.ann-reuse' };
// Views where a control is opened first (the citation disclosure).
const open = { 'cite-unattributed': '[data-testid=cite-toggle]' };
const server = await serveDist();
const browser = await launch();
const only = process.argv[3];
for (const [name, query] of Object.entries(views)) {
  if (only && !name.includes(only)) continue;
  for (const lang of ['ar', 'en']) {
    for (const width of [1280, 390]) {
      const sep = query ? '&' : '?';
      const url = server.url + query + (lang === 'en' ? `${sep}lang=en` : '');
      const { context, page } = await openFresh(browser, url, { viewport: { width, height: 900 } });
      // Every file the view asked for has arrived (no "Loading…" in the picture).
      await page.waitForSelector('main#main > *');
      await settled(page);
      if (focus[name]) await page.locator(focus[name]).first().focus();
      if (open[name]) {
        await page.click(open[name]);
        await page.locator('[data-testid=export-csv]').first().focus();
      }
      const file = path.join(out, `${name}-${lang}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
      await context.close();
    }
  }
}

// The import flow: "Add articles" with two pasted texts in their forms, then the library with the
// imported articles marked "on this device only" (each in a fresh context, so storage is empty).
const pasted = [
  'زيارة وفد عسكري إلى أربيل\nبغداد (وكالة الرافدين) - وصل وفد عسكري إلى أربيل يوم 3 شباط 2024.\nوقال رئيس الوزراء محمد شياع السوداني إن «الحوار مستمر مع التحالف الدولي».',
  'مقال عن الموازنة\nناقش البرلمان الموازنة الجديدة في جلسة مطولة.',
];
for (const step of ['import-form', 'import-done']) {
  if (only && !step.includes(only)) continue;
  for (const lang of ['ar', 'en']) {
    for (const width of [1280, 390]) {
      const url = server.url + (lang === 'en' ? '?lang=en' : '');
      const { context, page } = await openFresh(browser, url, { viewport: { width, height: 900 } });
      await page.click('[data-testid=import-toggle]');
      for (const text of pasted) {
        await page.fill('[data-testid=import-paste]', text);
        await page.click('[data-testid=import-paste-add]');
      }
      await page.locator('[data-testid=import-form]').nth(1).locator('[data-field=outlet]').fill('شفق نيوز');
      await page.locator('[data-testid=import-form]').nth(1).locator('[data-field=date]').fill('2024-03');
      if (step === 'import-done') {
        await page.click('[data-testid=import-run]');
        await page.waitForSelector('.article-row [data-testid=device-badge]');
        await page.click('[data-testid=import-toggle]');
      }
      const file = path.join(out, `${step}-${lang}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
      await context.close();
    }
  }
}
await browser.close();
await server.close();
