// Typst's cold run: one whole process makes one poster.
// usage: node typst-one.js POSTER.json FONTS_DIR OUT.pdf
const fs = require('fs');
const path = require('path');
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');

const [src, fonts, out] = process.argv.slice(2);
const compiler = NodeCompiler.create({ workspace: __dirname, fontArgs: [{ fontPaths: [path.resolve(fonts)] }] });
const res = compiler.compile({
  mainFileContent: fs.readFileSync(path.join(__dirname, 'poster.typ'), 'utf8'),
  inputs: { data: fs.readFileSync(src, 'utf8') },
});
if (res.hasError() || !res.result) {
  res.printDiagnostics();
  process.exit(1);
}
fs.writeFileSync(out, compiler.pdf(res.result));
