// The scale benchmark's measurements (run by `cargo xtask bench-scale`, which builds each corpus
// first). Two commands:
//
//   node tests/bench/bench.mjs measure --size N --dist DIR --pages DIR --site DIR
//        --build-seconds S [--runs K] [--latency MS] --out FILE
//     serves DIR (a Marsad dist/ with one corpus's data) and measures it in headless Chromium;
//     indexes the pages (one per article) with Pagefind into the site DIR, serves it and measures
//     a first search; prints the table of this size and writes its numbers to FILE (JSON). With
//     --latency, both servers answer each request MS milliseconds late (a distant host); the
//     project's targets, set for a local host, are then not applied.
//
//   node tests/bench/bench.mjs report --command "LINE" --json OUT FILE...
//     prints every size's table again and the command line, and writes them all to OUT (JSON).
//
// Each run is cold: a fresh browser context, the HTTP cache disabled. One run of each kind is
// made first and discarded (it fills the server's compressed copies and the system's file
// cache). Numbers are medians over the runs.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';
import * as marsad from './marsad.mjs';
import * as pf from './pagefind.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) {
    if (fallback === undefined) throw new Error(`--${name} is required`);
    return fallback;
  }
  return args[i + 1];
};

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** The p-th percentile, nearest rank. */
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};

async function measure() {
  const size = Number(opt('size'));
  const dist = path.resolve(opt('dist'));
  const pages = path.resolve(opt('pages'));
  const site = path.resolve(opt('site'));
  const runs = Number(opt('runs', '3'));
  const latency = Number(opt('latency', '0'));
  const out = path.resolve(opt('out'));
  const version = fs.readFileSync(path.join(dist, 'data/current'), 'utf8').trim();
  const data = path.join(dist, 'data', version);
  const result = {
    size,
    articles: fs.readdirSync(pages).filter((f) => f.endsWith('.html') && f !== 'index.html').length,
    build: {
      seconds: Number(opt('build-seconds')),
      bundleFiles: pf.sizeOf(data).files,
      bundleBytes: pf.sizeOf(data).bytes,
      summaryBytes: fs.statSync(path.join(data, 'summary.bin')).size,
    },
    machine: { cpus: os.cpus().length, load: os.loadavg() },
    latency,
    queries: { first: marsad.FIRST_QUERY, typed: marsad.TYPED_QUERY },
    runs: [],
    pagefind: { runs: [] },
  };

  const browser = await launch();
  result.browser = browser.version();
  try {
    const app = await serve(dist, { latency });
    try {
      console.error(`${size} articles: Marsad, 1 discarded run + ${runs}…`);
      await marsad.runOnce(browser, app);
      for (let i = 0; i < runs; i++) result.runs.push(await marsad.runOnce(browser, app));
    } finally {
      await app.close();
    }

    console.error(`${size} articles: Pagefind index of ${pages}…`);
    result.pagefind.index = await pf.index(pages, site);
    result.pagefind.version = JSON.parse(fs.readFileSync(new URL('./node_modules/pagefind/package.json', import.meta.url))).version;
    const pfSite = await serve(site, { latency });
    try {
      console.error(`${size} articles: Pagefind, 1 discarded run + ${runs}…`);
      await pf.runOnce(browser, pfSite, marsad.FIRST_QUERY, marsad.TYPED_QUERY);
      for (let i = 0; i < runs; i++) result.pagefind.runs.push(await pf.runOnce(browser, pfSite, marsad.FIRST_QUERY, marsad.TYPED_QUERY));
    } finally {
      await pfSite.close();
    }
  } finally {
    await browser.close();
  }
  result.summary = summarize(result);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
  console.log(table(result));
  const errors = [...result.runs.flatMap((r) => r.errors), ...result.pagefind.runs.flatMap((r) => r.errors)];
  if (errors.length) console.log(`page errors:\n  ${[...new Set(errors)].join('\n  ')}`);
}

