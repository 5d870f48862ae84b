// The /<edition>/personalise/ page: runs the kit's own engine (awarekit.wasm,
// Go compiled to WebAssembly, beside the page) on the edition's content.json,
// draws the poster's preview on a canvas as the visitor types, shows each
// problem next to its field, and makes the PDF on download. Nothing is sent
// anywhere (the only requests are for the engine and the content, from this
// site) and nothing is stored. The engine runs in a worker
// (personalise-worker.js): typing and the quick exit never wait for it.
// Without WebAssembly the fallback stays.
(() => {
  "use strict";
  const form = document.getElementById("perso");
  const fallback = document.getElementById("perso-fallback");
  const loading = document.getElementById("perso-loading");
  if (!form || typeof WebAssembly !== "object" || typeof Worker !== "function" || !window.fetch) {
    return;
  }
  if (!("engine" in form.dataset)) {
    // A build without the engine (awarekit build without --engine, the
    // live preview): nothing to fetch; the fallback and its link stay.
    fallback.dataset.error = "this build has no personalisation engine";
    return;
  }
  const fields = ["local_name", "local_role", "local_phone", "local_hours", "local_address", "local_url", "local_logo"];
  const design = document.getElementById("perso-design");
  const size = document.getElementById("perso-size");
  const canvas = document.getElementById("perso-canvas");
  const button = form.querySelector('[data-download="pdf"]');
  const problems = document.getElementById("perso-problems");
  const fix = document.getElementById("perso-fix");
  let designs = [];
  let logo = null;
  let logoError = "";
  let ok = false;
  let timer = 0;
  let renders = 0;
  loading.hidden = false;

  const here = document.currentScript ? document.currentScript.src : location.href;
  const wasmURL = new URL("../personalise/awarekit.wasm", here).href;
  const contentURL = new URL("../content.json", here).href;
  const kitURL = new URL("../personalise/kit.json", here).href;

  // The message of a problem in the edition's language, {n} filled in.
  const say = (p) => {
    const m = form.dataset["err" + (p.code === "url" ? "web" : p.code || "").replace(/_(.)/g, (_, c) => c.toUpperCase()).replace(/^./, (c) => c.toUpperCase())];
    return m ? m.replace("{n}", String(p.n || 0)) : p.msg;
  };

  const request = (extra) => {
    const values = {};
    for (const f of fields.slice(0, 6)) {
      values[f] = form.elements[f].value;
    }
    return Object.assign({
      values, logo, design: design.value, size: size.value,
      bleed: form.elements.variant.value === "bleed",
    }, extra);
  };

  const show = (r) => {
    const byField = {};
    for (const p of r.fields || []) {
      (byField[p.field] ||= []).push(say(p));
    }
    if (logoError) {
      (byField.local_logo ||= []).push(logoError);
    }
    for (const f of fields) {
      const el = document.getElementById(f + "-error");
      const input = form.elements[f];
      const msgs = byField[f] || [];
      el.textContent = msgs.join(" ");
      if (msgs.length) {
        input.setAttribute("aria-invalid", "true");
      } else {
        input.removeAttribute("aria-invalid");
      }
    }
    problems.textContent = "";
    if ((r.problems || []).length) {
      const p = document.createElement("p");
      p.textContent = form.dataset.errPoster;
      const ul = document.createElement("ul");
      for (const m of r.problems) {
        const li = document.createElement("li");
        li.textContent = m;
        ul.append(li);
      }
      problems.append(p, ul);
    }
    ok = !logoError && !(r.fields || []).length && !(r.problems || []).length;
    button.disabled = !ok;
    fix.hidden = ok;
    if (r.rgba) {
      if (canvas.width !== r.width || canvas.height !== r.height) {
        canvas.width = r.width;
        canvas.height = r.height;
      }
      canvas.getContext("2d").putImageData(new ImageData(r.rgba, r.width, r.height), 0, 0);
    }
    // For the browser test: when the first preview was drawn (ms since
    // the page was opened), how many were, and the engine's time.
    canvas.dataset.t ||= String(performance.now());
    canvas.dataset.renders = String(++renders);
    canvas.dataset.state = ok ? "ok" : "error";
    canvas.dataset.ms = String(r.ms);
    canvas.dataset.times = JSON.stringify(r.times || {});
  };

  // The preview's height: 800 px (360 for a card), but no larger than
  // the canvas is shown (the column's width, over the width-to-height
  // ratio of design and size), so a narrow screen draws fewer pixels.
  const height = () => {
    const base = size.value === "card" ? 360 : 800;
    const d = designs.find((x) => x.id === design.value);
    const aspect = d && d.aspect ? d.aspect[d.sizes.indexOf(size.value)] : 0;
    const avail = canvas.parentElement ? canvas.parentElement.clientWidth - 2 : 0;
    if (!(aspect > 0) || !(avail > 0)) return base;
    return Math.max(120, Math.min(base, Math.floor(avail / aspect)));
  };

  // Until a name is given, the preview shows the placeholders' example
  // (the download stays disabled: the name is required).
  // The engine runs in a worker (personalise-worker.js): one request at a
  // time; what is typed meanwhile is sent once the answer is in.
  let worker = null;
  let busy = false;
  let again = false;
  let seq = 0;
  const waiting = new Map();
  const ask = (req, example) => new Promise((resolve) => {
    const id = ++seq;
    waiting.set(id, resolve);
    worker.postMessage({ id, req, example });
  });

  // Until a name is given, the preview shows the placeholders' example
  // (the download stays disabled: the name is required).
  const render = async () => {
    timer = 0;
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    const req = request({ preview: height(), raw: true });
    let example = null;
    if (!req.values.local_name.trim()) {
      example = Object.assign({}, req.values, {
        local_name: form.elements.local_name.placeholder,
        local_role: req.values.local_role || form.elements.local_role.placeholder,
      });
    }
    show(await ask(req, example));
    busy = false;
    if (again) {
      again = false;
      render();
    }
  };

  // Keystrokes come faster than a layout: those typed within 10 ms, or
  // while the engine works, are laid out once.
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(render, 10);
  };

  const sizes = () => {
    const d = designs.find((x) => x.id === design.value) || designs[0];
    const keep = size.value;
    size.textContent = "";
    d.sizes.forEach((s, i) => size.add(new Option(d.labels[i], s, false, s === keep)));
  };

  const start = async () => {
    // The engine is fetched and compiled (off the main thread) and the
    // edition and kit fetched from here, at once, while the worker starts
    // (a thread and its script: a few hundred ms on a busy machine); the
    // worker gets them when they are in, and fetches itself whatever
    // failed here (null).
    const mine = (p) => p.catch(() => null);
    const text = (url) => fetch(url, { credentials: "same-origin" }).then((r) => {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.text();
    });
    const given = Promise.all([
      mine(WebAssembly.compileStreaming(fetch(wasmURL, { credentials: "same-origin" }))),
      mine(text(contentURL)),
      mine(text(kitURL)),
    ]);
    worker = new Worker(new URL("personalise-worker.js", here).href);
    given.then(([module, content, kit]) => worker.postMessage({ given: { module, content, kit } }));
    const loaded = await new Promise((resolve, reject) => {
      worker.onerror = (e) => reject(new Error(e.message || "the engine's worker failed"));
      worker.onmessage = (ev) => {
        if (ev.data.loaded) resolve(ev.data.loaded);
        else reject(new Error(ev.data.error));
      };
      worker.postMessage({ start: {
        wasm: wasmURL, content: contentURL, kit: kitURL,
        runtime: new URL("../personalise/wasm_exec.js", here).href,
        given: true,
      } });
    });
    worker.onmessage = (ev) => {
      const done = waiting.get(ev.data.id);
      waiting.delete(ev.data.id);
      if (done) done(ev.data.res);
    };
    for (const [k, t] of Object.entries(loaded.marks || {})) {
      performance.mark("perso-" + k, { startTime: Math.max(0, t - performance.timeOrigin) });
    }
    designs = loaded.designs || [];
    if (!designs.length) throw new Error("no personalisable design");
    for (const d of designs) {
      design.add(new Option(d.name, d.id, false, d.id === "la-sextorsion"));
    }
    sizes();
    form.addEventListener("input", (ev) => {
      if (ev.target === design) sizes();
      if (ev.target.name !== "local_logo") later();
    });
    form.addEventListener("change", (ev) => {
      if (ev.target === design) sizes();
      if (ev.target.name !== "local_logo") later();
    });
    form.addEventListener("submit", (ev) => ev.preventDefault());
    form.elements.local_logo.addEventListener("change", async () => {
      const f = form.elements.local_logo.files[0];
      logo = null;
      logoError = "";
      if (f) {
        // The limit is checked again by the engine; a huge file is not
        // even read.
        if (f.size > 1 << 20) {
          logoError = say({ code: "logo_size" });
        } else {
          logo = new Uint8Array(await f.arrayBuffer());
        }
      }
      render();
    });
    button.addEventListener("click", async () => {
      // The PDF is made from the fields as they are now (leaving a field
      // may have just scheduled a preview: it is drawn after).
      const pending = timer !== 0;
      clearTimeout(timer);
      timer = 0;
      while (busy) await new Promise((resolve) => setTimeout(resolve, 20));
      busy = true;
      button.disabled = true;
      const r = await ask(request({ pdf: true, preview: 0 }), null);
      busy = false;
      show(Object.assign({}, r, { rgba: null }));
      if (pending || again) {
        again = false;
        render();
      }
      if (!r.pdf) return;
      const url = URL.createObjectURL(new Blob([r.pdf], { type: "application/pdf" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = r.fileName;
      a.hidden = true;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    });
    loading.hidden = true;
    fallback.hidden = true;
    form.hidden = false;
    render();
  };

  start().catch((e) => {
    // The engine could not start (blocked, missing, too old a browser):
    // the fallback and its link to the downloads stay.
    loading.hidden = true;
    form.hidden = true;
    fallback.hidden = false;
    fallback.dataset.error = String(e && e.message || e);
  });
})();
