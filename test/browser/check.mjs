// Checks a built awarekit site in a real browser (Debian's Chromium, driven
// by playwright-core): for every page of every edition, axe-core reports no
// WCAG 2.2 A/AA violation, no request leaves 127.0.0.1, no console error
// (a CSP violation is one), every internal link and download resolves, the
// quick exit works by click and by three presses of Shift, focus is never
// hidden under the quick-exit bar, nothing scrolls sideways at 320 px;
// the page's direction is its language's (dir="rtl" and a right-to-left
// layout for Arabic, the quick exit at the end of the bar: mirrored);
// drafts and 404 pages are out of the sitemaps; after home → contacts →
// quick exit, Back does not show the site; a missing page gets the
// edition's 404 page; then the home page on a phone, without JavaScript,
// in print, and two screenshots.
//
//   node check.mjs PUBLIC_DIR [--shots DIR]
//
// Prints one line per failure and ends with "browser: N passed, M failed".

import { chromium } from "playwright-core";
import { serve, checks, siteFile } from "./site-server.mjs";
import { readFileSync, statSync, mkdirSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const args = process.argv.slice(2);
const root = path.resolve(args[0] ?? "public");
const shotsAt = args.indexOf("--shots");
const shots = shotsAt >= 0 ? path.resolve(args[shotsAt + 1]) : "";
const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const axeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

const { check, counts } = checks();

// --- A static server on 127.0.0.1 (site-server.mjs) -------------------------
const server = await serve(root);
const origin = server.origin;
const resolveFile = (urlPath) => siteFile(root, urlPath);

// Every page: each index.html below the root.
function walk(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.name === "index.html") out.push("/" + path.relative(root, path.dirname(p)).split(path.sep).join("/") + "/");
    else if (e.name === "404.html") out.push("/" + path.relative(root, p).split(path.sep).join("/"));
  }
  return out;
}
const pages = walk(root).map((p) => p.replace(/^\/+/, "/")).sort();
const editions = [...new Set(pages.filter((p) => p.split("/").length > 2).map((p) => p.split("/")[1]))];
const noindex = new Set(); // pages that ask search engines not to index them

// The direction of a language, from the script it is written in (CLDR's
// likely subtags, as kit/content.Direction): ar → Arab → rtl.
const rtlScripts = new Set(["Adlm", "Arab", "Hebr", "Mand", "Mend", "Nkoo", "Rohg", "Samr", "Syrc", "Thaa", "Yezi"]);
function direction(lang) {
  try {
    return rtlScripts.has(new Intl.Locale(lang).maximize().script) ? "rtl" : "ltr";
  } catch {
    return "ltr";
  }
}

// --- The browser ------------------------------------------------------------
const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
// playwright-core gives every context a fresh profile (--user-data-dir).

const offsite = []; // requests that tried to leave 127.0.0.1
async function newContext(options = {}) {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, ...options });
  await ctx.route((url) => !url.href.startsWith(origin) && !url.href.startsWith("data:"), (route) => {
    offsite.push(route.request().url());
    return route.abort("blockedbyclient");
  });
  return ctx;
}

const linkStatus = new Map();
async function resolves(href) {
  const u = new URL(href);
  const key = u.pathname;
  if (!linkStatus.has(key)) linkStatus.set(key, resolveFile(key) !== null);
  return linkStatus.get(key);
}

