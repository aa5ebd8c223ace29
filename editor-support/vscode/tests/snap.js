#!/usr/bin/env node
// Snapshot tests of the TextMate grammar over every example and stdlib file.
//
// vscode-tmgrammar-snap keeps NAME.concord.snap beside NAME.concord, but the
// sources live in examples/ and stdlib/ at the repository root and the
// snapshots belong to the extension, so this copies each source and its
// committed snapshot (tests/snap/DIR/NAME.concord.snap) into a scratch
// directory, runs the tool there, and with --update copies the new snapshots
// back. A source without a committed snapshot, or a snapshot whose source is
// gone, fails the test: run `npm run snap:update` (in editor-support/vscode)
// after changing the grammar or an example, and review the diff.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const extensionDir = path.resolve(__dirname, '..');
const repoRoot = path.resolve(extensionDir, '..', '..');
const snapDir = path.join(__dirname, 'snap');
const sourceDirs = ['examples', 'stdlib'];
const update = process.argv.includes('--update');

function concordFiles(dir) {
  return fs.readdirSync(dir).filter((name) => name.endsWith('.concord')).sort();
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-snap-'));
const problems = [];
const cases = [];
try {
  for (const dir of sourceDirs) {
    const sources = concordFiles(path.join(repoRoot, dir));
    const committedDir = path.join(snapDir, dir);
    fs.mkdirSync(path.join(scratch, dir), { recursive: true });
    for (const name of sources) {
      fs.copyFileSync(path.join(repoRoot, dir, name), path.join(scratch, dir, name));
      const snap = path.join(committedDir, `${name}.snap`);
      if (fs.existsSync(snap)) {
        fs.copyFileSync(snap, path.join(scratch, dir, `${name}.snap`));
      } else if (!update) {
        problems.push(`no snapshot for ${dir}/${name} (expected ${path.relative(repoRoot, snap)})`);
      }
      cases.push(path.join(dir, name));
    }
    if (fs.existsSync(committedDir)) {
      for (const snapName of fs.readdirSync(committedDir)) {
        const source = snapName.replace(/\.snap$/, '');
        if (!sources.includes(source)) {
          if (update) fs.rmSync(path.join(committedDir, snapName));
          else problems.push(`snapshot ${dir}/${snapName} has no source ${dir}/${source}`);
        }
      }
    }
  }
  if (cases.length === 0) problems.push('no .concord files found in examples/ or stdlib/');

  const tool = path.join(extensionDir, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'snapshot.js');
  const args = [
    tool,
    '--grammar', path.join(extensionDir, 'syntaxes', 'concord.tmLanguage.json'),
    '--config', path.join(extensionDir, 'package.json'),
    '--scope', 'source.concord',
  ];
  if (update) args.push('--updateSnapshot');
  args.push(...cases);
  const run = spawnSync(process.execPath, args, { cwd: scratch, stdio: 'inherit' });
  if (run.status !== 0) problems.push(`vscode-tmgrammar-snap exited with ${run.status}`);

  // Whatever the snapshots say, no example may contain a token the grammar
  // marks invalid: that would be a construct the grammar does not know.
  for (const testCase of cases) {
    const snapPath = path.join(scratch, `${testCase}.snap`);
    if (!fs.existsSync(snapPath)) continue;
    const lines = fs.readFileSync(snapPath, 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (line.startsWith('#') && line.includes('invalid.')) {
        problems.push(`${testCase}: the grammar marks a token invalid: ${lines[i - 1]}`);
      }
    });
  }

  if (update && run.status === 0) {
    for (const dir of sourceDirs) {
      fs.mkdirSync(path.join(snapDir, dir), { recursive: true });
      for (const name of concordFiles(path.join(repoRoot, dir))) {
        fs.copyFileSync(path.join(scratch, dir, `${name}.snap`), path.join(snapDir, dir, `${name}.snap`));
      }
    }
    console.log(`updated ${cases.length} snapshots in ${path.relative(repoRoot, snapDir)}`);
  }
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}

if (problems.length > 0) {
  for (const p of problems) console.error(`snapshot test: ${p}`);
  console.error('after reviewing the change, regenerate with: npm --prefix editor-support/vscode run snap:update');
  process.exit(1);
}
console.log(`${cases.length} snapshot(s) match`);