/** Medians (and the pooled keystroke percentiles) of one size's runs. */
function summarize(r) {
  const m = (f) => median(r.runs.map(f));
  const keys = r.runs.flatMap((x) => x.keystrokes.samples);
  const perKey = r.runs.flatMap((x) => x.keystrokes.perKey);
  const offline = perKey.filter((k) => k.requests === 0).map((k) => k.ms);
  const pm = (f) => median(r.pagefind.runs.map(f));
  const pkeys = r.pagefind.runs.flatMap((x) => x.keystrokes?.samples ?? []);
  const pPerKey = r.pagefind.runs.flatMap((x) => x.keystrokes?.perKey ?? []);
  const s = {
    buildSeconds: r.build.seconds,
    loadBytesBeforeDrawn: m((x) => x.load.bytesBeforeDrawn),
    loadFontBytesBeforeDrawn: m((x) => x.load.fontBytesBeforeDrawn),
    loadBytesSettled: m((x) => x.load.bytesSettled),
    loadFontBytesSettled: m((x) => x.load.fontBytesSettled),
    libraryMs: m((x) => x.load.libraryMs),
    firstSearchMs: m((x) => x.firstSearch.ms),
    firstSearchBytes: m((x) => x.firstSearch.bytes),
    firstSearchTypingMs: m((x) => x.firstSearch.typingMs),
    firstSearchAfterLastKeyMs: m((x) => x.firstSearch.ms - x.firstSearch.typingMs),
    firstSearchPastedMs: m((x) => x.firstSearchPasted.ms),
    firstSearchPastedBytes: m((x) => x.firstSearchPasted.bytes),
    firstSearchServerBytes: m((x) => x.firstSearch.serverBytes),
    firstSearchPastedServerBytes: m((x) => x.firstSearchPasted.serverBytes),
    loadServerBytesSettled: m((x) => x.load.serverBytesSettled),
    keystrokes: keys.length,
    keystrokeP50: percentile(keys, 50),
    keystrokeP95: percentile(keys, 95),
    keystrokeMax: Math.max(...keys),
    keystrokeBytes: m((x) => x.keystrokes.bytes),
    keystrokesFetching: perKey.length - offline.length,
    keystrokeP95WithoutFetch: offline.length ? percentile(offline, 95) : NaN,
    jsHeapUsed: m((x) => x.memory.jsHeapUsed),
    wasmMemory: m((x) => x.memory.wasmMemory),
    pagefindIndexSeconds: r.pagefind.index?.seconds,
    pagefindFirstSearchMs: pm((x) => x.firstSearch.ms),
    pagefindFirstSearchBytes: pm((x) => x.firstSearch.bytes),
    pagefindFirstSearchServerBytes: pm((x) => x.firstSearch.serverBytes),
    pagefindScriptBytes: pm((x) => x.scriptBytes),
    pagefindJsHeapUsed: pm((x) => x.memory.jsHeapUsed + x.memory.workersHeap),
    pagefindWasmMemory: pm((x) => x.memory.wasmMemory),
    pagefindKeystrokes: pkeys.length,
    pagefindKeystrokeP50: pkeys.length ? percentile(pkeys, 50) : NaN,
    pagefindKeystrokeP95: pkeys.length ? percentile(pkeys, 95) : NaN,
    pagefindKeystrokeMax: pkeys.length ? Math.max(...pkeys) : NaN,
    pagefindKeystrokesFetching: pPerKey.filter((k) => k.requests > 0).length,
  };
  // Bytes are compared as the server counted them: the browser's count misses the body of
  // Pagefind's worker script (fetched as the worker starts). Both counts are in the table.
  s.ratioBytes = s.firstSearchServerBytes / s.pagefindFirstSearchServerBytes;
  s.ratioMs = s.firstSearchMs / s.pagefindFirstSearchMs;
  s.ratioPastedBytes = s.firstSearchPastedServerBytes / s.pagefindFirstSearchServerBytes;
  s.ratioPastedMs = s.firstSearchPastedMs / s.pagefindFirstSearchMs;
  return s;
}

/** The project's targets for the sizes that have them: summary key → upper limit. */
const TARGETS = {
  5: { loadBytesBeforeDrawn: 300e3, libraryMs: 400 },
  1000: { loadBytesBeforeDrawn: 400e3, libraryMs: 800, firstSearchMs: 150, keystrokeP95: 16 },
  10000: { buildSeconds: 600, loadBytesBeforeDrawn: 500e3, libraryMs: 1500, firstSearchMs: 300, ratioBytes: 2 },
};
/** The targets of a run: none when a latency was added (they are set for a local host). */
const targets = (r) => (r.latency ? {} : TARGETS[r.size] || {});

const kB = (b) => `${(b / 1000).toFixed(1)} kB`;
const MB = (b) => `${(b / 1e6).toFixed(1)} MB`;
const ms = (x) => `${x.toFixed(x < 100 ? 1 : 0)} ms`;
const sec = (x) => `${x.toFixed(1)} s`;
const times = (x) => `${x.toFixed(2)}×`;

