// Shared by the end-to-end tests and the screenshot script: a static HTTP server for dist/
// (mounted under a sub-path, to prove the app works at any sub-path of any static host), and
// headless Chromium with every request the page makes recorded.
//
// Every page opened here reports each `securitypolicyviolation` event (the page's
// Content-Security-Policy refusing something) into its `errors`, which the tests assert empty,
// and into a list that `serveAndLaunch` (or `failOnPolicyViolations`) checks after each test, so
// that a violation fails the test that caused it even where `errors` is not asserted.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { before, after, afterEach } from 'node:test';
import { chromium } from 'playwright-core';

export const SUB_PATH = '/some/sub/path/';

// The five seed articles. Tests name them and never assume they are the only articles, so the
// suite passes with articles added to seeds/.
export const SEED_IDS = ['k24-hmc-launch', 'unattributed-biden-sudani', 'alain-first-round', 'shafaq-mission-end', 'infoplus-second-dialogue'];

/** The seeds among `ids`, in their order: an exact expectation about the seeds, whatever else is there. */
export const seedsOf = (ids) => ids.filter((id) => SEED_IDS.includes(id));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The seeds README's "Adding an article" example, as its steps give it: the file name, its text,
 * and the catalog lines to append (its outlet, then its article).
 */
export function readmeExample() {
  const root = path.resolve(import.meta.dirname, '../..');
  const readme = fs.readFileSync(path.join(root, 'seeds/README.md'), 'utf8');
  const start = readme.indexOf('## Adding an article');
  const section = readme.slice(start, readme.indexOf('\n# ', start));
  const file = section.match(/saved as\s*`([^`]+\.txt)`/)[1];
  const text = section.match(/```text\n([\s\S]*?)```/)[1];
  const toml = section.match(/```toml\n([\s\S]*?)```/)[1];
  return { file, text, toml };
}

/**
 * Serves the built app's code with its data rebuilt from `seeds` by the build step, in
 * `dir`/dist (the page finds the new data by data/current). `what` names the seeds in the error
 * thrown if the build step rejects them, which carries its message. Resolves as `serveDist`.
 */
export function serveWithData(seeds, dir, what) {
  const root = path.resolve(import.meta.dirname, '../..');
  const ingest = process.env.MARSAD_INGEST || path.join(root, 'target/release/marsad-ingest');
  const dist = process.env.MARSAD_DIST || path.join(root, 'dist');
  const out = path.join(dir, 'dist');
  fs.cpSync(dist, out, { recursive: true, filter: (p) => !p.startsWith(path.join(dist, 'data')) });
  const built = spawnSync(ingest, ['bundle', seeds, path.join(out, 'data')], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`the build step rejects ${what}:\n${built.stderr}`);
  const index = path.join(out, 'index.html');
  const html = fs.readFileSync(index, 'utf8')
    .replace(/<meta name="marsad-data"[^>]*>/, '')
    .replace(/<link rel="preload" href="data\/[^"]*"[^>]*>/, '');
  fs.writeFileSync(index, html);
  return serveDist(out);
}

/** Serves `dist` under SUB_PATH on 127.0.0.1 and a free port. Resolves to { origin, url, close }. */
export function serveDist(given = process.env.MARSAD_DIST || 'dist') {
  // Normalised, so that a path such as $PWD/../../dist passes the check below that every file
  // served lies inside it.
  const dist = path.resolve(given);
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    throw new Error(`${dist}/index.html is missing: build first (cargo xtask build)`);
  }
  // Large enough for the hostile-link test's 100 KB values (600 KB once percent-encoded).
  const server = http.createServer({ maxHeaderSize: 4 * 1024 * 1024 }, (req, res) => {
    const { pathname } = new URL(req.url, 'http://x');
    if (!pathname.startsWith(SUB_PATH)) {
      res.writeHead(404).end('not found');
      return;
    }
    let rel = decodeURIComponent(pathname.slice(SUB_PATH.length)) || 'index.html';
    const file = path.join(dist, path.normalize(rel));
    if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const origin = `http://127.0.0.1:${server.address().port}`;
      resolve({ origin, url: origin + SUB_PATH, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

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

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

/** The prefix of the console line by which a page reports a policy violation. */
export const VIOLATION = 'securitypolicyviolation:';

/** Policy violations seen since the last check, over every page this file opened. */
const violations = [];

/** Returns the violations seen since the last call (or check) and forgets them. */
export function takeViolations() {
  return violations.splice(0);
}

/** After each test of the file: fails it when any page reported a policy violation. */
export function failOnPolicyViolations() {
  afterEach(() => {
    const seen = takeViolations();
    if (seen.length) throw new Error(`Content-Security-Policy violations:\n${seen.join('\n')}`);
  });
}

/**
 * Registered before any page script runs (through the DevTools protocol, which the page's policy
 * does not govern): reports each violation of the page's policy on the console.
 */
function reportViolations() {
  addEventListener(
    'securitypolicyviolation',
    (e) => console.error(`securitypolicyviolation: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample || ''}`),
    true,
  );
}

/** Records a page's errors, console errors and policy violations into `errors`. */
export function watch(page, errors) {
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    errors.push(m.text());
    if (m.text().startsWith(VIOLATION)) violations.push(`${page.url().slice(0, 200)}: ${m.text()}`);
  });
}

/** A fresh browser context whose pages report policy violations (see `watch`). */
export async function newContext(browser, options = {}) {
  const context = await browser.newContext(options);
  await context.addInitScript(reportViolations);
  return context;
}

/**
 * Opens `url` in a fresh browser context (a fresh session: no cookies, storage or history) and
 * waits until the app has rendered. Every request and every page error is recorded: `errors`
 * has uncaught errors and console errors, `pageErrors` the uncaught ones only (a request a test
 * makes fail logs a console error). `options.routes`, `[pattern, handler]` pairs, are routed in
 * the context before the page opens.
 */
export async function openFresh(browser, url, options = {}) {
  const context = await newContext(browser, { viewport: options.viewport || { width: 1280, height: 900 } });
  for (const [pattern, handler] of options.routes || []) await context.route(pattern, handler);
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  const pageErrors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  watch(page, errors);
  await page.goto(url);
  await page.waitForSelector('main#main > *');
  await page.evaluate(() => document.fonts.ready);
  return { context, page, requests, errors, pageErrors };
}

/**
 * Waits until the page has added the bold face of the Arabic font (`src/fonts.rs`) and it is
 * loaded; fails the test if that does not happen.
 */
export async function boldFaceLoaded(page) {
  await page.waitForFunction(() =>
    [...document.fonts].some(
      (f) => f.family.replace(/["']/g, '') === 'Marsad Naskh' && f.weight === '700' && f.status === 'loaded',
    ),
  );
}

/**
 * For a test file: serves dist/ and launches one browser before its tests, closes both after.
 * Returns an object whose `server` and `browser` are set once the tests run.
 */
export function serveAndLaunch() {
  const env = { server: null, browser: null };
  failOnPolicyViolations();
  before(async () => {
    env.server = await serveDist();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * Waits until the page has every file its view asked for (no `data-loading` on <html>) and the
 * view has drawn them (two animation frames later).
 */
export async function settled(page) {
  await page.waitForFunction(() => !document.documentElement.hasAttribute('data-loading'));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForFunction(() => !document.documentElement.hasAttribute('data-loading'));
}
