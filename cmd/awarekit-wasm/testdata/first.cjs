// Measures the engine's way to its first preview in Node, as the page
// takes it (assets/personalise-worker.js): compile, Go started, load
// (content.json, kit.json), the placeholders' example drawn as raw pixels
// 800 px high, then the form's own (empty) values checked. Prints one JSON
// object of CPU milliseconds since the start (process.cpuUsage: the whole
// process, V8's compiler threads included; on a loaded machine the wall
// clock says more about the other processes than about the engine), the
// wall time to the first preview, the engine's own times and the wasm
// memory in MiB. BENCHMARKS.md, "Personalisation engine". Usage:
//   [GODEBUG=inittrace=1] node first.cjs wasm_exec.js awarekit.wasm content.json kit.json
// GODEBUG and GOGC are passed on to the Go program.
"use strict";
const fs = require("fs");
const [execJS, wasmFile, contentFile, kitFile] = process.argv.slice(2);
require("./node-go.cjs")(execJS);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const c0 = cpu();
const t0 = performance.now();
const go = new Go();
for (const k of ["GODEBUG", "GOGC"]) if (process.env[k]) go.env[k] = process.env[k];
const ready = new Promise((resolve) => { globalThis.awarekitReady = resolve; });
let compiledCpu = 0;
WebAssembly.instantiate(fs.readFileSync(wasmFile), go.importObject).then((r) => {
  compiledCpu = cpu() - c0;
  go.run(r.instance);
});
ready.then(() => {
  const out = { compiledCpu: Math.round(compiledCpu), startedCpu: Math.round(cpu() - c0) };
  const loaded = awarekit.load(fs.readFileSync(contentFile, "utf8"), fs.readFileSync(kitFile, "utf8"));
  if (loaded.error) { console.log(JSON.stringify({ error: loaded.error })); process.exit(1); }
  out.loadedCpu = Math.round(cpu() - c0);
  const example = { local_name: "Collège Jean Moulin – Vie scolaire", local_role: "CPE, salle 12" };
  const req = { values: example, design: "la-sextorsion", size: "a4", preview: 800, raw: true };
  const r = awarekit.render(req);
  awarekit.render({ ...req, values: { local_name: "", local_role: "" }, preview: 0, raw: false });
  out.firstCpu = Math.round(cpu() - c0);
  out.firstWall = Math.round(performance.now() - t0);
  out.times = r.times;
  out.memMB = Math.round(go._inst.exports.mem.buffer.byteLength / 1048576);
  out.rawRGBA = !!r.rgba && r.rgba.length === r.width * r.height * 4;
  console.log(JSON.stringify(out));
  process.exit(0);
});
