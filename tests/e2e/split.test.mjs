// End-to-end tests of the page loaded in parts: the library is drawn with the library's code and
// the data's summary alone; a view's code is fetched the first time it is shown, and the facets
// file the first time something is filtered (or right after the first paint); what cannot be
// fetched is said so.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch, openFresh, settled } from './harness.mjs';

const env = serveAndLaunch();

/** The view modules among the requested URLs (`split_reader.wasm`, …), by name. */
const viewModules = (requests) =>
  requests.map((u) => new URL(u).pathname.split('/').pop()).filter((n) => /^(split_|chunk_).*\.wasm$/.test(n));

// Protects the first load: drawing the library fetches no view's code but the search results',
// fetched ahead once the rows are drawn; pointing at an article's headline starts fetching the
// reader's module (and no other view's), and following it draws the reader.
test('the library loads without any view code; the reader fetches its own module', async () => {
  const { context, page, requests, errors } = await openFresh(env.browser, env.server.url);
  await settled(page);
  await page.waitForSelector('.article-row .row-words');
  // Fetched ahead: maybe already (`requests` holds every request since the page opened).
  const isSearch = (u) => u.endsWith('/split_search.wasm');
  if (!requests.some(isSearch)) await page.waitForRequest((r) => isSearch(r.url()));
  // Also ahead, once the library is drawn: the reader of the files the first view does not draw
  // (with the first of them, the facets file), and the code that adds the bold face.
  for (const name of ['split_view_files.wasm', 'split_fonts.wasm']) {
    const is = (u) => u.endsWith(`/${name}`);
    if (!requests.some(is)) await page.waitForRequest((r) => is(r.url()));
  }
  const views = () => viewModules(requests).filter((n) => n.startsWith('split_')).sort();
  assert.deepEqual(
    views(),
    ['split_fonts.wasm', 'split_search.wasm', 'split_view_files.wasm'],
    'the library fetched no view module but the results of a search, the reader of later files and the bold face, ahead',
  );
  const headline = '.article-row[data-article=k24-hmc-launch] a.row-headline';
  const prefetched = page.waitForRequest((r) => r.url().endsWith('/split_reader.wasm'));
  await page.hover(headline);
  await prefetched;
  await page.click(headline);
  await page.waitForSelector('.reader[data-article=k24-hmc-launch] .para');
  const fetched = viewModules(requests);
  assert.ok(fetched.includes('split_reader.wasm'), `the reader's module was fetched: ${fetched}`);
  assert.ok(!fetched.some((n) => /^split_(compare|timeline|import)/.test(n)), `only the reader's: ${fetched}`);
  assert.deepEqual(errors, []);
  await context.close();
});

// Protects search on a bad connection: when the results' code cannot be fetched (neither ahead
// nor when typed), a search says so where its results would be, the box keeps the query, and
// "Try again" draws the results.
test('a search whose results code cannot be fetched says so, and Try again draws them', async () => {
  const { context, page, pageErrors } = await openFresh(env.browser, `${env.server.url}?lang=en`, {
    routes: [['**/split_search.wasm', (route) => route.abort('internetdisconnected')]],
  });
  await page.waitForSelector('.article-row');
  await page.fill('[data-testid=q]', 'التحالف');
  const notice = await page.waitForSelector('.results [data-testid=code-failed]');
  assert.match(await notice.textContent(), /could not be loaded/);
  assert.equal(await page.inputValue('[data-testid=q]'), 'التحالف');
  await context.unroute('**/split_search.wasm');
  await page.click('[data-testid=code-failed] button');
  await page.waitForSelector('[data-testid=search-results][data-ready=true] [data-testid=kwic]');
  assert.equal(await page.$('[data-testid=code-failed]'), null);
  assert.deepEqual(pageErrors, [], 'no uncaught error');
  await context.close();
});

// Protects "nothing is lost" on a bad connection: a view whose code cannot be fetched shows a
// notice instead of failing the page, and "Try again" fetches it and draws the view.
test('a view whose code cannot be fetched says so, and Try again draws it', async () => {
  const { context, page, pageErrors } = await openFresh(env.browser, `${env.server.url}?view=timeline&lang=en`, {
    routes: [['**/split_timeline.wasm', (route) => route.abort('internetdisconnected')]],
  });
  const notice = await page.waitForSelector('[data-testid=code-failed]');
  assert.match(await notice.textContent(), /could not be loaded/);
  assert.equal(await page.$('svg.timeline'), null);
  // The rest of the page still works: the header's language switch is there.
  assert.ok(await page.$('header'));
  await context.unroute('**/split_timeline.wasm');
  await page.click('[data-testid=code-failed] button');
  await page.waitForSelector('svg.timeline .tl-event');
  assert.equal(await page.$('[data-testid=code-failed]'), null);
  assert.deepEqual(pageErrors, [], 'no uncaught error');
  await context.close();
});

