// The same corpus indexed with Pagefind (its Node API, on the pages `export-pages` writes: one
// page per article, `lang="ar"`), and a first search with Pagefind's JS API in headless Chromium,
// cold: `pagefind.search(q)`, then the data of the first 5 results, as its default UI loads them.
// Then keystrokes, as Marsad's are measured: each prefix of a query searched in turn, each timed
// until its 5 results' data are in.

import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { freshPage, memory, breakdown, sum } from './browser.mjs';

/** Indexes `pagesDir` into `siteDir/pagefind/`; returns { pages, seconds }. */
export async function index(pagesDir, siteDir) {
  fs.rmSync(siteDir, { recursive: true, force: true });
  fs.mkdirSync(siteDir, { recursive: true });
  const started = process.hrtime.bigint();
  const { errors: e1, index } = await pagefind.createIndex({});
  if (e1?.length) throw new Error(`pagefind: ${e1.join('; ')}`);
  const { errors: e2, page_count } = await index.addDirectory({ path: pagesDir });
  if (e2?.length) throw new Error(`pagefind: ${e2.join('; ')}`);
  const { errors: e3 } = await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
  if (e3?.length) throw new Error(`pagefind: ${e3.join('; ')}`);
  await pagefind.close();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // An empty page to search from (Pagefind needs no page of its own).
  fs.writeFileSync(
    path.join(siteDir, 'index.html'),
    '<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>Pagefind</title></head><body></body></html>\n',
  );
  // Pages read (the exported index page among them, which has no `data-pagefind-body` and is
  // left out) and pages indexed (one fragment file each).
  const indexed = sizeOf(path.join(siteDir, 'pagefind/fragment')).files;
  return { pagesRead: page_count, pages: indexed, seconds, ...sizeOf(path.join(siteDir, 'pagefind')) };
}

/** Files and bytes under a directory. */
export function sizeOf(dir) {
  let files = 0;
  let bytes = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) {
      files += 1;
      bytes += fs.statSync(path.join(e.parentPath ?? e.path, e.name)).size;
    }
  }
  return { files, bytes };
}

/**
 * One cold run: the page, then `import('pagefind.js')` (counted apart), then from the search
 * call to the 5 results' data (the first search), then the keystrokes of `typed`.
 */
export async function runOnce(browser, site, query, typed) {
  const s = await freshPage(browser);
  await s.page.goto(site.url);
  s.net.setTimeOrigin(await s.page.evaluate(() => performance.timeOrigin));
  await s.net.idle(200);
  const loaded = await s.page.evaluate(async () => {
    const t0 = performance.now();
    window.__pagefind = await import('/pagefind/pagefind.js');
    return { t0, t1: performance.now() };
  });
  await s.net.idle(200);
  const t0 = performance.now();
  const r = await s.page.evaluate(async (q) => {
    const t0 = performance.now();
    const search = await window.__pagefind.search(q);
    const data = await Promise.all(search.results.slice(0, 5).map((x) => x.data()));
    const t1 = performance.now();
    return { t0, t1, results: search.results.length, first: data.map((d) => d.url) };
  }, query);
  const served = site.sent(t0, performance.now());
  await s.net.idle(300);
  // The first search's requests, before the keystrokes add theirs.
  const all = s.net.list();
  const keys = await keystrokes(s, typed);
  const script = all.filter((x) => x.sent >= loaded.t0 && x.sent <= loaded.t1);
  const during = all.filter((x) => x.sent >= r.t0 && x.sent <= r.t1);
  const late = all.filter((x) => x.sent > r.t1);
  const mem = await memory(s);
  await s.context.close();
  return {
    firstSearch: {
      ms: r.t1 - r.t0,
      bytes: sum(during),
      serverBytes: sum(served),
      requests: during.length,
      breakdown: breakdown(during),
      lateRequests: late.map((x) => x.url),
      results: r.results,
      first: r.first,
      timeline: during.map((x) => ({
        path: new URL(x.url).pathname,
        sent: +(x.sent - r.t0).toFixed(1),
        end: x.end === null ? null : +(x.end - r.t0).toFixed(1),
        bytes: x.bytes,
      })),
    },
    keystrokes: keys,
    scriptBytes: sum(script),
    memory: mem,
    errors: s.errors,
  };
}

/**
 * Keystrokes after the first search: each prefix of `query` (one more character each time)
 * searched when the previous one's results are in, timed from the search call to its first 5
 * results' data, as the first search is. No rendering: Pagefind's API draws nothing.
 */
async function keystrokes(s, query) {
  const keys = await s.page.evaluate(async (q) => {
    const chars = [...q];
    const out = [];
    for (let i = 1; i <= chars.length; i++) {
      const text = chars.slice(0, i).join('');
      const t0 = performance.now();
      const search = await window.__pagefind.search(text);
      await Promise.all(search.results.slice(0, 5).map((x) => x.data()));
      out.push({ text, t0, done: performance.now(), results: search.results.length });
    }
    return out;
  }, query);
  await s.net.idle(300);
  const all = s.net.list();
  const perKey = keys.map((k) => {
    const fetched = all.filter((r) => r.sent >= k.t0 && r.sent <= k.done);
    return { text: k.text, ms: +(k.done - k.t0).toFixed(2), requests: fetched.length, bytes: sum(fetched), results: k.results };
  });
  return { samples: perKey.map((k) => k.ms), perKey };
}
