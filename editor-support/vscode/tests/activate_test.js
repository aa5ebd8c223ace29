#!/usr/bin/env node
// Runs extension.js the way VS Code would, with a stand-in for the `vscode`
// module (VS Code itself cannot run on the build machines): activate() must
// start `concord lsp` through vscode-languageclient, finish the LSP handshake,
// register the providers for what the server offers, publish the concord's
// diagnostic for a charter that breaks it, and shut down on deactivate().
//
// usage: node tests/activate_test.js CONCORD_BINARY
//
// The stand-in implements the parts of the API the client uses with real
// values (documents, ranges, diagnostics, URIs, events); anything else is an
// inert object, so a client that needs more of VS Code fails loudly here.
'use strict';

const Module = require('module');
const path = require('path');
const fs = require('fs');

const concord = process.argv[2];
if (!concord) {
  console.error('usage: activate_test.js CONCORD_BINARY');
  process.exit(2);
}
const extensionDir = path.resolve(__dirname, '..');
if (!fs.existsSync(path.join(extensionDir, 'node_modules', 'vscode-languageclient'))) {
  console.log('editor-support/vscode/node_modules is missing: run npm ci --prefix editor-support/vscode');
  process.exit(77);
}

// ---------------------------------------------------------------------------
// The stand-in for `vscode`.

const inert = new Proxy(function () {}, {
  get: (target, key) => (key === 'then' ? undefined : inert),
  apply: () => inert,
  construct: () => inert,
});
const withFallback = (object) =>
  new Proxy(object, { get: (target, key) => (key in target ? target[key] : inert) });

class Disposable {
  constructor(onDispose) { this.onDispose = onDispose; }
  static from(...items) { return new Disposable(() => items.forEach((d) => d.dispose())); }
  dispose() { if (this.onDispose) this.onDispose(); }
}
class EventEmitter {
  constructor() {
    this.listeners = [];
    this.event = (listener, thisArg) => {
      const bound = listener.bind(thisArg);
      this.listeners.push(bound);
      return new Disposable(() => { this.listeners = this.listeners.filter((l) => l !== bound); });
    };
  }
  fire(value) { this.listeners.slice().forEach((l) => l(value)); }
  dispose() { this.listeners = []; }
}
class Uri {
  constructor(scheme, fsPath) { this.scheme = scheme; this.fsPath = fsPath; this.path = fsPath; }
  static file(p) { return new Uri('file', p); }
  static parse(text) { return text.startsWith('file://') ? Uri.file(decodeURIComponent(text.slice(7))) : new Uri('unknown', text); }
  toString() { return `file://${this.fsPath.split('/').map(encodeURIComponent).join('/')}`; }
  toJSON() { return this.toString(); }
  with() { return this; }
}
class Position { constructor(line, character) { this.line = line; this.character = character; } }
class Range {
  constructor(a, b, c, d) {
    [this.start, this.end] = typeof a === 'number' ? [new Position(a, b), new Position(c, d)] : [a, b];
  }
}
class Diagnostic { constructor(range, message, severity) { Object.assign(this, { range, message, severity }); } }
class Location { constructor(uri, range) { Object.assign(this, { uri, range }); } }
class DiagnosticRelatedInformation { constructor(location, message) { Object.assign(this, { location, message }); } }
class CancellationTokenSource {
  constructor() {
    const cancelled = new EventEmitter();
    this.token = { isCancellationRequested: false, onCancellationRequested: cancelled.event };
    this.cancel = () => { this.token.isCancellationRequested = true; cancelled.fire(); };
    this.dispose = () => {};
  }
}
class MarkdownString { constructor(value) { this.value = value || ''; } appendMarkdown(v) { this.value += v; return this; } }

const events = {
  open: new EventEmitter(), close: new EventEmitter(), change: new EventEmitter(),
  save: new EventEmitter(), willSave: new EventEmitter(), configuration: new EventEmitter(),
  folders: new EventEmitter(),
};
const published = new Map();  // uri -> diagnostics
const registered = new Set(); // provider kinds the client registered
const errors = [];
const output = [];

const languages = withFallback({
  match(selector, document) {
    const selectors = Array.isArray(selector) ? selector : [selector];
    return selectors.some((s) => (typeof s === 'string' ? s : s.language) === document.languageId
      && (typeof s === 'string' || !s.scheme || s.scheme === document.uri.scheme)) ? 10 : 0;
  },
  createDiagnosticCollection: () => withFallback({
    set: (uri, diagnostics) => published.set(uri.toString(), diagnostics || []),
    delete: (uri) => published.delete(uri.toString()),
    clear: () => published.clear(),
    forEach: () => {},
    dispose: () => {},
  }),
});
const languagesProxy = new Proxy(languages, {
  get(target, key) {
    if (typeof key === 'string' && key.startsWith('register')) {
      return () => { registered.add(key.replace(/^register|Provider$/g, '')); return new Disposable(); };
    }
    return target[key];
  },
});