// Protects export on a bad connection: when the export code cannot be fetched, the control says
// so in its status line and nothing is downloaded; pressed again once the code can be fetched,
// it downloads the file.
test('an export whose code cannot be fetched says so, and pressing it again exports', async () => {
  const { context, page, pageErrors } = await openFresh(env.browser, `${env.server.url}?lang=en`, {
    routes: [['**/split_export.wasm', (route) => route.abort('internetdisconnected')]],
  });
  await page.waitForSelector('.article-row .row-words');
  await page.click('[data-testid=export-csv]');
  await page.waitForFunction(() => /could not be fetched/.test(document.querySelector('[data-testid=export-status]')?.textContent || ''));
  assert.equal(await page.getAttribute('[data-testid=export-csv]', 'aria-busy'), 'false');
  await context.unroute('**/split_export.wasm');
  const downloaded = page.waitForEvent('download');
  await page.click('[data-testid=export-csv]');
  const file = await downloaded;
  assert.match(file.suggestedFilename(), /\.csv$/);
  assert.deepEqual(pageErrors, [], 'no uncaught error');
  await context.close();
});

// Protects the reader on a bad connection: an article's files (its notes and text, and the
// facets file) are read by code in a module of its own; when it cannot be fetched, the reader
// names the file it could not read, and why, instead of drawing nothing.
test('an article whose files cannot be read for want of code says so', async () => {
  const { context, page, pageErrors } = await openFresh(env.browser, `${env.server.url}?view=read&article=k24-hmc-launch&lang=en`, {
    routes: [['**/split_view_files.wasm', (route) => route.abort('internetdisconnected')]],
  });
  const notice = await page.waitForSelector('[data-testid=not-loaded]');
  assert.match(await notice.textContent(), /(notes\/\d+|texts\/\d+|facets)\.bin: the code that reads it could not be fetched/);
  assert.deepEqual(pageErrors, [], 'no uncaught error');
  await context.close();
});

// Protects the first view and filtering: the unfiltered library (rows and facet counts) is drawn
// while the facets file is held back; a filter chosen then waits with a loading line, and is
// applied as soon as the file arrives.
test('the unfiltered library needs no facets file; a filter waits for it', async () => {
  let release;
  const held = new Promise((r) => { release = r; });
  const { context, page, errors } = await openFresh(env.browser, `${env.server.url}?lang=en`, {
    routes: [['**/facets.bin', async (route) => { await held; await route.continue(); }]],
  });
  await page.waitForSelector('.article-row[data-article=alain-first-round]');
  await page.waitForSelector('.article-row[data-article=k24-hmc-launch]');
  const alain = '.facet-value[data-outlet=alain]';
  const count = Number(await page.textContent(`${alain} .facet-count`));
  assert.ok(count >= 1, `Al-Ain's count is drawn from the summary: ${count}`);
  await page.click(`${alain} input`);
  await page.waitForSelector('main#main .loading');
  assert.equal(await page.$('.article-row'), null, 'no rows from an unchecked filter');
  release();
  await page.waitForSelector('.article-row[data-article=alain-first-round]');
  await settled(page);
  assert.equal(await page.$('.article-row[data-article=k24-hmc-launch]'), null, 'the filter applies');
  assert.equal(await page.$$eval('.article-row', (rows) => rows.length), count);
  assert.deepEqual(errors, []);
  await context.close();
});

// Protects "nothing is lost" for filtered links: a link with a filter whose facets file cannot be
// fetched says so (with the file's name) instead of showing every article as if unfiltered.
test('a filtered link whose facets file cannot be fetched says so', async () => {
  const { context, page, pageErrors } = await openFresh(env.browser, `${env.server.url}?outlet=alain&lang=en`, {
    routes: [['**/facets.bin', (route) => route.abort('internetdisconnected')]],
  });
  const notice = await page.waitForSelector('[data-testid=not-loaded]');
  assert.match(await notice.textContent(), /could not be loaded.*facets\.bin/s);
  assert.equal(await page.$('.article-row'), null);
  assert.deepEqual(pageErrors, [], 'no uncaught error');
  await context.close();
});

// Protects filtered rows on a bad connection: the words that made a row match are drawn by code
// in a module of its own, fetched only once a knowledge filter asks for them; when it cannot be
// fetched, each row says so with a way to try again, and the rows themselves are still listed.
test('evidence whose code cannot be fetched says so under its row, and Try again draws it', async () => {
  const { context, page, requests, pageErrors } = await openFresh(env.browser, `${env.server.url}?lang=en`, {
    routes: [['**/split_evidence.wasm', (route) => route.abort('internetdisconnected')]],
  });
  await settled(page);
  await page.waitForSelector('.article-row .row-words');
  assert.ok(!requests.some((u) => u.endsWith('/split_evidence.wasm')), 'the unfiltered library does not fetch it');
  await page.click('[data-facet=naming] [data-value=armed-groups] input');
  const row = '.article-row[data-article=k24-hmc-launch]';
  await page.waitForSelector(`${row} .evidence [data-testid=code-failed]`);
  assert.ok(await page.$(`${row} .row-headline`), 'the row is still listed');
  await context.unroute('**/split_evidence.wasm');
  await page.click(`${row} .evidence [data-testid=code-failed] button`);
  await page.waitForSelector(`${row} [data-facet=naming] .evidence-words`);
  assert.deepEqual(pageErrors, [], 'no uncaught error');
  await context.close();
});
