// Typst's warm batch: N different posters in one process.
// usage: node typst-batch.js POSTER.json FONTS_DIR OUT_DIR N
//
// One NodeCompiler (fonts loaded when it is created, outside the clock)
// compiles poster.typ N times, poster i with sys.inputs.variant = i, and
// writes each PDF: Typst reuses its caches from one compilation to the
// next. Prints one JSON line: batch_ms, per_poster_ms (batch / N) and
// median_ms.
const fs = require('fs');
const path = require('path');
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');

const [src, fonts, out, n] = [process.argv[2], process.argv[3], process.argv[4], Number(process.argv[5])];
fs.mkdirSync(out, { recursive: true });
const compiler = NodeCompiler.create({ workspace: __dirname, fontArgs: [{ fontPaths: [path.resolve(fonts)] }] });
const main = fs.readFileSync(path.join(__dirname, 'poster.typ'), 'utf8');
const data = fs.readFileSync(src, 'utf8');
const times = [];
const t0 = performance.now();
for (let i = 1; i <= n; i++) {
  const ts = performance.now();
  const res = compiler.compile({ mainFileContent: main, inputs: { data, variant: String(i) } });
  if (res.hasError() || !res.result) {
    res.printDiagnostics();
    process.exit(1);
  }
  fs.writeFileSync(path.join(out, `typst-${String(i).padStart(3, '0')}.pdf`), compiler.pdf(res.result));
  times.push(performance.now() - ts);
}
const batch = performance.now() - t0;
times.sort((a, b) => a - b);
const med = n % 2 ? times[(n - 1) / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
const r = (x) => Math.round(x * 1000) / 1000;
console.log(JSON.stringify({ tool: 'typst', n, batch_ms: r(batch), per_poster_ms: r(batch / n), median_ms: r(med) }));
