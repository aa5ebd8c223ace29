// The Concord extension: the TextMate grammar and language configuration are
// contributed declaratively in package.json; this file only starts
// `concord lsp` over stdio and connects VS Code's language client to it.
'use strict';

const path = require('path');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

/** @type {LanguageClient | undefined} */
let client;

// `concord.path` may be a bare command looked up on PATH ("concord"), an
// absolute path, or a path relative to the first workspace folder
// ("build/dev/concord"), which is what a checkout of the compiler uses.
function resolveConcordPath() {
  const configured = vscode.workspace.getConfiguration('concord').get('path') || 'concord';
  if (path.isAbsolute(configured) || !/[\\/]/.test(configured)) return configured;
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  return folder ? path.join(folder.uri.fsPath, configured) : configured;
}

function createClient() {
  const command = resolveConcordPath();
  const executable = { command, args: ['lsp'], transport: TransportKind.stdio };
  const serverOptions = { run: executable, debug: executable };
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'concord' },
      { scheme: 'untitled', language: 'concord' },
    ],
    synchronize: {
      // concord.toml sets lint severities; the server re-reads it on change.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/concord.toml'),
    },
  };
  // The id `concord` makes the client read its trace level from the
  // `concord.trace.server` setting.
  return new LanguageClient('concord', 'Concord Language Server', serverOptions, clientOptions);
}

async function startClient() {
  client = createClient();
  try {
    await client.start();
  } catch (error) {
    const command = resolveConcordPath();
    client = undefined;
    const choice = await vscode.window.showErrorMessage(
      `Could not start the Concord language server (\`${command} lsp\`): ${error.message || error}. ` +
        'Set `concord.path` to the concord binary.',
      'Open Settings',
    );
    if (choice === 'Open Settings') {
      vscode.commands.executeCommand('workbench.action.openSettings', 'concord.path');
    }
  }
}

async function stopClient() {
  if (!client) return;
  const running = client;
  client = undefined;
  try {
    await running.stop();
  } catch (error) {
    // A server that already exited cannot be stopped; there is nothing left to do.
  }
}

async function restartClient() {
  await stopClient();
  await startClient();
}

/** @param {vscode.ExtensionContext} context */
async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('concord.restartServer', restartClient),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('concord.path')) restartClient();
    }),
  );
  await startClient();
}

function deactivate() {
  return stopClient();
}

module.exports = { activate, deactivate };