function table(r) {
  const s = r.summary;
  const t = targets(r);
  const lines = [];
  const runs = (f, fmt) => r.runs.map(f).map((v) => fmt(v).replace(/ (kB|ms|MB)$/, '')).join('  ');
  const pruns = (f, fmt) => r.pagefind.runs.map(f).map((v) => fmt(v).replace(/ (kB|ms|MB)$/, '')).join('  ');
  const verdict = (key, fmt) => {
    if (!(key in t)) return '';
    const ok = s[key] <= t[key];
    return `≤ ${fmt(t[key])} ${ok ? 'met' : 'MISSED'}`;
  };
  const row = (label, value, all = '', target = '') => lines.push(`${label.padEnd(50)} ${value.padStart(14)}   ${all.padEnd(26)} ${target}`);
  const by = (b) =>
    Object.entries(b)
      .sort((a, c) => c[1].bytes - a[1].bytes)
      .map(([k, v]) => `${k} ${kB(v.bytes)} (${v.requests})`)
      .join(', ');
  const first = r.runs[0];
  lines.push(`── ${r.size === 5 ? 'the seeds' : 'synthetic corpus'}: ${r.articles} articles${r.latency ? `, ${r.latency} ms per request` : ''} ──`);
  row('metric', 'median', `each of ${r.runs.length} runs`, 'target');
  row('build: marsad-ingest bundle (release)', sec(s.buildSeconds), '', verdict('buildSeconds', (x) => `${x / 60} min`));
  row('data bundle (gzipped files)', `${MB(r.build.bundleBytes)}`, `${r.build.bundleFiles} files, summary ${kB(r.build.summaryBytes)}`);
  row('first load: bytes before the library is drawn', kB(s.loadBytesBeforeDrawn), runs((x) => x.load.bytesBeforeDrawn, kB), verdict('loadBytesBeforeDrawn', kB));
  row('  of which fonts', kB(s.loadFontBytesBeforeDrawn), runs((x) => x.load.fontBytesBeforeDrawn, kB));
  row('  everything until idle after drawing', kB(s.loadBytesSettled), runs((x) => x.load.bytesSettled, kB));
  row('    the same, counted by the server', kB(s.loadServerBytesSettled), runs((x) => x.load.serverBytesSettled, kB));
  row('  of which fonts', kB(s.loadFontBytesSettled), runs((x) => x.load.fontBytesSettled, kB));
  row('library drawn (from navigation start)', ms(s.libraryMs), runs((x) => x.load.libraryMs, ms), verdict('libraryMs', ms));
  row(`first search «${r.queries.first}», typed, cold`, ms(s.firstSearchMs), runs((x) => x.firstSearch.ms, ms), verdict('firstSearchMs', ms));
  row('  of which typing (first key to last key)', ms(s.firstSearchTypingMs), runs((x) => x.firstSearch.typingMs, ms));
  row('  results drawn after the last key', ms(s.firstSearchAfterLastKeyMs), runs((x) => x.firstSearch.ms - x.firstSearch.typingMs, ms));
  row('  bytes it fetched', kB(s.firstSearchBytes), runs((x) => x.firstSearch.bytes, kB));
  row('    counted by the server', kB(s.firstSearchServerBytes), runs((x) => x.firstSearch.serverBytes, kB));
  row('first search pasted (one input event), cold', ms(s.firstSearchPastedMs), runs((x) => x.firstSearchPasted.ms, ms));
  row('  bytes it fetched', kB(s.firstSearchPastedBytes), runs((x) => x.firstSearchPasted.bytes, kB));
  row('    counted by the server', kB(s.firstSearchPastedServerBytes), runs((x) => x.firstSearchPasted.serverBytes, kB));
  row(`keystrokes «${r.queries.typed}» (${s.keystrokes} in all)`, `p50 ${ms(s.keystrokeP50)}`, '', '');
  row('', `p95 ${ms(s.keystrokeP95)}`, '', verdict('keystrokeP95', ms));
  row('', `max ${ms(s.keystrokeMax)}`, `${kB(s.keystrokeBytes)} fetched while typing (median)`);
  row(`  keystrokes that fetched files: ${s.keystrokesFetching} of ${s.keystrokes}; the others`, `p95 ${ms(s.keystrokeP95WithoutFetch)}`);
  row('JS heap used after the first search', MB(s.jsHeapUsed), runs((x) => x.memory.jsHeapUsed, MB));
  row('wasm memory after the first search', MB(s.wasmMemory), runs((x) => x.memory.wasmMemory, MB));
  if (r.pagefind.index) {
    const i = r.pagefind.index;
    row(`Pagefind ${r.pagefind.version}: index (${i.pages} pages)`, sec(i.seconds), `${i.files} files, ${MB(i.bytes)}`);
    row('Pagefind first search (search + 5 results\' data)', ms(s.pagefindFirstSearchMs), pruns((x) => x.firstSearch.ms, ms));
    row('  bytes it fetched', kB(s.pagefindFirstSearchBytes), pruns((x) => x.firstSearch.bytes, kB));
    row('    counted by the server (with the worker script)', kB(s.pagefindFirstSearchServerBytes), pruns((x) => x.firstSearch.serverBytes, kB));
    row('  pagefind.js, loaded before the search', kB(s.pagefindScriptBytes));
    row(
      '  JS heap after it (page and worker)',
      MB(s.pagefindJsHeapUsed),
      s.pagefindWasmMemory ? `wasm memory ${MB(s.pagefindWasmMemory)}` : 'wasm memory: in its worker, not reached',
    );
    if (s.pagefindKeystrokes) {
      row(`Pagefind keystrokes, the same (${s.pagefindKeystrokes} in all)`, `p50 ${ms(s.pagefindKeystrokeP50)}`, "search + 5 results' data, nothing drawn");
      row('', `p95 ${ms(s.pagefindKeystrokeP95)}`, `${s.pagefindKeystrokesFetching} of ${s.pagefindKeystrokes} fetched files`);
      row('', `max ${ms(s.pagefindKeystrokeMax)}`);
    }
    row('Marsad / Pagefind, first search typed: bytes', times(s.ratioBytes), 'as counted by the server', verdict('ratioBytes', (x) => `${x}×`));
    row('                                       latency', times(s.ratioMs));
    row('Marsad / Pagefind, first search pasted: bytes', times(s.ratioPastedBytes));
    row('                                        latency', times(s.ratioPastedMs));
  }
  lines.push(`first load, run 1, by kind (requests): ${by(first.load.breakdownBeforeDrawn)}`);
  lines.push(`first search typed, run 1, by kind: ${by(first.firstSearch.breakdown)}; hits: ${first.firstSearch.hits}`);
  lines.push(`first search pasted, run 1, by kind: ${by(first.firstSearchPasted.breakdown)}`);
  if (r.pagefind.runs[0]) {
    const p = r.pagefind.runs[0].firstSearch;
    lines.push(`Pagefind first search, run 1, by kind: ${by(p.breakdown)}; ${p.results} results`);
  }
  const late = [...r.runs.flatMap((x) => [...x.firstSearch.lateRequests, ...x.firstSearchPasted.lateRequests]), ...r.pagefind.runs.flatMap((x) => x.firstSearch.lateRequests)];
  if (late.length) {
    const names = [...new Set(late.map((u) => new URL(u).pathname))].join(', ');
    lines.push(`requests sent after a search was drawn (not counted): ${late.length} (${names})`);
  }
  const plain = r.runs.flatMap((x) => x.load.uncompressedText);
  if (plain.length) lines.push(`WARNING: text files served without gzip: ${[...new Set(plain)].join(', ')}`);
  return lines.join('\n');
}

