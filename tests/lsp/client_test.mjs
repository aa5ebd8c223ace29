// Drives `concord lsp` through the LSP client library VS Code's own
// extensions use (vscode-jsonrpc + vscode-languageserver-protocol): a real
// editor session without the editor. Usage:
//   node client_test.mjs CONCORD_BINARY
// Exits 0 when every step saw what a user would see, 1 otherwise.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', 'tools', 'package.json'));
let rpc;
try {
  rpc = require('vscode-languageserver-protocol/node');
} catch {
  // Skipped (ctest SKIP_RETURN_CODE) only when `npm ci --prefix tests/tools`
  // has not run; scripts/test.sh always runs it.
  console.error('tests/tools/node_modules lacks vscode-languageserver-protocol: run npm ci --prefix tests/tools');
  process.exit(77);
}

const concord = process.argv[2];
if (!concord) {
  console.error('usage: node client_test.mjs CONCORD_BINARY');
  process.exit(2);
}

// fixtures/tool_library.concord: a charter whose exit notice breaks the
// minimal concord (C002: at most 30 days), and a scenario. The block comment
// on its exit line holds a character outside the BMP, two UTF-16 code units,
// so every column after it on that line tests the encoding. It imports
// fixtures/allies.concord, which the client never opens: it is read from
// disk. (tests/lsp/nvim_client.lua edits the same files.)
const charterText = readFileSync(path.join(here, 'fixtures', 'tool_library.concord'), 'utf8');
const alliesText = readFileSync(path.join(here, 'fixtures', 'allies.concord'), 'utf8');

const dir = mkdtempSync(path.join(tmpdir(), 'concord-lsp-client-'));
const charterPath = path.join(dir, 'tool_library.concord');
const alliesPath = path.join(dir, 'allies.concord');
writeFileSync(alliesPath, alliesText);  // imported from disk, never opened
const uri = pathToFileURL(charterPath).href;
const alliesUri = pathToFileURL(alliesPath).href;

const child = spawn(concord, ['lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
let rawOutput = '';
child.stdout.on('data', (chunk) => { rawOutput += chunk.toString('utf8'); });
const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));

const connection = rpc.createProtocolConnection(
  new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));

// Every publishDiagnostics, in order, so a step can wait for the next one.
const published = [];
let wake = null;
connection.onNotification(rpc.PublishDiagnosticsNotification.type, (params) => {
  published.push(params);
  if (wake) wake();
});
// A hang detector, not a benchmark: a diagnostics pass takes well under a second
// unloaded, and a sanitizer build on a busy machine may be twenty times slower.
async function nextDiagnostics(forUri, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const index = published.findIndex((p) => p.uri === forUri);
    if (index >= 0) return published.splice(index, 1)[0];
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`no publishDiagnostics for ${forUri}`);
    await new Promise((resolve) => {
      wake = resolve;
      setTimeout(resolve, left);
    });
  }
}

function step(name) { console.log(`--- ${name}`); }

async function expectError(promise, code) {
  try {
    await promise;
  } catch (error) {
    assert.equal(error.code, code, `error code: ${error.message}`);
    return error;
  }
  throw new Error(`expected an error ${code}`);
}

