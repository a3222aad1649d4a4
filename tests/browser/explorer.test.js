// Browser test of the web explorer: starts `parley serve` on a loopback port,
// drives Debian's chromium with playwright-core, and writes screenshots.
//   node explorer.test.js PARLEY_BINARY DB ARTIFACTS_DIR
// Steps: load the explorer, search for a speaker, open the speaker's page,
// open a quote's article and see the quote highlighted; open an article whose
// text holds <script> and <img onerror> and check they show as text and never
// run; draw the network and the map; list speakers, reported quotes and
// events, and draw an actor pair's cooperation–conflict timeline.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const [parley, db, artifacts] = process.argv.slice(2);
const CHROMIUM = process.env.PARLEY_CHROMIUM || '/usr/bin/chromium';
fs.mkdirSync(artifacts, { recursive: true });

function startServer() {
  return new Promise((resolve, reject) => {
    const proc = spawn(parley, ['serve', '--db', db, '--port', '0', '--host', '127.0.0.1'],
      { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    const timer = setTimeout(() => reject(new Error('server did not start: ' + err)), 30000);
    proc.stderr.on('data', (d) => {
      err += d;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(err);
      if (m) { clearTimeout(timer); resolve({ proc, base: `http://127.0.0.1:${m[1]}` }); }
    });
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}: ${err}`)); });
  });
}

function check(cond, what) {
  if (!cond) throw new Error('FAILED: ' + what);
  console.log('ok - ' + what);
}

async function main() {
  const { proc, base } = await startServer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage'],
  });
  const dialogs = [];
  const pageErrors = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(15000);
    page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const shot = (name) => page.screenshot({ path: path.join(artifacts, name), fullPage: true });
    const ready = (hash) => page.waitForFunction((h) => document.body.dataset.ready === h, hash);

    await page.goto(base + '/');
    await ready('/');
    check(await page.textContent('h1') === 'Corpus overview', 'explorer loads the overview');
    await shot('01-overview.png');

    await page.fill('#search', 'Baigaliyev');
    await page.press('#search', 'Enter');
    await ready('/search?q=Baigaliyev');
    const speakerLink = page.locator('a.speaker-link', { hasText: 'Baigaliyev' });
    check(await speakerLink.count() === 1, 'search finds the speaker Baigaliyev');
    await shot('02-search.png');

    await speakerLink.click();
    await ready('/speaker/Baigaliyev');
    await page.waitForSelector('li.quote');
    const quotes = page.locator('li.quote');
    check(await quotes.count() >= 2, 'speaker page lists the quotes');
    check(await page.locator('svg.timeline-chart rect.bar').count() >= 1, 'speaker page draws a timeline');
    const quoteText = (await quotes.first().locator('.quote-text').textContent()).trim();
    await shot('03-speaker.png');

    await quotes.first().locator('a.open-article').click();
    await page.waitForSelector('.article-text .hl-quote.selected');
    const selected = (await page.locator('.article-text .hl-quote.selected').allTextContents()).join('');
    check(selected.includes(quoteText.slice(0, 40)), 'the opened quote is highlighted in its article');
    check(await page.locator('.article-text .hl-speaker').count() >= 1, 'speakers are highlighted');
    check(await page.locator('.article-text .hl-GPE, .article-text .hl-PER').count() >= 1, 'entities are highlighted');
    await shot('04-article.png');

    await page.fill('#search', 'newsroom');
    await page.press('#search', 'Enter');
    await ready('/search?q=newsroom');
    await page.waitForSelector('ul.list li a[href^="#/article/"]');
    await page.locator('ul.list li a[href^="#/article/"]').first().click();
    await page.waitForSelector('.article-text');
    const text = await page.textContent('.article-text');
    check(text.includes('<script>alert(1)</script>'), 'injected <script> is shown as text');
    check(text.includes('<img src=x onerror="alert(2)">'), 'injected <img onerror> is shown as text');
    check(await page.locator('main script, main img').count() === 0, 'no element was made from article text');
    await page.waitForTimeout(300);
    await shot('05-injection.png');

    await page.goto(base + '/#/network');
    await ready('/network');
    check(await page.locator('svg.network circle').count() >= 2, 'network draws entities');
    await shot('06-network.png');
    await page.goto(base + '/#/map');
    await ready('/map');
    check(await page.locator('svg.map path.land').count() > 50, 'map draws the world outline');
    check(await page.locator('svg.map circle.place').count() >= 1, 'map draws geocoded places');
    await shot('07-map.png');

    await page.goto(base + '/#/speakers');
    await ready('/speakers');
    await page.waitForSelector('a.speaker-link');
    check(await page.locator('a.speaker-link', { hasText: 'Baigaliyev' }).count() === 1, 'speakers list the quoted people');
    await page.goto(base + '/#/reported');
    await ready('/reported');
    check(await page.textContent('h1') === 'Quotes reported by several outlets', 'reported quotes view loads');
    await page.goto(base + '/#/events');
    await ready('/events');
    await page.waitForSelector('li.event');
    check(await page.locator('li.event .gs').count() >= 1, 'events view lists grouped events with their Goldstein score');
    const dyadLink = page.locator('a.dyad-link').first();
    check(await dyadLink.count() === 1, 'events view lists actor pairs');
    await shot('08-events.png');
    const dyadHash = (await dyadLink.getAttribute('href')).slice(1);
    await dyadLink.click();
    await ready(dyadHash);
    check(await page.locator('svg.dyad-chart rect.bar').count() >= 1, 'dyad page draws the cooperation-conflict timeline');
    await shot('09-dyad.png');

    check(dialogs.length === 0, 'no script from the data ran (dialogs: ' + JSON.stringify(dialogs) + ')');
    check(pageErrors.length === 0, 'no page errors (' + pageErrors.join('; ') + ')');
  } finally {
    await browser.close();
    proc.kill('SIGTERM');
  }
}

main().then(() => console.log('browser test passed; screenshots in ' + artifacts),
  (e) => { console.error(e.stack || String(e)); process.exit(1); });