const ctx = await newContext();
for (const url of pages) {
  const page = await ctx.newPage();
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  const before = offsite.length;
  const resp = await page.goto(origin + url, { waitUntil: "load" });
  check(`${url} loads`, resp && resp.status() === 200, resp ? String(resp.status()) : "no response");
  if (url.endsWith("/personalise/")) {
    // The form appears once the engine runs (or the fallback stays): check
    // the page as it then is (test/browser/personalise.mjs checks the rest).
    await page.waitForFunction(() => Number(document.getElementById("perso-canvas")?.dataset.renders) > 0 || document.getElementById("perso-fallback")?.dataset.error !== undefined, null, { timeout: 120000 }).catch(() => {});
  }

  // Accessibility: axe-core, evaluated through the DevTools protocol (the
  // page's CSP forbids injected scripts, rightly).
  await page.evaluate(axeSource);
  const axe = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }), axeTags);
  check(`${url} axe`, axe.violations.length === 0,
    axe.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`).join("; "));

  const info = await page.evaluate(() => ({
    noindex: document.querySelector('meta[name="robots"]')?.content === "noindex",
    lang: document.documentElement.lang,
    dir: document.documentElement.getAttribute("dir"),
    computedDir: getComputedStyle(document.body).direction,
    // Where the quick exit sits in the bar, against the site's name.
    exitSide: (() => {
      const e = document.querySelector(".bar .exit")?.getBoundingClientRect();
      const b = document.querySelector(".bar .brand")?.getBoundingClientRect();
      if (!e || !b) return "none";
      return e.left >= b.right - 0.5 ? "right" : e.right <= b.left + 0.5 ? "left" : "overlapping";
    })(),
    csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? "",
    exit: document.querySelector("[data-quick-exit]")?.getAttribute("href") ?? "",
    cookie: document.cookie,
    links: [...document.querySelectorAll("a[href], link[href], img[src], script[src]")].map((e) => ({
      tag: e.tagName.toLowerCase(), rel: e.getAttribute("rel") ?? "", url: e.href || e.src,
    })),
  }));
  check(`${url} lang`, /^[a-z]{2}-[A-Z]{2}$/.test(info.lang), info.lang);
  // Right to left for Arabic: the attribute, the layout it gives, and the
  // bar mirrored (the quick exit at its end: right in French, left in Arabic).
  const dir = direction(info.lang);
  check(`${url} dir="${dir}"`, info.dir === dir && info.computedDir === dir, `dir=${info.dir}, computed ${info.computedDir}, ${info.lang} is ${dir}`);
  check(`${url} quick exit at the end of the bar`, info.exitSide === (dir === "rtl" ? "left" : "right"), info.exitSide);
  // The personalise page adds only what its engine needs: compiling
  // WebAssembly, and fetching it and content.json from the site itself.
  check(`${url} CSP`, info.csp.includes("default-src 'none'") && (url.endsWith("/personalise/")
    ? /script-src 'self' 'wasm-unsafe-eval';/.test(info.csp) && info.csp.includes("connect-src 'self';")
    : /script-src 'self'( 'sha256-[^']+')*;/.test(info.csp)), info.csp);
  check(`${url} no cookie`, info.cookie === "", info.cookie);
  check(`${url} no console error`, errors.length === 0, errors.join(" | "));
  if (info.noindex) noindex.add(url);

  // Reflow (WCAG 1.4.10): nothing scrolls sideways at 320 px.
  await page.setViewportSize({ width: 320, height: 640 });
  const wide = await page.evaluate(() => {
    const w = document.documentElement.scrollWidth;
    // Overflow goes right in a left-to-right page, left in a right-to-left one.
    const out = [...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > 320.5 || e.getBoundingClientRect().left < -0.5)
      .slice(0, 3).map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
    return { w, out };
  });
  check(`${url} no horizontal scroll at 320 px`, wide.w <= 320, `scrollWidth ${wide.w}: ${wide.out.join(", ")}`);
  await page.setViewportSize({ width: 390, height: 844 });

  // Downloads: lazy thumbnails with their size (no shift while loading).
  if (url.endsWith("/downloads/")) {
    const imgs = await page.evaluate(() => [...document.querySelectorAll("main img")].map((i) => ({
      src: i.getAttribute("src"), lazy: i.loading === "lazy", w: i.getAttribute("width"), h: i.getAttribute("height"),
    })));
    const bad = imgs.filter((i) => !i.lazy || !i.w || !i.h);
    check(`${url} lazy thumbnails with width and height`, bad.length === 0, bad.map((i) => i.src).join(", "));
  }

  // Links: every internal one resolves; the others are https anchors a
  // visitor may follow (nothing on the page loads from them).
  const broken = [];
  for (const l of info.links) {
    if (l.url.startsWith(origin)) {
      if (!(await resolves(l.url))) broken.push(l.url.slice(origin.length));
    } else if (l.tag !== "a" || !/^(https:|tel:|mailto:)/.test(l.url)) {
      broken.push(`${l.tag} ${l.url}`);
    }
  }
  check(`${url} links`, broken.length === 0, broken.join(", "));

  // Focus never hidden under the sticky bar (WCAG 2.4.11): tab through the
  // page, after scrolling to its end so that the bar covers content.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const hidden = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    const r = await page.evaluate(() => {
      const el = document.activeElement;
      const bar = document.querySelector(".bar");
      if (!el || el === document.body || !bar || bar.contains(el)) return null;
      // Hidden: every sample point of the element shows the bar instead.
      const a = el.getBoundingClientRect();
      const xs = [a.left + 2, (a.left + a.right) / 2, a.right - 2];
      const ys = [a.top + 2, (a.top + a.bottom) / 2, a.bottom - 2];
      let seen = false;
      for (const x of xs) for (const y of ys) {
        const top = document.elementFromPoint(x, y);
        if (top && !bar.contains(top)) seen = true;
      }
      return { covered: !seen && a.width > 0, what: el.outerHTML.slice(0, 60) };
    });
    if (r?.covered) hidden.push(r.what);
  }
  check(`${url} focus not obscured`, hidden.length === 0, hidden.slice(0, 3).join(" | "));

  // Quick exit, by click: the page blanks at once, then the neutral site.
  const exit = info.exit;
  check(`${url} quick exit link`, /^https:\/\//.test(exit), exit);
  if (/^https:\/\//.test(exit)) {
    await page.route(exit, (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<title>neutral</title>neutral" }));
    await page.goto(origin + url);
    const blank = await page.evaluate(() => {
      document.querySelector("[data-quick-exit]").click();
      return { text: document.body.textContent.trim().length, cls: document.documentElement.className, title: document.title };
    });
    check(`${url} quick exit blanks`, blank.text === 0 && blank.cls.includes("exiting") && blank.title === "", JSON.stringify(blank));
    await page.waitForURL(exit, { timeout: 5000 }).then(() => check(`${url} quick exit by click`, true),
      (e) => check(`${url} quick exit by click`, false, e.message));

    // By three presses of Shift.
    await page.goto(origin + url);
    for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
    await page.waitForURL(exit, { timeout: 5000 }).then(() => check(`${url} quick exit by 3×Shift`, true),
      (e) => check(`${url} quick exit by 3×Shift`, false, e.message));
  }
  check(`${url} no request off 127.0.0.1`, offsite.length === before, offsite.slice(before).join(", "));
  await page.close();
}
check("no cookie set", (await ctx.cookies()).length === 0);

// The sitemaps list every page that may be indexed, and only pages that
// exist: never a draft's or a 404 page (noindex).
{
  const locs = async (u) => [...(await (await fetch(origin + u)).text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  const listed = [];
  for (const sm of await locs("/sitemap.xml")) listed.push(...(await locs(new URL(sm, origin).pathname)));
  const paths = listed.map((l) => new URL(l, origin).pathname);
  const missing = pages.filter((p) => p !== "/" && !noindex.has(p) && !paths.includes(p));
  const dead = paths.filter((p) => !resolveFile(p));
  const hidden = paths.filter((p) => noindex.has(p));
  check("sitemaps", listed.length > 0 && missing.length === 0 && dead.length === 0 && hidden.length === 0,
    `not listed: ${missing.join(", ")}; dead: ${dead.join(", ")}; noindex but listed: ${hidden.join(", ")}`);
}

// Typing a capital letter is not an exit; two Shifts are not either.
for (const ed of editions) {
  const page = await ctx.newPage();
  await page.goto(`${origin}/${ed}/`);
  await page.keyboard.press("Shift+A");
  await page.keyboard.press("Shift+B");
  await page.keyboard.press("Shift");
  await page.keyboard.press("Shift");
  await page.waitForTimeout(300);
  check(`/${ed}/ no exit on Shift+letter`, page.url() === `${origin}/${ed}/`, page.url());

  // The phone's first screen shows the hotlines as big tel: links.
  const first = await page.evaluate(() => [...document.querySelectorAll(".hotlines a.call, .emergency a")].map((a) => {
    const r = a.getBoundingClientRect();
    return { href: a.getAttribute("href"), bottom: r.bottom, size: parseFloat(getComputedStyle(a.querySelector(".num") ?? a).fontSize) };
  }));
  check(`/${ed}/ a tel: link on the first screen`, first.length > 0 && first[0].href.startsWith("tel:") && first[0].bottom <= 844 && first[0].size >= 24,
    JSON.stringify(first.slice(0, 2)));

  // A page that does not exist: the edition's 404 page, with a number to
  // call and the quick exit.
  const nf = await page.goto(`${origin}/${ed}/no-such-page/`);
  const nfInfo = await page.evaluate(() => ({
    tel: document.querySelectorAll('main a[href^="tel:"]').length,
    exit: !!document.querySelector("[data-quick-exit]"), lang: document.documentElement.lang,
  }));
  check(`/${ed}/ 404 page`, nf.status() === 404 && nfInfo.tel > 0 && nfInfo.exit && nfInfo.lang === ed,
    `${nf.status()} ${JSON.stringify(nfInfo)}`);
  await page.close();
}
await ctx.close();

// Quick exit that leaves no way back: within the site a link replaces the
// history entry, and the exit replaces that one; after home → contacts →
// exit, Back leaves the tab's history before the visit (about:blank here),
// never a page of the site. The exit target is a local stub.
const hctx = await newContext();
for (const ed of editions) {
  const page = await hctx.newPage();
  await page.goto(`${origin}/${ed}/`);
  const exit = await page.getAttribute("[data-quick-exit]", "href");
  await page.route(exit, (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<title>neutral</title>neutral" }));
  const before = await page.evaluate(() => history.length);
  await page.locator(`a[href="/${ed}/contacts/"], a[href$="/${ed}/contacts/"]`).first().click();
  await page.waitForURL(`${origin}/${ed}/contacts/`);
  const after = await page.evaluate(() => history.length);
  check(`/${ed}/ a link within the site adds no history entry`, after === before, `${before} → ${after}`);
  await page.click("[data-quick-exit]");
  await page.waitForURL(exit, { timeout: 5000 }).catch(() => {});
  await page.goBack({ timeout: 5000 }).catch(() => null);
  await page.waitForTimeout(300);
  const back = page.url();
  const shown = await page.evaluate(() => document.body?.textContent.length ?? 0).catch(() => 0);
  check(`/${ed}/ Back after the quick exit does not show the site`, !back.startsWith(origin), `${back} (${shown} characters)`);
  await page.close();
}
await hctx.close();

// The weight of the downloads page as a phone loads it (lazy thumbnails
// below the first screen are not fetched).
{
  const wctx = await newContext();
  for (const ed of editions) {
    const page = await wctx.newPage();
    let bytes = 0;
    page.on("response", (r) => r.body().then((b) => { bytes += b.length; }).catch(() => {}));
    await page.goto(`${origin}/${ed}/downloads/`, { waitUntil: "networkidle" });
    console.log(`weight: /${ed}/downloads/ ${Math.round(bytes / 1024)} KB loaded at 390×844`);
    await page.close();
  }
  await wctx.close();
}

// Without JavaScript, the quick exit is a plain link to the neutral site.
const nojs = await newContext({ javaScriptEnabled: false });
for (const ed of editions) {
  const page = await nojs.newPage();
  await page.goto(`${origin}/${ed}/`);
  const exit = await page.getAttribute("[data-quick-exit]", "href");
  await page.route(exit, (route) => route.fulfill({ status: 200, contentType: "text/html", body: "neutral" }));
  await page.click("[data-quick-exit]");
  await page.waitForURL(exit, { timeout: 5000 }).then(() => check(`/${ed}/ quick exit without JavaScript`, true),
    (e) => check(`/${ed}/ quick exit without JavaScript`, false, e.message));
  await page.close();
}
await nojs.close();

// Print: the bar and the menus are not printed.
const pctx = await newContext();
{
  const page = await pctx.newPage();
  await page.goto(`${origin}/${editions[0]}/`);
  await page.emulateMedia({ media: "print" });
  const shown = await page.evaluate(() => getComputedStyle(document.querySelector(".bar")).display);
  check("print hides the quick-exit bar", shown === "none", shown);
  await page.close();
}
await pctx.close();

// Screenshots of the home page, on a phone and on a laptop.
if (shots) {
  mkdirSync(shots, { recursive: true });
  for (const [w, h] of [[390, 844], [1280, 800]]) {
    const c = await newContext({ viewport: { width: w, height: h } });
    const page = await c.newPage();
    await page.goto(`${origin}/${editions[0]}/`, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready);
    const file = path.join(shots, `home-${w}x${h}.png`);
    await page.screenshot({ path: file });
    check(`screenshot ${w}×${h}`, statSync(file).size > 1000);
    console.log(`screenshot: ${file}`);
    await c.close();
  }
}
check("no request left 127.0.0.1", offsite.length === 0, offsite.join(", "));

await browser.close();
server.close();
const { passed, failed } = counts();
console.log(`browser: ${passed} passed, ${failed} failed (${pages.length} pages, ${editions.length} edition${editions.length === 1 ? "" : "s"})`);
process.exit(failed ? 1 : 0);