const vscode = withFallback({
  version: '1.90.0',
  Disposable, EventEmitter, Uri, Position, Range, Diagnostic, Location, DiagnosticRelatedInformation,
  MarkdownString, CancellationTokenSource,
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  DiagnosticTag: { Unnecessary: 1, Deprecated: 2 },
  env: withFallback({ language: 'en', appName: 'stand-in', machineId: 'test', sessionId: 'test' }),
  languages: languagesProxy,
  workspace: withFallback({
    workspaceFolders: undefined,
    textDocuments: [],
    getConfiguration: (section) => withFallback({
      get: (key, fallback) => (section === 'concord' && key === 'path' ? concord
        : section === 'concord' && key === 'trace.server' ? process.env.CONCORD_TRACE || fallback : fallback),
    }),
    onDidOpenTextDocument: events.open.event,
    onDidCloseTextDocument: events.close.event,
    onDidChangeTextDocument: events.change.event,
    onDidSaveTextDocument: events.save.event,
    onWillSaveTextDocument: events.willSave.event,
    onDidChangeConfiguration: events.configuration.event,
    onDidChangeWorkspaceFolders: events.folders.event,
    createFileSystemWatcher: () => withFallback({
      onDidCreate: new EventEmitter().event, onDidChange: new EventEmitter().event,
      onDidDelete: new EventEmitter().event, dispose() {},
    }),
  }),
  window: withFallback({
    showErrorMessage: async (...message) => { errors.push(message.filter((m) => typeof m === 'string').join(' ')); },
    showWarningMessage: async () => undefined,
    showInformationMessage: async () => undefined,
    createOutputChannel: (name) => withFallback({
      name, append: (s) => output.push(s), appendLine: (s) => output.push(s + '\n'),
      show() {}, hide() {}, clear() {}, dispose() {}, replace() {},
    }),
  }),
  commands: withFallback({ registerCommand: () => new Disposable(), executeCommand: async () => undefined }),
});

const load = Module._load;
Module._load = function (request) {
  if (request === 'vscode') return vscode;
  return load.apply(this, arguments);
};

// ---------------------------------------------------------------------------
// The session.

function textDocument(file, text) {
  return withFallback({
    uri: Uri.file(file), fileName: file, languageId: 'concord', version: 1, isClosed: false,
    isDirty: false, isUntitled: false, lineCount: text.split('\n').length,
    getText: () => text,
  });
}

async function waitFor(condition, what, ms = 10000) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function main() {
  const failures = [];
  const extension = require(path.join(extensionDir, 'extension.js'));
  const started = Date.now();
  await extension.activate({ subscriptions: [] });
  const handshake = Date.now() - started;
  if (errors.length) throw new Error(`activation reported: ${errors.join('; ')}\n${output.join('')}`);

  for (const kind of ['Hover', 'Definition', 'DocumentFormattingEdit', 'DocumentSymbol', 'CompletionItem']) {
    if (!registered.has(kind)) failures.push(`the client registered no ${kind} provider (server capabilities?)`);
  }

  // A charter whose exit notice breaks the minimal concord (C002).
  const file = path.join(require('os').tmpdir(), 'concord-activate-test', 'tool_library.concord');
  const text = [
    'charter tool_library "Tool Library" {',
    '  adopted 2026-11-01',
    '  membership {',
    '    entry open',
    '    exit anytime notice 45 days',
    '  }',
    '  revision { every month; quota 25% of rules; quorum 50% of members }',
    '}',
    '',
  ].join('\n');
  const document = textDocument(file, text);
  events.open.fire(document);
  const uri = document.uri.toString();
  await waitFor(() => (published.get(uri) || []).length > 0, 'diagnostics for the opened charter');
  const diagnostics = published.get(uri);
  const c002 = diagnostics.find((d) => String(d.code && d.code.value !== undefined ? d.code.value : d.code) === 'C002');
  if (!c002) {
    failures.push(`no C002 among ${diagnostics.map((d) => `${JSON.stringify(d.code)} ${d.message}`).join('; ')}`);
  } else if (c002.range.start.line !== 4) {
    failures.push(`C002 is on line ${c002.range.start.line + 1}, not 5 (the exit clause)`);
  }

  await extension.deactivate();
  if (errors.length) failures.push(`errors shown: ${errors.join('; ')}`);
  if (failures.length) throw new Error(failures.join('\n'));
  console.log(`activate: concord lsp started and initialized in ${handshake} ms; providers: ` +
    `${[...registered].sort().join(', ')}; ${diagnostics.length} diagnostic(s) incl. C002; deactivated`);
}

main().then(() => process.exit(0), (error) => {
  console.error(`activate test failed: ${error.message}`);
  if (process.env.CONCORD_TRACE) console.error(output.join(""));
  process.exit(1);
});
