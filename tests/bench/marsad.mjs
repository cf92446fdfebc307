// Marsad in headless Chromium, cold: the first load until the library is drawn, a first search,
// keystrokes after it, and memory. One fresh context per run (nothing cached).

import { freshPage, memory, breakdown, sum } from './browser.mjs';

/** The first search: two common words of the corpus («the international coalition»). */
export const FIRST_QUERY = 'التحالف الدولي';
/** Typed letter by letter after the first search: 20 characters («the Iraqi prime minister»). */
export const TYPED_QUERY = 'رئيس الوزراء العراقي';

/**
 * Runs in the page before its scripts: `__bench.libraryDrawn`, the time the library is drawn, and
 * `__bench.resultsDrawn(q)`, whether the results of `q` are drawn (this query's results, with
 * their lines, the no-hits message, or the note that a word just begun is not searched yet).
 */
function marsadHooks() {
  // The library is drawn: a row with its headline's metadata, and nothing being fetched.
  window.__bench.libraryDrawn = window.__bench.whenStable(() => document.querySelector('.article-row .row-words'));
  window.__bench.resultsDrawn = (q) => {
    const r = document.querySelector('[data-testid=search-results]');
    return (
      r?.getAttribute('data-q') === q &&
      r.getAttribute('data-ready') === 'true' &&
      Boolean(
        document.querySelector('[data-testid=kwic]') ||
          document.querySelector('[data-testid=no-hits]') ||
          // Only a word just begun: nothing to search yet, and the note says so.
          document.querySelector('[data-testid=unfinished]'),
      )
    );
  };
}

/** Opens the app and waits until the library is drawn; returns the first load's numbers. */
async function load(s, app) {
  const t0 = performance.now();
  await s.page.goto(app.url);
  const drawnAt = await s.page.evaluate(() => window.__bench.libraryDrawn);
  s.net.setTimeOrigin(await s.page.evaluate(() => performance.timeOrigin));
  // What drawing the library still asks for (fonts are requested once text is laid out).
  await s.page.evaluate(() => document.fonts.ready);
  await s.net.idle();
  const served = app.sent(t0, performance.now());
  const all = s.net.list();
  const before = all.filter((r) => r.end !== null && r.end <= drawnAt);
  const fonts = (rs) => sum(rs.filter((r) => new URL(r.url).pathname.endsWith('.woff2')));
  return {
    libraryMs: drawnAt,
    bytesBeforeDrawn: sum(before),
    fontBytesBeforeDrawn: fonts(before),
    requestsBeforeDrawn: before.length,
    inFlightAtDrawn: all.filter((r) => r.sent <= drawnAt && (r.end === null || r.end > drawnAt)).length,
    bytesSettled: sum(all),
    fontBytesSettled: fonts(all),
    requestsSettled: all.length,
    serverBytesSettled: sum(served),
    breakdownBeforeDrawn: breakdown(before),
    breakdownSettled: breakdown(all),
    uncompressedText: all.filter((r) => /\.(js|wasm|css|html)$|\/$/.test(new URL(r.url).pathname) && r.encoding !== 'gzip').map((r) => r.url),
  };
}

/**
 * The requests sent in [from, to] (page times), and those sent after `to` (should be none).
 * The favicon is left out: Chromium asks for it again when the address changes, and with the
 * cache disabled that is a request no real visit would make.
 */
function window_(s, from, to) {
  const all = s.net.list().filter((r) => !new URL(r.url).pathname.endsWith('/favicon.svg'));
  return {
    during: all.filter((r) => r.sent >= from && r.sent <= to),
    late: all.filter((r) => r.sent > to),
  };
}

/**
 * The first search, cold: `query` typed into the search box with real key events (as fast as
 * the browser takes them, `paste` = the whole query in one input event), timed from the first
 * input event to the results drawn.
 */
