// The personalisation engine's worker (assets/personalise.js starts it):
// runs awarekit.wasm, the kit's Go code compiled to WebAssembly, off the
// page's main thread, so that typing and the quick exit never wait for a
// layout. It fetches only the engine, wasm_exec.js, the edition's
// content.json and the kit.json beside the engine, from this site; it
// stores nothing. Messages:
//   page → worker: {start: {wasm, runtime, content, kit}} then {id, req, example}
//   worker → page: {loaded: {designs}} or {error}, then {id, res}
"use strict";
let ready = null;
let prepared = false;

async function start(urls) {
  importScripts(urls.runtime);
  const go = new Go();
  const started = new Promise((resolve) => { self.awarekitReady = resolve; });
  const get = (url) => fetch(url, { credentials: "same-origin" }).then((r) => {
    if (!r.ok) throw new Error(url + ": " + r.status);
    return r.text();
  });
  const text = get(urls.content);
  const kit = get(urls.kit);
  let inst;
  try {
    inst = await WebAssembly.instantiateStreaming(fetch(urls.wasm, { credentials: "same-origin" }), go.importObject);
  } catch (e) {
    // A server that does not say application/wasm: compile from bytes.
    const r = await fetch(urls.wasm, { credentials: "same-origin" });
    if (!r.ok) throw new Error(urls.wasm + ": " + r.status);
    inst = await WebAssembly.instantiate(await r.arrayBuffer(), go.importObject);
  }
  // Marks in the page's clock (the worker's starts later).
  const now = () => performance.timeOrigin + performance.now();
  const marks = { compiled: now() };
  go.run(inst.instance);
  await started;
  marks.started = now();
  const loaded = self.awarekit.load(await text, await kit);
  marks.loaded = now();
  if (loaded.error) throw new Error(loaded.error);
  return { designs: loaded.designs || [], marks };
}

// A render; with example values (no name given yet), the preview shows the
// example while the problems are the form's own.
function render(req, example) {
  if (!example) return self.awarekit.render(req);
  const r = self.awarekit.render(Object.assign({}, req, { values: example }));
  const own = self.awarekit.render(Object.assign({}, req, { preview: 0, raw: false }));
  return Object.assign({}, own, { rgba: r.rgba, width: r.width, height: r.height, ms: r.ms, times: r.times });
}

self.onmessage = async (ev) => {
  const m = ev.data;
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
