// Runs the personalisation engine (awarekit.wasm) in Node as the page does
// in the browser, and prints one JSON object: timings, the problems of a
// bad phone number, the file name. Usage:
//   node run.cjs wasm_exec.js awarekit.wasm content.json kit.json out.pdf
"use strict";
const fs = require("fs");
const [execJS, wasmFile, contentFile, kitFile, pdfOut] = process.argv.slice(2);
require("./node-go.cjs")(execJS);

const t0 = performance.now();
// CPU time too: on a loaded machine the wall clock says more about the
// other processes than about the engine.
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const c0 = cpu();
const go = new Go();
const ready = new Promise((resolve) => { globalThis.awarekitReady = resolve; });
WebAssembly.instantiate(fs.readFileSync(wasmFile), go.importObject).then((r) => { go.run(r.instance); });
ready.then(() => {
  const out = { startMs: performance.now() - t0, startCpuMs: cpu() - c0 };
  const tl = performance.now();
  const loaded = awarekit.load(fs.readFileSync(contentFile, "utf8"), fs.readFileSync(kitFile, "utf8"));
  if (loaded.error) { console.log(JSON.stringify({ error: loaded.error })); process.exit(1); }
  out.loadMs = performance.now() - tl;
  out.loadCpuMs = cpu() - c0 - out.startCpuMs;
  out.designs = loaded.designs.map((d) => d.id);
  const values = { local_name: "Collège Jean Moulin – Vie scolaire", local_role: "CPE, salle 12", local_phone: "01 45 67 89 10", local_hours: "lun.–ven. 8 h–17 h", local_address: "3 rue des Écoles, 69001 Lyon", local_url: "https://college-moulin.example.fr/aide" };
  const req = { values, design: "la-sextorsion", size: "a4", preview: 800 };
  let r = awarekit.render(req);
  out.firstPreviewMs = performance.now() - t0;
  out.firstPreviewCpuMs = cpu() - c0;
  out.firstFields = r.fields; out.firstProblems = r.problems;
  out.previewPNG = r.preview && r.preview[1] === 0x50 && r.preview[2] === 0x4e && r.preview[3] === 0x47;
  // As the page does after its first preview: the phone metadata read now.
  const tq = performance.now();
  awarekit.prepare();
  out.prepareMs = performance.now() - tq;
  const times = [];
  for (let i = 0; i < 15; i++) {
    const t = performance.now();
    r = awarekit.render({ ...req, values: { ...values, local_role: values.local_role + " " + "x".repeat(i % 4) } });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  out.relayoutMedianMs = times[7];
  out.relayoutMaxMs = times[14];
  const tn = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    awarekit.render({ ...req, preview: 0, values: { ...values, local_role: "y".repeat(i) } });
    tn.push(performance.now() - t);
  }
  tn.sort((a, b) => a - b);
  out.layoutOnlyMedianMs = tn[2];
  // The page's way: pixels for a canvas, drawn again only where the
  // poster changed.
  awarekit.render({ ...req, raw: true });
  const tr = [];
  const cr = cpu();
  for (let i = 0; i < 15; i++) {
    const t = performance.now();
    r = awarekit.render({ ...req, raw: true, values: { ...values, local_role: values.local_role + " " + "z".repeat(i % 4) } });
    tr.push(performance.now() - t);
  }
  out.relayoutRawCpuMeanMs = (cpu() - cr) / 15;
  tr.sort((a, b) => a - b);
  out.relayoutRawMedianMs = tr[7];
  out.rawRGBA = !!r.rgba && r.rgba.length === r.width * r.height * 4;
  const tp = performance.now();
  r = awarekit.render({ ...req, pdf: true, preview: 0 });
  out.pdfMs = performance.now() - tp;
  out.fileName = r.fileName;
  fs.writeFileSync(pdfOut, r.pdf);
  r = awarekit.render({ ...req, values: { ...values, local_phone: "12 34", local_url: "javascript:alert(1)" } });
  out.badFields = r.fields; out.badPreview = r.preview;
  console.log(JSON.stringify(out));
  process.exit(0);
});
