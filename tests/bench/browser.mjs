// Headless Chromium for the scale benchmark: a fresh context per run with the HTTP cache
// disabled, every response's transfer size from the DevTools protocol, and the page's WebAssembly
// memories and JavaScript heap.

import fs from 'node:fs';
import { chromium } from 'playwright-core';

// The flags of tests/e2e/harness.mjs (this directory has its own node_modules, so it does not
// import that file).
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launch() {
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) throw new Error(`${executablePath} not found (set CHROMIUM)`);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

/**
 * Runs in the page before any of its scripts: keeps every WebAssembly memory the page
 * instantiates (exported by the module: wasm-bindgen's and Pagefind's both export theirs), and
 * defines `__bench.whenStable(cond)`, which resolves to the `performance.now()` of the first
 * moment `cond()` held with no `data-loading` on <html> and still held two frames later (a state
 * that flickers away is not the drawn state).
 */
function pageHooks() {
  const bench = (window.__bench = { memories: [], inputAt: null, lastInputAt: null });
  const keep = (p) =>
    p.then((r) => {
      const instance = r instanceof WebAssembly.Instance ? r : r.instance;
      for (const v of Object.values(instance?.exports || {})) {
        if (v instanceof WebAssembly.Memory) bench.memories.push(v);
      }
      return r;
    });
  const streaming = WebAssembly.instantiateStreaming;
  if (streaming) WebAssembly.instantiateStreaming = function (...a) { return keep(streaming.apply(this, a)); };
  const plain = WebAssembly.instantiate;
  WebAssembly.instantiate = function (...a) { return keep(plain.apply(this, a)); };
  bench.wasmBytes = () => bench.memories.reduce((n, m) => n + m.buffer.byteLength, 0);

  bench.whenStable = (cond) =>
    new Promise((resolve) => {
      let candidate = null;
      const loading = () => document.documentElement?.hasAttribute('data-loading');
      const holds = () => !loading() && cond();
      const check = () => {
        if (!holds()) {
          candidate = null;
          return;
        }
        if (candidate !== null) return;
        const mine = (candidate = performance.now());
        requestAnimationFrame(() =>
          requestAnimationFrame(() =>
            setTimeout(() => {
              if (candidate === mine && holds()) {
                obs.disconnect();
                resolve(mine);
              }
            }, 0),
          ),
        );
      };
      const obs = new MutationObserver(check);
      obs.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      check();
    });

  // The times of the first and the last input event in the search box (keystrokes).
  document.addEventListener(
    'input',
    (e) => {
      if (!e.target?.matches?.('[data-testid=q]')) return;
      if (bench.inputAt === null) bench.inputAt = e.timeStamp;
      bench.lastInputAt = e.timeStamp;
    },
    true,
  );
}

/**
 * A fresh context and page with the hooks installed (and `moreHooks`, run after them), the cache disabled and every request
 * recorded: { context, page, cdp, net }.
 */
export async function freshPage(browser, moreHooks = null) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.addInitScript(pageHooks);
  if (moreHooks) await page.addInitScript(moreHooks);
  const cdp = await context.newCDPSession(page);
  const net = await recordNetwork(cdp);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Performance.enable');
  return { context, page, cdp, net, errors };
}

/**
 * Records every request of a page through the DevTools protocol: its URL, when it was sent and
 * finished, and `encodedDataLength` from `Network.loadingFinished` (the bytes received for it,
 * compressed as sent, response headers included). Times are in the page's own clock
 * (`performance.now()`, from navigation start), once `setTimeOrigin` is called.
 */
