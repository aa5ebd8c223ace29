#!/usr/bin/env node
// Every keyword of the lexer (grammar/Concord.g4) must get a scope of its own
// from the TextMate grammar, never the plain-identifier scope: this catches a
// keyword added to the language but not to the grammar. Writes an annotated
// file with one keyword per line and runs it through vscode-tmgrammar-test.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const extensionDir = path.resolve(__dirname, '..');
const g4 = fs.readFileSync(path.join(extensionDir, '..', '..', 'grammar', 'Concord.g4'), 'utf8');

// Lexer rules spelt as literal words: `FN : 'fn' ;`, `DAY : 'day' | 'days' ;`.
const keywords = new Set();
for (const match of g4.matchAll(/^[A-Z_]+\s*:\s*((?:'[a-z_]+'\s*\|?\s*)+);/gm)) {
  for (const word of match[1].matchAll(/'([a-z_]+)'/g)) keywords.add(word[1]);
}
if (keywords.size < 100) {
  console.error(`found only ${keywords.size} keywords in grammar/Concord.g4: has its layout changed?`);
  process.exit(1);
}

const lines = ['// SYNTAX TEST "source.concord" "every keyword of grammar/Concord.g4"'];
// The ` }` after each word closes whatever the word may open (`fn` starts a
// signature region), so every line is tokenized on its own.
for (const word of [...keywords].sort()) {
  lines.push(`${word} }`, `// <${'-'.repeat(word.length)} source.concord - variable.other.concord`);
}
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-keywords-'));
const testFile = path.join(scratch, 'lexer_keywords.concord');
fs.writeFileSync(testFile, lines.join('\n') + '\n');
const run = spawnSync(process.execPath, [
  path.join(extensionDir, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js'),
  '--grammar', path.join(extensionDir, 'syntaxes', 'concord.tmLanguage.json'),
  '--config', path.join(extensionDir, 'package.json'),
  testFile,
], { cwd: extensionDir, stdio: 'inherit' });
fs.rmSync(scratch, { recursive: true, force: true });
if (run.status !== 0) process.exit(1);
console.log(`${keywords.size} lexer keywords all have a scope`);
