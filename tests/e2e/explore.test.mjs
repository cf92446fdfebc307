// End-to-end tests of the library's facets and search and of the annotated reader, done the way a
// researcher would: click facets, type a query, follow a result, switch language, share the link.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch, openFresh, settled } from './harness.mjs';

const env = serveAndLaunch();

/** Everything that defines what is on screen, for comparing two sessions. */
async function snapshot(page) {
  await settled(page);
  return page.evaluate(() => ({
    search: location.search,
    lang: document.documentElement.lang,
    q: document.querySelector('[data-testid=q]')?.value ?? null,
    rows: [...document.querySelectorAll('.article-row')].map((r) => r.getAttribute('data-article')),
    checked: [...document.querySelectorAll('.facet-value')].filter((l) => l.querySelector('input').checked).map((l) => l.getAttribute('data-value')),
    kwic: [...document.querySelectorAll('[data-testid=kwic]')].map((k) => k.textContent),
    reader: document.querySelector('.reader')?.getAttribute('data-article') ?? null,
    linked: document.querySelector('.para.linked')?.id ?? null,
    layers: [...document.querySelectorAll('.layer-toggle')].filter((l) => l.querySelector('input').checked).map((l) => l.getAttribute('data-layer')),
    marks: [...document.querySelectorAll('mark.ann')].map((m) => `${m.className}|${m.textContent}`),
  }));
}

/** Types `q` into the search box (one input event) and waits until its results are drawn. */
async function searchFor(page, q) {
  await page.fill('[data-testid=q]', q);
  await page.waitForFunction(
    (q) => {
      const r = document.querySelector('[data-testid=search-results]');
      return r?.getAttribute('data-q') === q && r.getAttribute('data-ready') === 'true' && !document.documentElement.hasAttribute('data-loading');
    },
    q,
  );
}

// Acceptance: "find every article that names the armed groups and see the wording each uses".
test('the naming facet finds every article that names the armed groups, with each wording', async () => {
  const { context, page, errors } = await openFresh(env.browser, env.server.url + '?lang=en');
  await page.click('[data-facet=naming] [data-value=armed-groups] input');
  // Every listed article shows the words that made it match (they arrive with its files).
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('.article-row')];
    return new URL(location.href).searchParams.get('naming') === 'armed-groups'
      && rows.length > 0 && rows.every((r) => r.querySelector('[data-facet=naming] .evidence-words'));
  });
  const wording = await page.$$eval('.article-row', (rows) =>
    Object.fromEntries(rows.map((r) => [r.getAttribute('data-article'), [...r.querySelectorAll('[data-facet=naming] .evidence-words')].map((w) => w.textContent)])),
  );
  for (const id of ['k24-hmc-launch', 'unattributed-biden-sudani', 'alain-first-round']) {
    assert.ok(id in wording, `${id} names the armed groups`);
  }
  for (const id of ['shafaq-mission-end', 'infoplus-second-dialogue']) {
    assert.ok(!(id in wording), `${id} never names them`);
  }
  assert.ok(wording['k24-hmc-launch'].includes('الميليشيات العراقية'));
  assert.ok(wording['unattributed-biden-sudani'].includes('المقاومة الإسلامية في العراق'));
  assert.ok(wording['alain-first-round'].some((w) => w.includes('موالية لإيران')));
  // The wordings themselves are facet values now, with counts.
  const nested = await page.$$eval('[data-facet=naming] .facet-value.nested', (ls) => ls.length);
  assert.ok(nested >= 5, `${nested} wordings listed`);
  // A chip leads to the exact words in the reader, with the naming layer on.
  await page.click('.article-row[data-article=k24-hmc-launch] [data-facet=naming] .evidence-chip');
  await page.waitForSelector('.reader[data-article=k24-hmc-launch]');
  const s = await snapshot(page);
  assert.ok(s.layers.includes('naming'));
  assert.ok(s.linked, 'the paragraph of the words is marked');
  assert.ok(s.marks.some((m) => m.includes('ann-naming') && m.endsWith('الميليشيات العراقية')));
  assert.deepEqual(errors, []);
  await context.close();
});

