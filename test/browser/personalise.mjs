// Checks the /fr-FR/personalise/ page of a built site in Debian's Chromium
// (playwright-core), as a teacher would use it (issue 17): the form
// appears, the fields are filled, the preview is drawn, the PDF is
// downloaded and read with pdftotext (the local block is there, the
// official text unchanged), qpdf, Ghostscript and MuPDF open it; an
// invalid phone number shows its error and disables the download; no
// request leaves the site's origin, nothing is stored, axe-core finds no
// violation; without JavaScript or WebAssembly the page says so and links
// to the downloads. It measures the first preview after opening the page
// and each re-layout after a keystroke, against the budgets (2 s, 150 ms),
// and the size of what the page fetches, gzip and brotli.
//
//   node personalise.mjs PUBLIC_DIR [--edition fr-FR] [--json FILE] [--budgets]
//
// The time budgets are wall-clock figures, at the mercy of the machine's
// load: they are printed (OVER BUDGET) and fail the run only with
// --budgets, on a quiet machine. The size budget (gzip and brotli) always
// counts.
//
// Prints one line per failure, the figures, and ends with
// "personalise: N passed, M failed".

import { chromium } from "playwright-core";
import { serve, checks } from "./site-server.mjs";
import { readFileSync, mkdtempSync, writeFileSync, rmSync, readdirSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { gzipSync, gunzipSync, brotliCompressSync, constants as zc } from "node:zlib";
import { tmpdir } from "node:os";
import path from "node:path";

const args = process.argv.slice(2);
const root = path.resolve(args[0] ?? "public");
const opt = (name, def) => (args.indexOf(name) >= 0 ? args[args.indexOf(name) + 1] : def);
const edition = opt("--edition", "fr-FR");
const jsonOut = opt("--json", "");
const strictTime = args.includes("--budgets");
const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const axeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const budget = { firstPreviewMs: 2000, keystrokeMs: 150, compressedBytes: 6 << 20 };

const { check, counts } = checks();
// A budget (time, or the compressed size): a failure with --budgets, else
// a line that says so.
function timed(name, ok, detail) {
  if (strictTime || ok) return check(name, ok, detail);
  console.log(`OVER BUDGET ${name}: ${detail}`);
}

// --- A static server on 127.0.0.1, as a static host serves the site ----------
const server = await serve(root);
const origin = server.origin;
const pageURL = `${origin}/${edition}/personalise/`;

const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});

const offsite = [];
async function newContext(options = {}) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...options });
  await ctx.route((url) => !url.href.startsWith(origin), (route) => {
    offsite.push(route.request().url());
    return route.abort("blockedbyclient");
  });
  return ctx;
}