async function recordNetwork(cdp) {
  const requests = new Map();
  let epochMinusMonotonic = null; // ms
  let lastEvent = Date.now();
  const on = {
    'Network.requestWillBeSent': (e) => {
      epochMinusMonotonic ??= e.wallTime * 1000 - e.timestamp * 1000;
      // `data:` URLs (an inline image in the stylesheet) are not transfers.
      if (!/^https?:/.test(e.request.url)) return;
      requests.set(e.requestId, { url: e.request.url, sent: e.timestamp * 1000, end: null, bytes: 0, failed: false, encoding: null, status: null });
    },
    'Network.responseReceived': (e) => {
      const r = requests.get(e.requestId);
      if (!r) return;
      r.status = e.response.status;
      const h = Object.fromEntries(Object.entries(e.response.headers || {}).map(([k, v]) => [k.toLowerCase(), v]));
      r.encoding = h['content-encoding'] || null;
      r.type = h['content-type'] || null;
    },
    'Network.loadingFinished': (e) => {
      const r = requests.get(e.requestId);
      if (!r) return;
      r.end = e.timestamp * 1000;
      r.bytes = e.encodedDataLength;
    },
    'Network.loadingFailed': (e) => {
      const r = requests.get(e.requestId);
      if (!r) return;
      r.end = e.timestamp * 1000;
      r.failed = e.errorText || true;
    },
  };
  for (const [method, handle] of Object.entries(on)) {
    cdp.on(method, (e) => {
      lastEvent = Date.now();
      handle(e);
    });
  }
  // Web workers (Pagefind searches in one) fetch on their own: each is attached as it starts,
  // paused until its network is recorded too, and its events go through the same handlers (a
  // worker's own script is announced by the page and finished by the worker: one request id).
  let id = 0;
  const replies = new Map();
  const workers = [];
  cdp.on('Target.attachedToTarget', async (e) => {
    const send = (method, params = {}) => {
      const n = ++id;
      const reply = new Promise((resolve) => replies.set(n, resolve));
      cdp.send('Target.sendMessageToTarget', { sessionId: e.sessionId, message: JSON.stringify({ id: n, method, params }) });
      return reply;
    };
    workers.push({ url: e.targetInfo.url, send });
    await send('Network.enable');
    await send('Network.setCacheDisabled', { cacheDisabled: true });
    await send('Runtime.runIfWaitingForDebugger');
  });
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message);
    if (m.id && replies.has(m.id)) {
      replies.get(m.id)(m.result ?? { error: m.error });
      replies.delete(m.id);
    } else if (on[m.method]) {
      lastEvent = Date.now();
      on[m.method](m.params);
    }
  });
  await cdp.send('Network.enable');
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
  let timeOrigin = null; // the page's performance.timeOrigin (epoch ms)
  const net = {
    requests,
    workers,
    /** Sets the page's clock: `performance.timeOrigin` of the current document. */
    setTimeOrigin(t) {
      timeOrigin = t;
    },
    /** A protocol timestamp (monotonic ms) in the page's clock. */
    pageTime(monotonic) {
      return monotonic + epochMinusMonotonic - timeOrigin;
    },
    /** Requests as plain values with page times: { url, sent, end, bytes, failed, encoding }. */
    list() {
      return [...requests.values()].map((r) => ({
        ...r,
        sent: net.pageTime(r.sent),
        end: r.end === null ? null : net.pageTime(r.end),
      }));
    },
    /** Resolves once nothing is in flight and nothing new happened for `quietMs`. */
    async idle(quietMs = 500, timeoutMs = 60000) {
      const started = Date.now();
      for (;;) {
        // A worker's own script may finish before the worker's network is recorded: a started
        // worker has its script.
        const running = new Set(workers.map((w) => w.url));
        const busy = [...requests.values()].some((r) => r.end === null && !running.has(r.url));
        if (!busy && Date.now() - lastEvent >= quietMs) return;
        if (Date.now() - started > timeoutMs) {
          const pending = [...requests.values()].filter((r) => r.end === null).map((r) => r.url);
          throw new Error(`the network did not go idle: ${pending.join(', ') || 'events kept coming'}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
  return net;
}

/**
 * JS heap in use (after a garbage collection) and the page's WebAssembly memory, in bytes; and
 * the JS heap in use in the page's workers (the WebAssembly memory of a worker is out of reach).
 */
export async function memory(s) {
  await s.cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await s.cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  const wasm = await s.page.evaluate(() => window.__bench.wasmBytes());
  let workersHeap = 0;
  for (const w of s.net.workers) {
    await w.send('HeapProfiler.collectGarbage');
    workersHeap += (await w.send('Runtime.getHeapUsage')).usedSize || 0;
  }
  return { jsHeapUsed: m.JSHeapUsedSize, jsHeapTotal: m.JSHeapTotalSize, wasmMemory: wasm, workers: s.net.workers.length, workersHeap };
}

/** What a request is, for the breakdowns: document, js, wasm, css, font, or the data file kind. */
export function kindOf(url) {
  const p = new URL(url).pathname;
  const data = p.match(/\/data\/[^/]+\/(summary|facets|lenses|meta|terms|texts|notes)\b/);
  if (data) return data[1];
  if (p.includes('/pagefind/')) {
    if (p.endsWith('-worker.js')) return 'pagefind worker';
    if (p.endsWith('.js')) return 'pagefind.js';
    if (p.includes('/wasm.')) return 'pagefind wasm';
    if (p.endsWith('.json')) return 'pagefind entry';
    if (p.endsWith('.pf_meta')) return 'pagefind meta';
    if (p.includes('/index/')) return 'pagefind index';
    if (p.includes('/fragment/')) return 'pagefind fragments';
    return 'pagefind other';
  }
  if (p.endsWith('.woff2')) return 'fonts';
  if (p.endsWith('.wasm')) return 'wasm';
  if (p.endsWith('.js')) return 'js';
  if (p.endsWith('.css')) return 'css';
  if (p.endsWith('.svg')) return 'svg';
  if (p.endsWith('/') || p.endsWith('.html')) return 'html';
  return 'other';
}

/** Bytes and request count per kind. */
export function breakdown(requests) {
  const out = {};
  for (const r of requests) {
    const k = kindOf(r.url);
    out[k] ??= { bytes: 0, requests: 0 };
    out[k].bytes += r.bytes;
    out[k].requests += 1;
  }
  return out;
}

export const sum = (requests) => requests.reduce((n, r) => n + r.bytes, 0);