// Acceptance: search the HMC's name and see the Persian-yeh spelling highlighted; open a
// paragraph link from a result; switch language; the copied link reopens the identical view.
test('search highlights the Persian-yeh spelling; a result opens its paragraph; the link survives', async () => {
  const { context, page, errors } = await openFresh(env.browser, env.server.url);
  await page.fill('[data-testid=q]', 'اللجنة العسكرية العليا');
  await page.waitForSelector('[data-testid=kwic]');
  await page.waitForSelector('.kwic-article[data-article=k24-hmc-launch] mark.hit');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'q', 'typing keeps the focus in the box');
  // The best lines come first; the rest of an article's matches are a click away.
  await page.click('.kwic-article[data-article=k24-hmc-launch] [data-testid=kwic-more]');
  const persian = await page.$$eval('.kwic-article[data-article=k24-hmc-launch] mark.hit', (ms) => ms.map((m) => m.textContent));
  assert.ok(persian.includes('العسكریة') && persian.includes('العلیا'), `Persian yeh highlighted: ${persian}`);
  // The link follows once typing pauses, replacing the current entry.
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'اللجنة العسكرية العليا');
  const historyAfterTyping = await page.evaluate(() => history.length);

  // Open the Persian-yeh paragraph of Kurdistan24.
  const link = page.locator('.kwic-article[data-article=k24-hmc-launch] [data-testid=kwic]', { hasText: 'العلیا' }).first();
  await link.click();
  await page.waitForSelector('.reader[data-article=k24-hmc-launch] .para.linked');
  const reader = await snapshot(page);
  assert.match(reader.search, /view=read&article=k24-hmc-launch&p=\d+/);
  assert.ok(reader.marks.some((m) => m.includes('ann-search') && m.endsWith('العلیا')), 'the hit is marked in the reader');
  assert.equal(await page.evaluate(() => history.length), historyAfterTyping + 1, 'following a result pushes one entry; typing pushed none');

  // Switch language, then share.
  await page.click('[data-testid=lang-switch]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.origin });
  await page.click('[data-testid=copy-link]');
  await page.waitForFunction(() => document.querySelector('[data-testid=copy-link]').textContent === 'Link copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const before = await snapshot(page);
  assert.equal(before.lang, 'en');
  const fresh = await openFresh(env.browser, copied);
  await fresh.page.waitForSelector('.reader .para.linked');
  assert.deepEqual(await snapshot(fresh.page), before, 'identical view in a fresh session');
  await fresh.context.close();
  assert.deepEqual(errors, []);
  await context.close();
});

// A new word's first letter, or its article with at most one letter after it, does not narrow the
// results (no "no results" flash while typing, no matches for whatever begins with «ال»), and the
// note under the count says why; the note goes once the word has two letters of its own.
test('a word just begun does not narrow the results, and says so', async () => {
  const { context, page, errors } = await openFresh(env.browser, `${env.server.url}?lang=en`);
  const results = async (q) => {
    await searchFor(page, q);
    return page.evaluate(() => ({
      count: document.querySelector('[data-testid=hit-count]')?.textContent.trim(),
      articles: [...document.querySelectorAll('.kwic-article')].map((a) => a.getAttribute('data-article')),
      note: document.querySelector('[data-testid=unfinished]')?.textContent ?? null,
      noHits: Boolean(document.querySelector('[data-testid=no-hits]')),
    }));
  };
  const finished = await results('اللجنة ');
  assert.ok(finished.articles.length > 0 && finished.note === null, JSON.stringify(finished));
  for (const begun of ['ا', 'ال', 'الع', 'وال']) {
    const r = await results(`اللجنة ${begun}`);
    assert.deepEqual(
      { ...r, note: null },
      finished,
      `«اللجنة ${begun}» finds what «اللجنة» finds`,
    );
    assert.equal(r.note, `“${begun}” is not searched yet: type another letter, or a space after it.`);
  }
  const narrowed = await results('اللجنة العس');
  assert.equal(narrowed.note, null);
  assert.ok(narrowed.articles.length > 0 && !narrowed.noHits);
  // Alone, a word just begun is not "no results": there is nothing to search yet.
  const alone = await results('ال');
  assert.equal(alone.noHits, false);
  assert.equal(alone.note, '“ال” is not searched yet: type another letter, or a space after it.');
  assert.deepEqual(errors, []);
  await context.close();
});