connection.listen();
try {
  step('initialize');
  const init = await connection.sendRequest(rpc.InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(dir).href,
    capabilities: { general: { positionEncodings: ['utf-16'] } },
  });
  const caps = init.capabilities;
  assert.equal(caps.positionEncoding, 'utf-16');
  assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
  assert.equal(caps.hoverProvider, true);
  assert.equal(caps.definitionProvider, true);
  assert.equal(caps.documentSymbolProvider, true);
  assert.deepEqual(caps.codeActionProvider.codeActionKinds, ['quickfix']);
  assert.ok(caps.semanticTokensProvider.legend.tokenTypes.includes('keyword'));
  assert.equal(init.serverInfo.name, 'concord');
  connection.sendNotification(rpc.InitializedNotification.type, {});

  step('didOpen: the concord violation is published');
  connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'concord', version: 1, text: charterText },
  });
  let diags = await nextDiagnostics(uri);
  assert.equal(diags.version, 1);
  assert.equal(diags.diagnostics.length, 1, JSON.stringify(diags.diagnostics));
  const violation = diags.diagnostics[0];
  assert.equal(violation.code, 'C002');
  assert.equal(violation.source, 'concord');
  assert.equal(violation.severity, 1);
  // `31 days` on line 7 (0-based 6): "    exit anytime /* " is 20 units, the
  // wrench 2 (a surrogate pair), " */ notice " 11: the number starts at 33.
  assert.deepEqual(violation.range, {
    start: { line: 6, character: 33 }, end: { line: 6, character: 40 } });
  assert.match(violation.message, /breaks the concord `minimal`: exit is real: notice of at most 30 days/);
  const requirement = violation.relatedInformation.find((r) => /required by concord `minimal`/.test(r.message));
  assert.ok(requirement, JSON.stringify(violation.relatedInformation));
  assert.match(requirement.location.uri, /^file:\/\/.*\/stdlib\/minimal\.concord$/);
  const inCharter = violation.relatedInformation.find((r) => r.message === 'in this charter');
  assert.deepEqual(inCharter.location, {
    uri, range: { start: { line: 2, character: 8 }, end: { line: 2, character: 20 } } });

  step('didChange (incremental): 31 -> 30 clears the diagnostics');
  connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 },
    contentChanges: [{
      range: { start: { line: 6, character: 33 }, end: { line: 6, character: 35 } },
      rangeLength: 2,
      text: '30',
    }],
  });
  diags = await nextDiagnostics(uri);
  assert.equal(diags.version, 2);
  assert.deepEqual(diags.diagnostics, []);

  step('hover on a rule, a charter and a keyword');
  let hover = await connection.sendRequest(rpc.HoverRequest.type, {
    textDocument: { uri }, position: { line: 21, character: 8 } });
  assert.equal(hover.contents.kind, 'markdown');
  assert.match(hover.contents.value, /rule lending "Tools are lent for a week"/);
  assert.match(hover.contents.value, /Any member may borrow a tool for seven days\./);
  assert.deepEqual(hover.range, { start: { line: 21, character: 7 }, end: { line: 21, character: 14 } });
  hover = await connection.sendRequest(rpc.HoverRequest.type, {
    textDocument: { uri }, position: { line: 29, character: 12 } });
  assert.match(hover.contents.value, /charter tool_library "Tool Library"/);
  assert.match(hover.contents.value, /claims concord `minimal`/);
  hover = await connection.sendRequest(rpc.HoverRequest.type, {
    textDocument: { uri }, position: { line: 6, character: 28 } });
  assert.match(hover.contents.value, /how much notice leaving requires/i);

  step('definition: in the document, across an import, a member');
  let definition = await connection.sendRequest(rpc.DefinitionRequest.type, {
    textDocument: { uri }, position: { line: 31, character: 30 } });
  assert.deepEqual(definition, {
    uri, range: { start: { line: 2, character: 8 }, end: { line: 2, character: 20 } } });
  definition = await connection.sendRequest(rpc.DefinitionRequest.type, {
    textDocument: { uri }, position: { line: 30, character: 12 } });
  assert.deepEqual(definition, {
    uri: alliesUri, range: { start: { line: 0, character: 8 }, end: { line: 0, character: 14 } } });

  step('documentSymbol');
  const symbols = await connection.sendRequest(rpc.DocumentSymbolRequest.type, { textDocument: { uri } });
  assert.deepEqual(symbols.map((s) => s.name), ['tool_library', 'first_week']);
  assert.deepEqual(symbols[0].children.map((s) => s.name), ['lending']);
  assert.deepEqual(symbols[1].children.map((s) => s.name), ['ana', 'ben', 'zoe']);

  step('completion');
  const completion = await connection.sendRequest(rpc.CompletionRequest.type, {
    textDocument: { uri }, position: { line: 31, character: 16 } });
  const labels = completion.items.map((i) => i.label);
  for (const expected of ['tool_library', 'allies', 'ana', 'charter', 'count']) {
    assert.ok(labels.includes(expected), `completion lacks ${expected}`);
  }

  step('semantic tokens');
  const tokens = await connection.sendRequest(rpc.SemanticTokensRequest.type, { textDocument: { uri } });
  const legend = caps.semanticTokensProvider.legend.tokenTypes;
  // Decode the first tokens: `import` (keyword) then the path (string).
  assert.equal(tokens.data.length % 5, 0);
  assert.deepEqual(tokens.data.slice(0, 5), [0, 0, 6, legend.indexOf('keyword'), 0]);
  assert.deepEqual(tokens.data.slice(5, 10), [0, 7, 16, legend.indexOf('string'), 0]);
  // `charter` keyword, then `tool_library` declared as a class.
  assert.deepEqual(tokens.data.slice(10, 15), [2, 0, 7, legend.indexOf('keyword'), 0]);
  assert.deepEqual(tokens.data.slice(15, 20), [0, 8, 12, legend.indexOf('class'), 1]);
  // Absolute positions: the block comment on the exit line is 8 UTF-16
  // units long (`/* `, the wrench as a surrogate pair, ` */`).
  const decoded = [];
  for (let i = 0, line = 0, start = 0; i < tokens.data.length; i += 5) {
    line += tokens.data[i];
    start = tokens.data[i] === 0 ? start + tokens.data[i + 1] : tokens.data[i + 1];
    decoded.push({ line, start, length: tokens.data[i + 2], type: legend[tokens.data[i + 3]] });
  }
  assert.deepEqual(decoded.filter((t) => t.line === 6), [
    { line: 6, start: 4, length: 4, type: 'keyword' },   // exit
    { line: 6, start: 9, length: 7, type: 'keyword' },   // anytime
    { line: 6, start: 17, length: 8, type: 'comment' },  // /* 🔧 */
    { line: 6, start: 26, length: 6, type: 'keyword' },  // notice
    { line: 6, start: 33, length: 2, type: 'number' },   // 30
    { line: 6, start: 36, length: 4, type: 'keyword' },  // days
  ]);
  assert.ok(decoded.some((t) => t.line === 21 && t.start === 7 && t.type === 'method'), 'rule `lending` is a method');

  step('formatting');
  if (caps.documentFormattingProvider) {
    // Break the indentation of one line; formatting restores it.
    connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 2 } }, text: '' }],
    });
    diags = await nextDiagnostics(uri);
    assert.deepEqual(diags.diagnostics, []);
    const edits = await connection.sendRequest(rpc.DocumentFormattingRequest.type, {
      textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.equal(edits.length, 1);
    assert.deepEqual(edits[0].range.start, { line: 0, character: 0 });
    assert.match(edits[0].newText, /\n {2}adopted 2026-11-01\n/);
    connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 4 },
      contentChanges: [{ text: edits[0].newText }],
    });
    diags = await nextDiagnostics(uri);
    assert.deepEqual(diags.diagnostics, []);
    const again = await connection.sendRequest(rpc.DocumentFormattingRequest.type, {
      textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.deepEqual(again, []);
  } else {
    throw new Error('the server does not advertise documentFormattingProvider');
  }

  step('code action: did you mean for a misspelt charter name');
  const misspeltUri = pathToFileURL(path.join(dir, 'misspelt.concord')).href;
  connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, {
    textDocument: {
      uri: misspeltUri, languageId: 'concord', version: 1,
      text: 'import "allies.concord"\n\nscenario typo {\n  start 2026-11-02\n  members alies: zoe\n}\n',
    },
  });
  diags = await nextDiagnostics(misspeltUri);
  const unknown = diags.diagnostics.find((d) => d.code === 'E0201');
  assert.ok(unknown, JSON.stringify(diags.diagnostics));
  assert.deepEqual(unknown.range, { start: { line: 4, character: 10 }, end: { line: 4, character: 15 } });
  const actions = await connection.sendRequest(rpc.CodeActionRequest.type, {
    textDocument: { uri: misspeltUri }, range: unknown.range, context: { diagnostics: [unknown] } });
  assert.equal(actions.length, 1, JSON.stringify(actions));
  assert.equal(actions[0].title, 'replace `alies` with `allies`');
  assert.equal(actions[0].kind, 'quickfix');
  assert.deepEqual(actions[0].edit.changes[misspeltUri], [{ range: unknown.range, newText: 'allies' }]);

  step('power: hover on an office, completion of matters and methods');
  const powerUri = pathToFileURL(path.join(dir, 'power.concord')).href;
  connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, {
    textDocument: {
      uri: powerUri, languageId: 'concord', version: 1,
      text: [
        'charter linden {',
        '  adopted 2026-11-01',
        '  membership { entry open exit anytime notice 14 days }',
        '  revision { every year quota 1 }',
        '  jury { size 3 draw lottery from members ruling expires after 1 year }',
        '  office coordinators "Coordinators" {',
        '    seats 2 chosen by election among members term 6 months',
        '    limit 2 terms in a row recall by 25% of members',
        '    decides spending up to 300 EUR',
        '  }',
        '  decisions { amendment by vote 2/3 of members }',
        '}',
        '',
      ].join('\n'),
    },
  });
  diags = await nextDiagnostics(powerUri);
  // Practice lints (warnings) may remain; no error.
  assert.deepEqual(diags.diagnostics.filter((d) => d.severity === 1), []);
  hover = await connection.sendRequest(rpc.HoverRequest.type, {
    textDocument: { uri: powerUri }, position: { line: 5, character: 12 } });
  assert.match(hover.contents.value, /office coordinators "Coordinators"/);
  assert.match(hover.contents.value, /2 seats; chosen by election among members/);
  assert.match(hover.contents.value, /term 6 months; at most 2 in a row; recall by 25% of members/);
  assert.match(hover.contents.value, /decides: spending up to 300 EUR/);
  hover = await connection.sendRequest(rpc.HoverRequest.type, {
    textDocument: { uri: powerUri }, position: { line: 6, character: 5 } });
  assert.match(hover.contents.value, /how many people hold an office at once/i);
  const powerCompletion = await connection.sendRequest(rpc.CompletionRequest.type, {
    textDocument: { uri: powerUri }, position: { line: 10, character: 14 } });
  const powerLabels = powerCompletion.items.map((i) => i.label);
  for (const expected of ['amendment', 'admission', 'default', 'majority', 'consent', 'consensus',
    'coordinators']) {
    assert.ok(powerLabels.includes(expected), `completion lacks ${expected}`);
  }

  step('a request for a document that is not open gets an error');
  const notOpen = await expectError(connection.sendRequest(rpc.HoverRequest.type, {
    textDocument: { uri: pathToFileURL(path.join(dir, 'nowhere.concord')).href },
    position: { line: 0, character: 0 } }), -32602);
  assert.match(notOpen.message, /not open/);
  await expectError(connection.sendRequest('concord/noSuchMethod', {}), -32601);

  step('garbage on the wire, then the server still answers');
  child.stdin.write('Content-Length: 12\r\n\r\n{not json!!}');
  child.stdin.write('Content-Length: 2\r\n\r\n[]');
  hover = await connection.sendRequest(rpc.HoverRequest.type, {
    textDocument: { uri }, position: { line: 21, character: 8 } });
  assert.match(hover.contents.value, /rule lending/);
  assert.match(rawOutput, /"code":-32700/);
  assert.match(rawOutput, /"code":-32600/);

  step('half-typed text: every request still answered');
  connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 10 },
    contentChanges: [{ range: { start: { line: 24, character: 0 }, end: { line: 24, character: 1 } }, text: 'rule x "' }],
  });
  diags = await nextDiagnostics(uri);
  assert.ok(diags.diagnostics.length > 0);
  assert.ok(diags.diagnostics.every((d) => /^E0\d{3}$/.test(d.code)), JSON.stringify(diags.diagnostics));
  await connection.sendRequest(rpc.HoverRequest.type, { textDocument: { uri }, position: { line: 24, character: 3 } });
  // Names still resolve from the syntax tree while the text does not parse.
  definition = await connection.sendRequest(rpc.DefinitionRequest.type, {
    textDocument: { uri }, position: { line: 31, character: 30 } });
  assert.deepEqual(definition, {
    uri, range: { start: { line: 2, character: 8 }, end: { line: 2, character: 20 } } });
  await connection.sendRequest(rpc.DocumentSymbolRequest.type, { textDocument: { uri } });
  await connection.sendRequest(rpc.SemanticTokensRequest.type, { textDocument: { uri } });

  step('shutdown and exit');
  await connection.sendRequest(rpc.ShutdownRequest.type);
  connection.sendNotification(rpc.ExitNotification.type);
  const code = await exited;
  assert.equal(code, 0);
  console.log('ok: the LSP client session passed');
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
} catch (error) {
  console.error(error);
  child.kill();
  process.exit(1);
}
