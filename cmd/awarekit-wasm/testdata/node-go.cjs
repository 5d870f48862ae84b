// What Node needs before the Go toolchain's wasm_exec.js defines Go there
// (the globals a browser has): shared by run.cjs and first.cjs.
"use strict";
const fs = require("fs");
const path = require("path");
module.exports = function loadRuntime(execJS) {
  globalThis.require = require;
  globalThis.fs = fs;
  globalThis.path = path;
  globalThis.performance ??= require("perf_hooks").performance;
  globalThis.crypto ??= require("crypto");
  require(path.resolve(execJS));
};
