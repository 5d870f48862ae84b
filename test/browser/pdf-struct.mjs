// A second, independent reader of the tagged posters: pdf.js (pdfjs-dist,
// Firefox's PDF reader) reads the structure tree of every poster PDF of a
// build, with each element's alternative text and the text of its marked
// content, and compares it with the golden reading order that the Go tests
// check against poppler (kit/build/testdata/struct/<edition>/<design>.txt).
// Every figure must have an alternative text, every link annotation must
// be in the structure tree, and getTextContent() must give the same text.
//
//   node pdf-struct.mjs PUBLIC_DIR GOLDEN_DIR
//
// Exit status 1 on any difference, with every difference printed.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const [pub, goldenDir] = process.argv.slice(2);
if (!pub || !goldenDir) {
  console.error("usage: node pdf-struct.mjs PUBLIC_DIR GOLDEN_DIR");
  process.exit(2);
}

// What pdf.js extracts from a golden file: U+00A0 as a space (the font
// draws both with one glyph, and the ToUnicode map gives the space), the
// text in compatibility form (pdf.js applies NFKC to extracted text: U+202F
// NARROW NO-BREAK SPACE becomes a space), no trailing spaces. Alternative
// texts are compared as they are.
const normalise = (s) => s.split("\n").map((l) => {
  const m = l.match(/^(\s*\w+)( \[[^\]]*\])?(.*)$/);
  if (!m) return l;
  return m[1] + (m[2] ?? "") + m[3].replaceAll("\u00a0", " ").normalize("NFKC").replace(/ +$/, "");
}).join("\n");

// structText renders one PDF like layout.Page.StructText: one line per
// element under Document, indented by depth, its role, its alternative
// text in brackets (a link's: its annotation's /Contents), its own text.
async function structText(file) {
  const data = new Uint8Array(readFileSync(file));
  const doc = await getDocument({ data, verbosity: 0, isEvalSupported: false, useSystemFonts: false }).promise;
  const lines = [];
  const problems = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    // The text of each marked-content sequence.
    const text = new Map();
    const eol = new Map(); // whether an element's text ended a line (a space may follow)
    const open = [];
    const content = await page.getTextContent({ includeMarkedContent: true });
    for (const it of content.items) {
      if (it.type === "beginMarkedContentProps" || it.type === "beginMarkedContent") {
        open.push(it.id ?? "#artifact"); // /Artifact BMC: decoration, not read
      } else if (it.type === "endMarkedContent") {
        open.pop();
      } else if (it.str !== undefined) {
        const id = open.at(-1);
        if (id === "#artifact") continue;
        if (!id) {
          if (it.str.trim() !== "") problems.push(`page ${n}: text outside the structure: ${JSON.stringify(it.str)}`);
          continue;
        }
        // pdf.js drops a run's trailing space and marks the line's end
        // instead: a line break is a space, unless the line ends with a
        // hyphen or a slash, or the next line starts with the dot or the
        // "@" of an address (a word or an address broken there), the rule
        // of layout.SpaceAfter.
        let s = text.get(id) ?? "";
        if (eol.get(id) && !/^[.@]/.test(it.str)) s += " ";
        s += it.str;
        eol.set(id, it.hasEOL && s !== "" && !/[ \-\/]$/.test(s));
        text.set(id, s);
      }
    }
    const annots = new Map();
    for (const a of await page.getAnnotations()) {
      if (a.subtype === "Link") annots.set(a.id, a);
    }
    const seen = new Set();
    const tree = await page.getStructTree();
    const walk = (node, depth) => {
      let own = "";
      let alt = node.alt ?? "";
      const kids = [];
      for (const k of node.children ?? []) {
        if (k.type === "content") own += text.get(k.id) ?? "";
        else if (k.type === "object" || k.type === "annotation") {
          seen.add(k.id);
          const a = annots.get(k.id);
          if (a && !alt) alt = a.contentsObj?.str ?? "";
        } else if (k.role) kids.push(k);
      }
      if (node.role === "Figure" && !alt.trim()) problems.push(`page ${n}: a figure without an alternative text`);
      if (depth > 0) {
        let l = "  ".repeat(depth - 1) + node.role;
        if (alt) l += ` [${alt}]`;
        own = own.replace(/^ +| +$/g, "");
        if (own) l += " " + own;
        lines.push(l);
      }
      for (const k of kids) walk(k, depth + 1);
    };
    // The tree's root holds the Document element.
    for (const d of tree?.children ?? []) walk(d, 0);
    for (const id of annots.keys()) {
      if (!seen.has(id)) problems.push(`page ${n}: link annotation ${id} is not in the structure tree`);
    }
    page.cleanup();
  }
  await doc.destroy();
  return { text: lines.map((l) => l + "\n").join(""), problems };
}

// In a right-to-left edition (its golden holds right-to-left letters:
// Arabic, Hebrew…) every element's text is compared without its spaces
// and vowel marks, letters and punctuation in order. gopdf writes a
// right-to-left run in reading order, the pen moving left from glyph to
// glyph (third_party/gopdf/CHANGES.md: what MuPDF needs), and pdf.js
// (4.10) reads that with its spaces lost: on every move to the left its
// compareWithLastPosition flushes the text item and forgets the pending
// space; and as it runs its bidi on each item, assuming content drawn left
// to right, an item of one letter and its mark comes out mark first. In
// such an edition even a Latin line has right-to-left runs: the neutrals
// of "119 – Allô enfance en danger" (" – ") take the paragraph's
// direction. The exact text, spaces and marks included, is
// checked by the Go tests with poppler (pdfinfo -struct-text) and MuPDF
// (kit/build: TestTaggedPDF, TestDesignTexts).
const rtlLetters = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;
const loose = (s, rtl) => !rtl ? s : s.split("\n").map((l) => {
  const m = l.match(/^(\s*\w+)( \[[^\]]*\])?(.*)$/);
  if (!m || m[3] === "") return l;
  return m[1] + (m[2] ?? "") + " " + m[3].replace(/[\s\p{Mn}]/gu, "");
}).join("\n");

let failures = 0;
let count = 0;
for (const ed of readdirSync(pub).sort()) {
  const dir = path.join(pub, ed, "posters");
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".pdf")).sort()) {
    count++;
    const design = f.replace(/-(a3|a4|a5|card)(-bleed)?\.pdf$/, "");
    const golden = path.join(goldenDir, ed, design + ".txt");
    const name = `${ed}/${f}`;
    if (!existsSync(golden)) {
      console.error(`${name}: no golden file ${golden}`);
      failures++;
      continue;
    }
    const want = normalise(readFileSync(golden, "utf8"));
    const rtl = rtlLetters.test(want);
    const { text, problems } = await structText(path.join(dir, f));
    for (const p of problems) {
      console.error(`${name}: ${p}`);
      failures++;
    }
    const got = loose(normalise(text), rtl);
    if (got !== loose(want, rtl)) {
      failures++;
      const a = got.split("\n"), b = loose(want, rtl).split("\n");
      const i = a.findIndex((l, i) => l !== b[i]);
      console.error(`${name}: pdf.js reads a different structure from line ${i + 1}:\n  got:  ${JSON.stringify(a[i])}\n  want: ${JSON.stringify(b[i])}`);
    }
  }
}
if (count === 0) {
  console.error(`no poster PDF under ${pub}`);
  process.exit(1);
}
console.log(`pdf.js: ${count} poster PDFs, ${failures} problem(s)`);
process.exit(failures ? 1 : 0);
