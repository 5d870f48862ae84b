// Chromium's warm batch: N different posters in one browser.
// usage: node chromium-batch.js HTML_DIR OUT_DIR N
//
// One Debian Chromium (headless, through playwright-core) and one page:
// each poster is loaded from HTML_DIR/poster-iii.html (file://, so that the
// page may load the fonts' file:// URLs), its fonts awaited, and printed
// with page.pdf(). Launching the browser is outside the clock. Prints one
// JSON line: batch_ms, per_poster_ms (batch / N) and median_ms.
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const { chromium } = require('playwright-core');

const FLAGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

async function main() {
  const [src, out, n] = [process.argv[2], process.argv[3], Number(process.argv[4])];
  fs.mkdirSync(out, { recursive: true });
  // playwright-core gives the browser a new temporary --user-data-dir.
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: FLAGS });
  const page = await browser.newPage();
  const times = [];
  const t0 = performance.now();
  for (let i = 1; i <= n; i++) {
    const ts = performance.now();
    const id = String(i).padStart(3, '0');
    await page.goto(pathToFileURL(path.resolve(src, `poster-${id}.html`)).href, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    await page.pdf({ path: path.join(out, `chromium-${id}.pdf`), preferCSSPageSize: true, printBackground: true });
    times.push(performance.now() - ts);
  }
  const batch = performance.now() - t0;
  await browser.close();
  times.sort((a, b) => a - b);
  const med = n % 2 ? times[(n - 1) / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
  const r = (x) => Math.round(x * 1000) / 1000;
  console.log(JSON.stringify({ tool: 'chromium', n, batch_ms: r(batch), per_poster_ms: r(batch / n), median_ms: r(med) }));
}

main().catch((e) => { console.error(e); process.exit(1); });