const figures = {};
const tmp = mkdtempSync(path.join(tmpdir(), "awarekit-personalise-"));
try {
  // --- The teacher's way -----------------------------------------------------
  const ctx = await newContext();
  const page = await ctx.newPage();
  const errors = [];
  const requests = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("request", (r) => requests.push(r.url()));
  const resp = await page.goto(pageURL, { waitUntil: "domcontentloaded" });
  check("the page loads", resp && resp.status() === 200, resp ? String(resp.status()) : "no response");
  check("its title is French", (await page.title()).startsWith("Personnaliser une affiche"), await page.title());
  await page.waitForSelector("#perso-canvas[data-renders='1']", { timeout: 60000 });
  // The first preview: from the start of navigation to the first canvas
  // drawn (performance.now() counts from the navigation's start).
  figures.firstPreviewMs = await page.evaluate(() => Number(document.getElementById("perso-canvas").dataset.t));
  // Where it went: the page's marks (ms since the navigation's start) of
  // the engine compiled, its Go runtime started, the edition loaded.
  figures.marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType("mark")
    .filter((m) => m.name.startsWith("perso-")).map((m) => [m.name.slice(6), Math.round(m.startTime)])));
  timed(`first preview within ${budget.firstPreviewMs} ms`, figures.firstPreviewMs <= budget.firstPreviewMs, `${figures.firstPreviewMs.toFixed(0)} ms`);
  check("the form is shown, the fallback hidden", await page.isVisible("#perso") && !(await page.isVisible("#perso-fallback")));
  const designs = await page.$$eval("#perso-design option", (os) => os.map((o) => o.value));
  check("every design with a local block is offered", ["la-sextorsion", "c-est-non", "contacts", "bons-reflexes-carte"].every((d) => designs.includes(d)), designs.join(","));
  for (const f of ["local_name", "local_role", "local_phone", "local_hours", "local_address", "local_url", "local_logo"]) {
    check(`a field named ${f}`, (await page.$(`#perso [name="${f}"]`)) !== null);
  }
  check("download disabled before a name is given", await page.isDisabled('[data-download="pdf"]'));
  // Offline from here: once loaded, typing, the previews, the errors and
  // the PDF need nothing from the network.
  const fetchedBefore = requests.filter((u) => !u.startsWith("blob:") && !u.startsWith("data:")).length;
  await ctx.setOffline(true);

  const values = {
    local_name: "Collège Jean Moulin – Vie scolaire",
    local_role: "CPE, salle 12",
    local_phone: "01 45 67 89 10",
    local_hours: "lun.–ven. 8 h–17 h",
    local_address: "3 rue des Écoles, 69001 Lyon",
    local_url: "https://college-moulin.example.fr/aide",
  };
  const renders = () => page.evaluate(() => Number(document.getElementById("perso-canvas").dataset.renders));
  const settle = async () => {
    // Wait until no render is pending: the count stays for 200 ms.
    let n = await renders();
    for (;;) {
      await page.waitForTimeout(200);
      const m = await renders();
      if (m === n) return;
      n = m;
    }
  };
  for (const [k, v] of Object.entries(values)) await page.fill(`[name="${k}"]`, v);
  await settle();
  check("filled: no error, download enabled", !(await page.isDisabled('[data-download="pdf"]')),
    await page.$eval("#perso", (f) => [...f.querySelectorAll(".perso-error")].map((e) => e.textContent).join(" | ")));

  // Keystrokes: the time from each key's input event to the canvas drawn
  // again (the 10 ms pause the page waits for included).
  await page.evaluate(() => {
    window.__keys = [];
    document.addEventListener("input", () => { window.__last = performance.now(); }, true);
    new MutationObserver(() => { if (window.__last) { window.__keys.push(performance.now() - window.__last); window.__last = 0; } })
      .observe(document.getElementById("perso-canvas"), { attributes: true, attributeFilter: ["data-renders"] });
  });
  await page.focus('[name="local_role"]');
  await page.press('[name="local_role"]', "End");
  for (const ch of " et infirmerie") {
    const before = await renders();
    await page.keyboard.type(ch);
    await page.waitForFunction((n) => Number(document.getElementById("perso-canvas").dataset.renders) > n, before, { timeout: 10000 });
  }
  const keys = (await page.evaluate(() => window.__keys)).sort((a, b) => a - b);
  figures.keystrokeMedianMs = keys[Math.floor(keys.length / 2)];
  figures.keystrokeMaxMs = keys[keys.length - 1];
  figures.relayoutEngineMs = await page.evaluate(() => Number(document.getElementById("perso-canvas").dataset.ms));
  timed(`each re-layout within ${budget.keystrokeMs} ms of its keystroke`, figures.keystrokeMaxMs <= budget.keystrokeMs,
    `median ${figures.keystrokeMedianMs.toFixed(0)} ms, max ${figures.keystrokeMaxMs.toFixed(0)} ms over ${keys.length} keys`);
  await settle();

  // The download.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-download="pdf"]')]);
  const name = download.suggestedFilename();
  check("the file name says design, size and personalised", /^la-sextorsion-a4-personalised-college-jean-moulin-vie-scolaire\.pdf$/.test(name), name);
  const pdf = path.join(tmp, "personalised.pdf");
  await download.saveAs(pdf);
  // -raw: in the order the layout drew (the boxes' order), not guessed
  // from where the text sits (the advice column is shorter).
  const text = execFileSync("pdftotext", ["-raw", pdf, "-"], { encoding: "utf8" });
  const flat = (s) => s.replace(/-\n/g, "").replace(/\s+/g, " ");
  for (const want of [values.local_name, "CPE, salle 12 et infirmerie", values.local_phone, values.local_url, "Contact ajouté par l’organisme diffuseur"]) {
    // Compared without spaces: an address may break across lines.
    const bare = (x) => x.replace(/-\n/g, "").replace(/\s+/g, "");
    check(`the PDF holds ${JSON.stringify(want)}`, bare(text).includes(bare(want.replace(/'/g, "’"))), flat(text).slice(-400));
  }
  // The official text, word for word: every word of the official poster,
  // in order (line breaks may fall elsewhere: the advice box is narrower).
  const official = execFileSync("pdftotext", ["-raw", path.join(root, edition, "posters", "la-sextorsion-a4.pdf"), "-"], { encoding: "utf8" });
  const words = (s) => flat(s).split(" ").filter((w) => w.length > 0);
  const ow = words(official);
  const pw = words(text);
  let i = 0;
  for (const w of pw) if (i < ow.length && w === ow[i]) i++;
  check("the official text is unchanged (every word, in order)", i === ow.length, `stopped at word ${i} of ${ow.length}: ${ow.slice(i, i + 8).join(" ")}`);
  for (const [tool, argv] of [["qpdf", ["--check", pdf]], ["gs", ["-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=nullpage", pdf]], ["mutool", ["info", pdf]]]) {
    let ok = true;
    let out = "";
    try {
      out = execFileSync(tool, argv, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    } catch (e) {
      ok = false;
      out = String(e.stderr || e);
    }
    check(`${tool} opens the PDF`, ok && !/error/i.test(tool === "qpdf" ? "" : out), out.slice(0, 300));
  }

  // An invalid phone number: its error next to the field, no download.
  await page.fill('[name="local_phone"]', "12 34");
  await page.waitForFunction(() => document.getElementById("local_phone-error").textContent !== "", null, { timeout: 10000 });
  check("an invalid phone number shows an error", (await page.textContent("#local_phone-error")).includes("numéro"), await page.textContent("#local_phone-error"));
  check("… and disables the download", await page.isDisabled('[data-download="pdf"]'));
  check("… the field is marked invalid", (await page.getAttribute('[name="local_phone"]', "aria-invalid")) === "true");
  await page.fill('[name="local_url"]', "javascript:alert(1)");
  await page.waitForFunction(() => document.getElementById("local_url-error").textContent !== "", null, { timeout: 10000 });
  check("a javascript: URL shows an error", (await page.textContent("#local_url-error")).includes("https://"));
  // A text too long for the block, at its smallest size.
  await page.fill('[name="local_phone"]', values.local_phone);
  await page.fill('[name="local_url"]', values.local_url);
  await page.fill('[name="local_address"]', "Bâtiment administratif, ".repeat(6));
  await page.fill('[name="local_hours"]', "lundi matin, ".repeat(9));
  await page.waitForFunction(() => /ligne/.test(document.getElementById("perso").textContent.replace(/\s+/g, " ")) && [...document.querySelectorAll(".perso-error")].some((e) => /ligne/.test(e.textContent)), null, { timeout: 10000 });
  check("a text that does not fit says by how many lines", true);
  check("… and disables the download", await page.isDisabled('[data-download="pdf"]'));
  // A file that is not an image as logo.
  const notImage = path.join(tmp, "logo.png");
  writeFileSync(notImage, "%PDF-1.4 not an image");
  await page.fill('[name="local_address"]', values.local_address);
  await page.fill('[name="local_hours"]', values.local_hours);
  await page.setInputFiles('[name="local_logo"]', notImage);
  await page.waitForFunction(() => document.getElementById("local_logo-error").textContent !== "", null, { timeout: 10000 });
  check("a logo that is not an image shows an error", (await page.textContent("#local_logo-error")).includes("PNG"));
  await page.setInputFiles('[name="local_logo"]', []);
  await settle();

  check("offline once loaded: typing, previews, errors and the PDF ask for nothing",
    requests.filter((u) => !u.startsWith("blob:") && !u.startsWith("data:")).length === fetchedBefore, requests.slice(fetchedBefore).join(", "));
  await ctx.setOffline(false);

  // Accessibility, with the errors shown and without.
  await page.evaluate(axeSource);
  const axe = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }), axeTags);
  check("axe-core: no violation", axe.violations.length === 0,
    axe.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`).join("; "));

  // Private: no request elsewhere, nothing stored.
  check("no request leaves the origin", offsite.length === 0 && requests.every((u) => u.startsWith(origin) || u.startsWith("blob:") || u.startsWith("data:")), offsite.concat(requests.filter((u) => !u.startsWith(origin))).join(", "));
  const stored = await page.evaluate(async () => ({
    local: localStorage.length, session: sessionStorage.length, cookie: document.cookie,
    idb: indexedDB.databases ? (await indexedDB.databases()).length : 0,
    caches: (await caches.keys()).length,
  }));
  check("nothing stored", stored.local === 0 && stored.session === 0 && stored.cookie === "" && stored.idb === 0 && stored.caches === 0 && (await ctx.cookies()).length === 0, JSON.stringify(stored));
  check("no console error (a CSP violation is one)", errors.length === 0, errors.join(" | "));
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
  check("the CSP allows WebAssembly and same-origin fetches only", /script-src 'self' 'wasm-unsafe-eval';/.test(csp) && /connect-src 'self';/.test(csp) && /default-src 'none'/.test(csp), csp);
  await ctx.close();

  // Every edition's page draws its example poster at once and offers
  // only the designs and sizes with room for a local block (kit.json's
  // room): no form for a poster that cannot take one.
  for (const ed of readdirSync(root).filter((d) => d !== edition && existsSync(path.join(root, d, "personalise", "kit.json"))).sort()) {
    const c = await newContext();
    const p = await c.newPage();
    const errs = [];
    p.on("console", (m) => m.type() === "error" && errs.push(m.text()));
    await p.goto(`${origin}/${ed}/personalise/`, { waitUntil: "domcontentloaded" });
    await p.waitForSelector("#perso-canvas[data-renders='1']", { timeout: 60000 });
    const room = JSON.parse(readFileSync(path.join(root, ed, "personalise", "kit.json"), "utf8")).room || {};
    const shown = await p.evaluate(() => ({
      width: document.getElementById("perso-canvas").width,
      problems: document.getElementById("perso-problems").textContent,
      designs: [...document.querySelectorAll("#perso-design option")].map((o) => o.value),
      sizes: [...document.querySelectorAll("#perso-size option")].map((o) => o.value),
      design: document.getElementById("perso-design").value,
    }));
    check(`${ed}: the example poster is drawn, with no poster problem`, shown.width > 1 && shown.problems === "", JSON.stringify(shown));
    check(`${ed}: only designs and sizes with room are offered`, shown.designs.length > 0 && shown.designs.every((d) => (room[d] || []).length > 0) &&
      shown.sizes.every((z) => room[shown.design].includes(z)) && Object.keys(room).every((d) => shown.designs.includes(d)), `${JSON.stringify(shown)} room ${JSON.stringify(room)}`);
    check(`${ed}: every design with a local block is offered`, ["la-sextorsion", "c-est-non", "contacts", "bons-reflexes-carte"].every((d) => shown.designs.includes(d)), shown.designs.join(","));
    check(`${ed}: no console error`, errs.length === 0, errs.join(" | "));
    await c.close();
  }

  // The downloads page links here.
  const ctx2 = await newContext();
  const dl = await ctx2.newPage();
  await dl.goto(`${origin}/${edition}/downloads/`);
  check("the downloads page links to the page", (await dl.$(`a[href="/${edition}/personalise/"]`)) !== null);
  await ctx2.close();

  // Without JavaScript, and without WebAssembly: a sentence and the downloads.
  for (const [what, options, init] of [["without JavaScript", { javaScriptEnabled: false }, null], ["without WebAssembly", {}, () => { delete globalThis.WebAssembly; }]]) {
    const c = await newContext(options);
    const p = await c.newPage();
    if (init) await p.addInitScript(init);
    await p.goto(pageURL, { waitUntil: "load" });
    await p.waitForTimeout(300);
    check(`${what}: the fallback and the downloads`, await p.isVisible("#perso-fallback") && !(await p.isVisible("#perso")) && (await p.$(`#perso-fallback a[href="/${edition}/downloads/"]`)) !== null);
    await c.close();
  }

  // What the page fetches, compressed.
  const fetched = [`${edition}/personalise/awarekit.wasm`, `${edition}/personalise/wasm_exec.js`, `${edition}/content.json`, `${edition}/personalise/kit.json`, `${edition}/assets/personalise.js`, `${edition}/assets/personalise-worker.js`];
  let raw = 0;
  let gz = 0;
  let br = 0;
  for (const f of fetched) {
    const b = readFileSync(path.join(root, f));
    raw += b.length;
    gz += gzipSync(b, { level: 9 }).length;
    br += brotliCompressSync(b, { params: { [zc.BROTLI_PARAM_QUALITY]: 11, [zc.BROTLI_PARAM_SIZE_HINT]: b.length } }).length;
  }
  figures.rawBytes = raw;
  figures.gzipBytes = gz;
  figures.brotliBytes = br;
  check(`the engine and what it fetches within ${budget.compressedBytes} bytes compressed`, gz <= budget.compressedBytes && br <= budget.compressedBytes, `gzip ${gz}, brotli ${br}`);
  const pre = readFileSync(path.join(root, edition, "personalise", "awarekit.wasm.gz"));
  check("a precompressed copy ships beside the engine", gunzipSync(pre).equals(readFileSync(path.join(root, edition, "personalise", "awarekit.wasm"))));
  figures.precompressedBytes = pre.length;
} finally {
  await browser.close();
  server.close();
  rmSync(tmp, { recursive: true, force: true });
}
const mb = (n) => (n / (1 << 20)).toFixed(2) + " MB";
console.log(`personalise figures: first preview ${figures.firstPreviewMs?.toFixed(0)} ms (${Object.entries(figures.marks ?? {}).map(([k, v]) => `${k} ${v}`).join(", ")}), keystroke median ${figures.keystrokeMedianMs?.toFixed(0)} ms, max ${figures.keystrokeMaxMs?.toFixed(0)} ms (engine ${figures.relayoutEngineMs} ms); fetched ${mb(figures.rawBytes ?? 0)} raw, ${mb(figures.gzipBytes ?? 0)} gzip, ${mb(figures.brotliBytes ?? 0)} brotli`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(figures, null, 2) + "\n");
const { passed, failed } = counts();
console.log(`personalise: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