async function firstSearch(s, app, query, paste) {
  const before = s.net.list().length;
  const t0 = performance.now();
  // Watching starts before the first key.
  await s.page.evaluate((q) => {
    window.__bench.inputAt = null;
    window.__bench.searched = window.__bench.whenStable(() => window.__bench.resultsDrawn(q));
  }, query);
  if (paste) {
    await s.page.evaluate((q) => {
      const input = document.querySelector('[data-testid=q]');
      input.focus();
      input.value = q;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, query);
  } else {
    await s.page.click('[data-testid=q]');
    await s.page.keyboard.type(query);
  }
  const doneAt = await s.page.evaluate(() => window.__bench.searched);
  const served = app.sent(t0, performance.now()).filter((r) => !r.path.endsWith('/favicon.svg'));
  const { inputAt, lastInputAt } = await s.page.evaluate(() => ({ inputAt: window.__bench.inputAt, lastInputAt: window.__bench.lastInputAt }));
  await s.net.idle(300);
  const { during, late } = window_(s, inputAt, doneAt);
  const hits = await s.page.evaluate(() => document.querySelector('[data-testid=hit-count]')?.textContent?.trim() || '');
  return {
    ms: doneAt - inputAt,
    typingMs: lastInputAt - inputAt,
    bytes: sum(during),
    serverBytes: sum(served),
    requests: during.length,
    breakdown: breakdown(during),
    lateRequests: late.map((r) => r.url),
    requestsBeforeSearch: before,
    hits,
    // Each request of the search, in the page's clock from the first key.
    timeline: during.map((r) => ({
      path: new URL(r.url).pathname,
      sent: +(r.sent - inputAt).toFixed(1),
      end: r.end === null ? null : +(r.end - inputAt).toFixed(1),
      bytes: r.bytes,
    })),
  };
}

/** Keystrokes after the first search: `query` typed letter by letter into an emptied box. */
async function keystrokes(s, query) {
  await s.page.evaluate(() => {
    const input = document.querySelector('[data-testid=q]');
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await s.page.waitForSelector('[data-testid=article-list]');
  await s.page.evaluate(() => window.__bench.whenStable(() => document.querySelector('.article-row .row-words')));
  await s.net.idle(300);
  const samples = [];
  const keys = [];
  const chars = [...query];
  for (let i = 1; i <= chars.length; i++) {
    const text = chars.slice(0, i).join('');
    const { t0, done } = await s.page.evaluate(async (q) => {
      const input = document.querySelector('[data-testid=q]');
      const drawn = window.__bench.whenStable(() => window.__bench.resultsDrawn(q));
      const t0 = performance.now();
      input.value = q;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      return { t0, done: await drawn };
    }, text);
    samples.push(done - t0);
    keys.push({ text, t0, done });
  }
  await s.net.idle(300);
  const { during } = window_(s, keys[0].t0, keys[keys.length - 1].done);
  const perKey = keys.map((k) => {
    const fetched = during.filter((r) => r.sent >= k.t0 && r.sent <= k.done);
    return {
      text: k.text,
      ms: +(k.done - k.t0).toFixed(2),
      requests: fetched.length,
      bytes: sum(fetched),
      // Each of its requests, in ms from the keystroke: when sent, when its body was in.
      fetches: fetched.map((r) => ({
        path: new URL(r.url).pathname.split('/').slice(-2).join('/'),
        sent: +(r.sent - k.t0).toFixed(1),
        end: r.end === null ? null : +(r.end - k.t0).toFixed(1),
      })),
    };
  });
  return { samples, bytes: sum(during), requests: during.length, perKey };
}

/** One cold run: load, first search typed, memory, keystrokes; then, fresh, the search pasted. */
export async function runOnce(browser, app) {
  const out = {};
  {
    const s = await freshPage(browser, marsadHooks);
    out.load = await load(s, app);
    out.firstSearch = await firstSearch(s, app, FIRST_QUERY, false);
    out.memory = await memory(s);
    out.keystrokes = await keystrokes(s, TYPED_QUERY);
    out.errors = s.errors;
    await s.context.close();
  }
  {
    const s = await freshPage(browser, marsadHooks);
    await load(s, app);
    out.firstSearchPasted = await firstSearch(s, app, FIRST_QUERY, true);
    out.errors.push(...s.errors);
    await s.context.close();
  }
  return out;
}