// While a word is typed, an article that stays in the results keeps its row: the row moves with
// its article when the order changes (it is not another article's row rewritten), its lines are
// kept where they read the same, and its links follow the query.
test('a keystroke keeps each article row on screen, moved with its article, with links that follow the query', async () => {
  const { context, page, errors } = await openFresh(env.browser, `${env.server.url}?lang=en`);
  let kept = 0;
  // Narrowing keystrokes (the order of the seeds' articles changes at some of them), then a
  // word just begun, which searches the same.
  for (const [from, to] of [['السودا', 'السوداني'], ['العر', 'العرا'], ['التح', 'التحا'], ['اللجنة', 'اللجنة ا']]) {
    await searchFor(page, from);
    await page.evaluate(() => {
      for (const row of document.querySelectorAll('.kwic-article')) {
        row.__was = row.getAttribute('data-article');
        row.__lines = [...row.querySelectorAll('[data-testid=kwic]')].map((a) => a.innerHTML);
        for (const a of row.querySelectorAll('[data-testid=kwic]')) a.closest('li').__was = a.innerHTML;
      }
    });
    await searchFor(page, to);
    const r = await page.evaluate((q) => {
      const rows = [...document.querySelectorAll('.kwic-article')];
      const hrefQ = (a) => new URL(a.getAttribute('href'), location.href).searchParams.get('q');
      return {
        kept: rows.filter((row) => row.__was !== undefined).length,
        rewritten: rows.filter((row) => row.__was !== undefined && row.__was !== row.getAttribute('data-article')).map((row) => `${row.__was} → ${row.getAttribute('data-article')}`),
        // A line that reads as it did is the element it was, not a new one.
        linesRedrawn: rows.filter((row) => row.__was !== undefined).flatMap((row) =>
          [...row.querySelectorAll('[data-testid=kwic]')].filter((a) => a.closest('li').__was === undefined && row.__lines.includes(a.innerHTML)).map((a) => a.textContent),
        ),
        staleLinks: [...document.querySelectorAll('.kwic-title, [data-testid=kwic]')].filter((a) => hrefQ(a) !== q).length,
      };
    }, to);
    assert.deepEqual(r.rewritten, [], `«${from}» → «${to}»: no row shows another article than it did`);
    assert.deepEqual(r.linesRedrawn, [], `«${from}» → «${to}»: unchanged lines are kept`);
    assert.equal(r.staleLinks, 0, `«${to}»: every link carries the query`);
    kept += r.kept;
  }
  assert.ok(kept > 0, 'articles that stay in the results keep their rows');
  assert.deepEqual(errors, []);
  await context.close();
});

// Results ordered by outlet are grouped under each outlet with its number of hits; the order is in
// the link; the count above them reads as English.
test('search results can be grouped by outlet, with hits per outlet', async () => {
  const q = encodeURIComponent('اللجنة العسكرية العليا');
  const { context, page, errors } = await openFresh(env.browser, `${env.server.url}?q=${q}&lang=en`);
  await page.waitForSelector('[data-testid=kwic]');
  await page.click('[data-testid=sort] [data-sort=outlet]');
  await page.waitForSelector('.outlet-group[data-outlet=kurdistan24] [data-testid=outlet-hits]');
  assert.equal(new URL(page.url()).searchParams.get('sort'), 'outlet');
  const groups = await page.$$eval('.outlet-group', (gs) => gs.map((g) => g.getAttribute('data-outlet')));
  for (const o of ['kurdistan24', 'alain', 'unattributed']) {
    assert.ok(groups.includes(o), `${o} has hits: ${groups}`);
  }
  assert.equal(new Set(groups).size, groups.length, 'each outlet once');
  // The count above the results: its nouns agree with its numbers.
  const count = (await page.textContent('[data-testid=hit-count]')).trim();
  const m = count.match(/^(\d+) matching paragraphs? in (\d+) articles?$/);
  assert.ok(m, count);
  assert.equal(/paragraphs /.test(count), m[1] !== '1', count);
  assert.equal(/articles$/.test(count), m[2] !== '1', count);
  assert.deepEqual(errors, []);
  await context.close();
});

// A search the filters hide says why and offers to drop the filter that hides it.
test('an empty result names the filter that hides the matches and drops it', async () => {
  const { context, page } = await openFresh(env.browser, `${env.server.url}?outlet=alain&q=${encodeURIComponent('حرير')}&lang=en`);
  await page.waitForSelector('[data-testid=no-hits]');
  assert.match(await page.textContent('[data-testid=no-hits]'), /hidden by the current filters/);
  await page.click('[data-testid=drop-filter]');
  await page.waitForSelector('[data-testid=kwic]');
  assert.equal(new URL(page.url()).searchParams.get('outlet'), null);
  await context.close();
});

// The reader's layers explain themselves: label, rationale, exact words, and where else.
test('a highlight shows its label, rationale and where else it appears', async () => {
  const { context, page } = await openFresh(env.browser, `${env.server.url}?article=infoplus-second-dialogue&layers=techniques,reuse&lang=en`);
  const mark = page.locator('mark.ann-techniques', { hasText: 'ما يسمى بالتحالف الدولي' }).first();
  await mark.focus();
  await page.waitForSelector('[data-testid=details] .detail-techniques');
  const detail = await page.textContent('[data-testid=details]');
  assert.match(detail, /Doubt/);
  assert.match(detail, /so-called/);
  assert.match(detail, /Also appears in/);
  await context.close();

  const k24 = await openFresh(env.browser, `${env.server.url}?article=k24-hmc-launch&layers=reuse&lang=en`);
  await k24.page.locator('mark.ann-reuse').first().click();
  await k24.page.waitForSelector('[data-testid=details] .detail-reuse');
  assert.match(await k24.page.textContent('[data-testid=details]'), /Shared with Al-Ain News/);
  await k24.context.close();
});
