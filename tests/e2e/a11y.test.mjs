// Accessibility of every view, checked by axe-core and by the keyboard.
//
// axe is injected with `page.evaluate` of its source: code evaluated through the DevTools
// protocol is not governed by the page's Content-Security-Policy, so the views are checked under
// the very policy they ship with (a context with the CSP bypassed would hide violations of it,
// and the harness fails any test that sees one).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { serveAndLaunch, openFresh, settled } from './harness.mjs';

const env = serveAndLaunch();
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Every view a reader can reach, in the states that draw the most. */
export const VIEWS = {
  library: '?view=library',
  'library filtered': '?view=library&outlet=kurdistan24,alain&from=2024-01-01',
  'library searching': '?view=library&q=%D8%A7%D9%84%D8%AD%D9%88%D8%A7%D8%B1',
  'reader + layers': '?view=read&article=infoplus-second-dialogue&layers=naming,techniques,voices,dates,reuse',
  'compare event': '?view=compare&event=hmc-launch-2024-01-27',
  'compare two': '?view=compare&articles=k24-hmc-launch,alain-first-round',
  'lens naming': '?view=compare&lens=naming',
  'lens voices': '?view=compare&lens=voices',
  'lens claims': '?view=compare&lens=claims',
  'compare choose': '?view=compare',
  'timeline full': '?view=timeline',
  'timeline core': '?view=timeline&zoom=core',
};
const LANGS = ['ar', 'en'];
const WIDTHS = [1280, 390];

/** Runs axe on the page and counts the violating nodes by impact. */
async function axeCounts(page) {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3),
      count: v.nodes.length,
    }));
  });
  const counts = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const v of violations) counts[v.impact] += v.count;
  return { counts, violations };
}

// Protects issue 12's acceptance: axe-core finds no critical and no serious violation on any view,
// in Arabic and English, at desktop and phone widths. Prints the per-view table either way.
test('axe-core: 0 critical and 0 serious violations on every view, both languages, 1280 and 390 px', async () => {
  const rows = [];
  const failures = [];
  for (const width of WIDTHS) {
    for (const lang of LANGS) {
      for (const [name, query] of Object.entries(VIEWS)) {
        const url = `${env.server.url}${query}&lang=${lang}`;
        const { context, page, errors } = await openFresh(env.browser, url, { viewport: { width, height: 900 } });
        await settled(page);
        const { counts, violations } = await axeCounts(page);
        rows.push({ view: name, lang, width, ...counts });
        for (const v of violations) {
          const line = `${name} ${lang} ${width}: ${v.impact} ${v.id} ×${v.count} ${v.nodes.join(' | ')}`;
          if (v.impact === 'critical' || v.impact === 'serious') failures.push(line);
          else console.log(`note: ${line}`);
        }
        assert.deepEqual(errors, [], `${name} ${lang} ${width}`);
        await context.close();
      }
    }
  }
  const head = ['view', 'lang', 'width', 'critical', 'serious', 'moderate', 'minor'];
  console.log(head.map((h, i) => h.padEnd(i === 0 ? 18 : 8)).join(' '));
  for (const r of rows) console.log(head.map((h, i) => String(r[h]).padEnd(i === 0 ? 18 : 8)).join(' '));
  assert.deepEqual(failures, []);
});

/** The focused element: what it is, and whether a focus indicator is drawn around it. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
    const ring = s.boxShadow && s.boxShadow !== 'none';
    // SVG links draw their focus on their shapes: a thick stroke.
    const stroked = el instanceof SVGElement && [...el.querySelectorAll('*')].some((c) => parseFloat(getComputedStyle(c).strokeWidth) >= 2 && getComputedStyle(c).stroke === 'rgb(242, 182, 50)');
    return {
      key: el.getAttribute('data-testid') || el.className?.baseVal || el.className || el.tagName,
      tag: el.tagName.toLowerCase(),
      visible: Boolean(outline || ring || stroked),
      named: [
        el.getAttribute('aria-label'),
        ...(el.getAttribute('aria-labelledby') || '').split(' ').map((id) => id && document.getElementById(id)?.textContent),
        ...[...(el.labels || [])].map((l) => l.textContent),
        el.getAttribute('placeholder'),
        el.getAttribute('title'),
        el.textContent,
      ].some((n) => n && n.trim().length > 0),
    };
  });
}

/** Per view, the controls the keyboard must reach (CSS selectors). */
const KEY_STOPS = {
  library: ['[data-testid=lang-switch]', '[data-testid=copy-link]', '.search-box input', '.filters summary, .filters input', '.row-headline'],
  'reader + layers': ['[data-testid=copy-link]', '[data-testid=back]', '.layer-toggles input', 'mark.ann'],
  'compare event': ['.view-tab', '.col-move button', '.evidence-chip'],
  'lens naming': ['.lens-bar a', 'table.matrix a'],
  'timeline full': ['.zoom-switch a, .zoom-switch button', 'svg.timeline a', '.tl-event-list a'],
};

// Protects keyboard use: tabbing from the top of each view reaches its main controls, every
// control it stops on has a name, and a focus indicator is drawn (`:focus-visible` styles).
test('the keyboard reaches the main controls of each view, with visible focus', async () => {
  const { context, page, errors } = await openFresh(env.browser, `${env.server.url}?lang=en`);
  for (const lang of LANGS) {
    for (const [name, wanted] of Object.entries(KEY_STOPS)) {
      await page.goto(`${env.server.url}${VIEWS[name]}&lang=${lang}`);
      await settled(page);
      const stops = [];
      const reached = new Set();
      for (let i = 0; i < 120 && reached.size < wanted.length; i++) {
        await page.keyboard.press('Tab');
        const f = await focused(page);
        if (!f) continue;
        stops.push(f);
        assert.ok(f.visible, `${name} ${lang}: focus on ${f.tag}.${f.key} is visible`);
        assert.ok(f.named, `${name} ${lang}: ${f.tag}.${f.key} has a name`);
        for (const sel of wanted) {
          if (await page.evaluate((s) => document.activeElement?.matches(s), sel)) reached.add(sel);
        }
      }
      assert.deepEqual(
        wanted.filter((s) => !reached.has(s)),
        [],
        `${name} ${lang}: reached by Tab (stops: ${stops.map((s) => s.key).join(', ')})`,
      );
    }
  }
  assert.deepEqual(errors, []);
  await context.close();
});

// Protects the names screen readers announce for the tables and the timeline drawing.
test('the timeline and the compare tables have accessible names', async () => {
  const { context, page } = await openFresh(env.browser, `${env.server.url}${VIEWS['timeline full']}&lang=en`);
  await settled(page);
  const svgName = await page.$eval('svg.timeline', (s) => s.getAttribute('aria-label') || s.querySelector('title')?.textContent || '');
  assert.match(svgName, /\w{4,}/, 'timeline drawing is named');
  for (const name of ['compare event', 'lens naming', 'lens voices', 'lens claims']) {
    await page.goto(`${env.server.url}${VIEWS[name]}&lang=en`);
    // The view asks for its files after it mounts: wait for its table, then for every file.
    await page.waitForSelector('main table, main [role=table]');
    await settled(page);
    const tables = await page.$$eval('main table, main [role=table]', (ts) =>
      ts.map((t) => (t.querySelector('caption')?.textContent || t.getAttribute('aria-label') || '').trim()),
    );
    assert.ok(tables.length > 0, `${name} has a table`);
    for (const t of tables) assert.ok(t.length > 3, `${name}: every table is named (${JSON.stringify(tables)})`);
  }
  await context.close();
});
