// The personalisation engine's worker (assets/personalise.js starts it):
// runs awarekit.wasm, the kit's Go code compiled to WebAssembly, off the
// page's main thread, so that typing and the quick exit never wait for a
// layout. It fetches only the engine, wasm_exec.js, the edition's
// content.json and the kit.json beside the engine, from this site, all at
// once (the engine compiled as it arrives); it stores nothing. Messages:
//   page → worker: {start: {wasm, runtime, content, kit, given}},
//   with given: {given: {module, content, kit}} (each null if the page
//   could not get it), then {id, req, example}
//   worker → page: {loaded: {designs, marks}} or {error}, then {id, res}
//   (marks: when the worker started, the engine was compiled, Go started
//   and the edition and kit were loaded, in the page's clock)
"use strict";
let ready = null;
let prepared = false;
// What the page fetched and compiled for the worker ({given}).
let fromPage = null;
const page = new Promise((resolve) => { fromPage = resolve; });

async function start(urls) {
  // Marks in the page's clock (the worker's starts later).
  const now = () => performance.timeOrigin + performance.now();
  const marks = { worker: now() };
  const get = (url) => fetch(url, { credentials: "same-origin" }).then((r) => {
    if (!r.ok) throw new Error(url + ": " + r.status);
    return r;
  });
  // Everything at once: the engine is compiled as it arrives (it needs no
  // imports to compile), while the runtime script is read and the
  // edition and kit are fetched. With urls.given, the page has already
  // started them (before this worker could) and sends them in a second
  // message: the compiled module, the two texts, or null for what it
  // could not get, which the worker then fetches itself.
  const compile = () => get(urls.wasm).then((r) => WebAssembly.compileStreaming(r).catch(async () => {
    // A server that does not say application/wasm: compile from bytes.
    return WebAssembly.compile(await (await get(urls.wasm)).arrayBuffer());
  }));
  const given = urls.given ? page : Promise.resolve({});
  const compiled = given.then((g) => g.module || compile());
  const text = given.then((g) => g.content ?? get(urls.content).then((r) => r.text()));
  const kit = given.then((g) => g.kit ?? get(urls.kit).then((r) => r.text()));
  // Not awaited yet: a failure is reported by the await below, never as
  // an unhandled rejection.
  for (const p of [compiled, text, kit]) p.catch(() => {});
  importScripts(urls.runtime);
  const go = new Go();
  const started = new Promise((resolve) => { self.awarekitReady = resolve; });
  const inst = { instance: await WebAssembly.instantiate(await compiled, go.importObject) };
  marks.compiled = now();
  go.run(inst.instance);
  await started;
  marks.started = now();
  const loaded = self.awarekit.load(await text, await kit);
  marks.loaded = now();
  if (loaded.error) throw new Error(loaded.error);
  return { designs: loaded.designs || [], marks };
}

// A render; with example values (no name given yet), the preview shows the
// example while the problems are the form's own, and the poster's own
// problems with the example (an official text with no room left) too.
function render(req, example) {
  if (!example) return self.awarekit.render(req);
  const r = self.awarekit.render(Object.assign({}, req, { values: example }));
  const own = self.awarekit.render(Object.assign({}, req, { preview: 0, raw: false }));
  const problems = (own.problems || []).concat((r.problems || []).filter((p) => !(own.problems || []).includes(p)));
  return Object.assign({}, own, { problems, rgba: r.rgba, width: r.width, height: r.height, ms: r.ms, times: r.times });
}

self.onmessage = async (ev) => {
  const m = ev.data;
  if (m.given) {
    fromPage(m.given);
    return;
  }
  if (m.start) {
    ready = start(m.start);
    try {
      self.postMessage({ loaded: await ready });
    } catch (e) {
      self.postMessage({ error: String((e && e.message) || e) });
    }
    return;
  }
  await ready;
  const res = render(m.req, m.example);
  const transfer = [];
  for (const k of ["rgba", "pdf", "preview"]) {
    if (res[k] && res[k].buffer) transfer.push(res[k].buffer);
  }
  self.postMessage({ id: m.id, res }, transfer);
  // Once the first preview is shown: what the first keystrokes need but
  // it did not (the phone metadata), while the visitor reads.
  if (!prepared) {
    prepared = true;
    self.awarekit.prepare();
  }
};
