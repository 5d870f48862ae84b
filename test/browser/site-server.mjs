// What the browser checks share: a static server for a built site on
// 127.0.0.1, as a static host serves it (the content types of the files
// a build writes; a missing page gets its edition's 404 page, or the
// root's), and a tally of named checks.
import { createServer } from "node:http";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";

const types = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".svg": "image/svg+xml", ".png": "image/png", ".woff2": "font/woff2", ".pdf": "application/pdf",
  ".xml": "application/xml", ".json": "application/json", ".zip": "application/zip", ".txt": "text/plain", ".wasm": "application/wasm",
};

// siteFile is the file a URL path of the site in root is served from
// (a folder's index.html), or null when there is none.
export function siteFile(root, urlPath) {
  let p = path.join(root, decodeURIComponent(urlPath.split("?")[0]));
  if (!p.startsWith(root)) return null;
  try {
    if (statSync(p).isDirectory()) p = path.join(p, "index.html");
    statSync(p);
    return p;
  } catch {
    return null;
  }
}

// serve starts the server for the site in root and resolves to
// {origin, close}: origin is http://127.0.0.1:PORT.
export async function serve(root) {
  const resolveFile = (urlPath) => siteFile(root, urlPath);
  const notFoundPage = (urlPath) => {
    const code = urlPath.split("/")[1] ?? "";
    for (const p of [path.join(root, code, "404.html"), path.join(root, "404.html")]) {
      try {
        if (p.startsWith(root) && statSync(p).isFile()) return p;
      } catch { /* try the next */ }
    }
    return null;
  };
  const server = createServer((req, res) => {
    const urlPath = new URL(req.url, "http://x").pathname;
    const file = resolveFile(urlPath);
    if (!file) {
      const nf = notFoundPage(urlPath);
      res.writeHead(404, { "content-type": nf ? types[".html"] : "text/plain" });
      res.end(nf ? readFileSync(nf) : "not found");
      return;
    }
    res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
    res.end(req.method === "HEAD" ? undefined : readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

// checks returns a tally: check(name, ok, detail) counts a check and
// prints a failure (every check with VERBOSE set); counts() gives
// {passed, failed}.
export function checks() {
  let passed = 0;
  let failed = 0;
  const check = (name, ok, detail = "") => {
    if (ok) {
      passed++;
      if (process.env.VERBOSE) console.log(`ok   ${name}`);
    } else {
      failed++;
      console.log(`FAIL ${name}${detail ? ": " + detail : ""}`);
    }
  };
  return { check, counts: () => ({ passed, failed }) };
}