function report() {
  const json = path.resolve(opt('json'));
  const command = opt('command');
  const files = [];
  for (let i = 1; i < args.length; i++) {
    if (args[i].startsWith('--')) i++;
    else files.push(args[i]);
  }
  const results = files.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
  const r0 = results[0];
  const header = [
    `Scale benchmark: ${command}`,
    `${r0?.browser ? `Chromium ${r0.browser}, headless` : ''}; ${r0?.machine.cpus} cores (load ${r0?.machine.load.map((x) => x.toFixed(1)).join(' ')}); ${r0?.latency ? `every response ${r0.latency} ms after its request (targets not applied)` : 'local host, no added latency'}; kB = 1000 bytes; medians of cold runs (fresh context, cache disabled).`,
  ];
  console.log(['', ...header, '', ...results.map((r) => table(r) + '\n')].join('\n'));
  fs.mkdirSync(path.dirname(json), { recursive: true });
  fs.writeFileSync(
    json,
    JSON.stringify({ command, date: new Date().toISOString(), sizes: Object.fromEntries(results.map((r) => [r.size, r])) }, null, 2) + '\n',
  );
  console.log(`written to ${json}`);
}

// Last, so that every constant above is defined.
if (args[0] === 'measure') await measure();
else if (args[0] === 'report') report();
else {
  console.error('usage: bench.mjs measure --size N --dist DIR --pages DIR --site DIR --build-seconds S [--runs K] --out FILE\n       bench.mjs report --command LINE --json OUT FILE...');
  process.exit(2);
}
