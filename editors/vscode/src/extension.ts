// The prfaq extension: starts `prfaq lsp` for Markdown documents and adds what the protocol alone
// does not give (a status-bar summary, commands, a clear message when prfaq is missing).
import * as vscode from 'vscode';
import {
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  State,
} from 'vscode-languageclient/node';

import { countFindings, formatCounts } from './counts';
import { middleware } from './middleware';
import { expandVariables, resolveExecutable } from './executable';

const CLIENT_ID = 'prfaq';
/** The server's command behind the "Add 'word' to the project vocabulary" quick fix. */
const SERVER_ADD_WORD = 'prfaq.addToVocabulary';
const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('prfaq');
export const INSTALL_HINT =
  'Build it from source (bash scripts/setup.sh in a clone of prfaq, then set prfaq.path to its ' +
  'build/prfaq) or install the .deb package: sudo apt-get install ./prfaq_*.deb';

type ServerState =
  | { kind: 'starting' }
  | { kind: 'running' }
  | { kind: 'stopped'; reason: string }
  | { kind: 'missing'; reason: string };

class Prfaq implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private state: ServerState = { kind: 'starting' };
  /** Starts and stops run one after another, never interleaved. */
  private queue: Promise<void> = Promise.resolve();
  private readonly output = vscode.window.createOutputChannel('prfaq');
  private readonly status = vscode.window.createStatusBarItem(
    'prfaq.status',
    vscode.StatusBarAlignment.Right,
    100,
  );
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    this.status.name = 'prfaq';
    this.disposables.push(
      this.output,
      this.status,
      vscode.window.onDidChangeActiveTextEditor(() => this.updateStatus()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active !== undefined && e.uris.some((u) => u.toString() === active)) this.updateStatus();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('prfaq.path') || e.affectsConfiguration('prfaq.args'))
          void this.restart();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.restart()),
      vscode.commands.registerCommand('prfaq.restartServer', () => this.restart()),
      vscode.commands.registerCommand('prfaq.showOutput', () => this.output.show(true)),
      vscode.commands.registerCommand('prfaq.fixAll', () => this.fixAll()),
      vscode.commands.registerCommand('prfaq.addWordToVocabulary', (word?: unknown) =>
        this.addWord(typeof word === 'string' ? word : undefined),
      ),
    );
  }

  start(): Promise<void> {
    return this.enqueue(() => this.doStart());
  }

  restart(): Promise<void> {
    return this.enqueue(async () => {
      await this.doStop();
      await this.doStart();
    });
  }

  stop(): Promise<void> {
    return this.enqueue(() => this.doStop());
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(step, step);
    return this.queue;
  }

  private setState(state: ServerState): void {
    this.state = state;
    this.updateStatus();
  }

  private async doStart(): Promise<void> {
    this.setState({ kind: 'starting' });
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const config = vscode.workspace.getConfiguration('prfaq');
    const resolved = resolveExecutable(config.get<string>('path', 'prfaq'), folder);
    if (!resolved.ok) {
      const message = `prfaq: cannot find the prfaq executable (${resolved.reason}; setting prfaq.path).`;
      this.output.appendLine(`${message} ${INSTALL_HINT}`);
      this.setState({ kind: 'missing', reason: resolved.reason });
      void vscode.window
        .showErrorMessage(`${message} ${INSTALL_HINT}`, 'Open Settings', 'Retry')
        .then((choice) => {
          if (choice === 'Open Settings')
            void vscode.commands.executeCommand('workbench.action.openSettings', 'prfaq.path');
          else if (choice === 'Retry') void this.restart();
        });
      return;
    }
    const extra = config.get<unknown[]>('args', []).filter((a): a is string => typeof a === 'string');
    const args = ['lsp', ...extra.map((a) => expandVariables(a, folder))];
    this.output.appendLine(`Starting ${resolved.path} ${args.join(' ')}`);
    // No `transport`: the client would add --stdio, which `prfaq lsp` does not take.
    const serverOptions: ServerOptions = {
      command: resolved.path,
      args,
      options: folder !== undefined ? { cwd: folder } : {},
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: 'markdown' },
        { scheme: 'untitled', language: 'markdown' },
      ],
      outputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      middleware,
      initializationFailedHandler: (error) => {
        const text = error instanceof Error ? error.message : String(error);
        void vscode.window.showErrorMessage(`prfaq lsp failed to initialize: ${text}`);
        return false;
      },
    };
    const client = new LanguageClient(CLIENT_ID, 'prfaq', serverOptions, clientOptions);
    this.client = client;
    client.onDidChangeState((e) => {
      if (this.client !== client) return;
      if (e.newState === State.Running) this.setState({ kind: 'running' });
      else if (e.newState === State.Starting) this.setState({ kind: 'starting' });
      else if (this.state.kind !== 'stopped')
        this.setState({ kind: 'stopped', reason: 'the prfaq language server stopped' });
    });
    try {
      await client.start();
      this.setState({ kind: 'running' });
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.output.appendLine(`prfaq lsp failed to start: ${text}`);
      this.setState({ kind: 'stopped', reason: `prfaq lsp failed to start: ${text}` });
    }
  }

  private async doStop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client === undefined) return;
    try {
      if (client.needsStop()) await client.stop(5000);
    } catch (error) {
      this.output.appendLine(`Stopping prfaq lsp: ${error instanceof Error ? error.message : String(error)}`);
    }
    try {
      await client.dispose();
    } catch {
      // Already stopped.
    }
  }

  private updateStatus(): void {
    const item = this.status;
    item.backgroundColor = undefined;
    switch (this.state.kind) {
      case 'missing':
        item.text = '$(warning) prfaq: not found';
        item.tooltip = `${this.state.reason}. ${INSTALL_HINT}. Click to try again.`;
        item.command = 'prfaq.restartServer';
        item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
        item.show();
        return;
      case 'stopped':
        item.text = '$(error) prfaq: stopped';
        item.tooltip = `${this.state.reason}. Click to restart it; the prfaq output channel has the details.`;
        item.command = 'prfaq.restartServer';
        item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
        item.show();
        return;
      case 'starting':
        item.text = '$(sync~spin) prfaq';
        item.tooltip = 'Starting prfaq lsp';
        item.command = 'prfaq.showOutput';
        item.show();
        return;
      case 'running':
        break;
    }
    const doc = vscode.window.activeTextEditor?.document;
    const received = doc !== undefined ? this.client?.diagnostics?.get(doc.uri) ?? [] : [];
    if (doc === undefined || (doc.languageId !== 'markdown' && received.length === 0)) {
      item.hide();
      return;
    }
    const counts = countFindings(
      received.map((d) => ({ severity: d.severity, message: d.message, source: d.source })),
    );
    const shown = formatCounts(counts, vscode.workspace.asRelativePath(doc.uri));
    item.text = shown.text;
    item.tooltip = shown.tooltip;
    item.command = 'workbench.actions.view.problems';
    if (counts.blocked !== undefined)
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
    item.show();
  }

  private markdownEditor(): vscode.TextEditor | undefined {
    const editor = vscode.window.activeTextEditor;
    if (editor === undefined || editor.document.languageId !== 'markdown') {
      void vscode.window.showInformationMessage('prfaq: open a Markdown document first.');
      return undefined;
    }
    if (this.client === undefined || !this.client.isRunning()) {
      void vscode.window.showErrorMessage('prfaq: the language server is not running.', 'Restart')
        .then((choice) => {
          if (choice === 'Restart') void this.restart();
        });
      return undefined;
    }
    return editor;
  }

  /** Every safe fix at once: the server's source.fixAll.prfaq action. */
  private async fixAll(): Promise<void> {
    const editor = this.markdownEditor();
    if (editor === undefined) return;
    const doc = editor.document;
    const whole = doc.validateRange(new vscode.Range(0, 0, doc.lineCount, 0));
    const actions =
      (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
        'vscode.executeCodeActionProvider',
        doc.uri,
        whole,
        FIX_ALL_KIND.value,
      )) ?? [];
    const fix = actions.find(
      (a): a is vscode.CodeAction =>
        a instanceof vscode.CodeAction && a.kind !== undefined && FIX_ALL_KIND.contains(a.kind) && a.edit !== undefined,
    );
    if (fix?.edit === undefined) {
      void vscode.window.showInformationMessage('prfaq: no safe fixes to apply.');
      return;
    }
    if (!(await vscode.workspace.applyEdit(fix.edit)))
      void vscode.window.showErrorMessage('prfaq: the fixes could not be applied.');
  }

  /** The server's prfaq.addToVocabulary for the selection or the word at the cursor. */
  private async addWord(word: string | undefined): Promise<void> {
    const editor = this.markdownEditor();
    const client = this.client;
    if (editor === undefined || client === undefined) return;
    const doc = editor.document;
    if (word === undefined) {
      const sel = editor.selection;
      const range = sel.isEmpty ? doc.getWordRangeAtPosition(sel.active, /[\p{L}\p{N}][\p{L}\p{N}'’-]*/u) : sel;
      word = range !== undefined ? doc.getText(range).trim() : '';
    }
    const input = await vscode.window.showInputBox({
      title: 'prfaq: add a word to the project vocabulary',
      prompt: 'The word is accepted by the spelling rule (PF601) in this project',
      value: word,
      validateInput: (v) => (v.trim() === '' || /\s/.test(v.trim()) ? 'Enter one word' : undefined),
    });
    if (input === undefined) return;
    try {
      await client.sendRequest(ExecuteCommandRequest.type, {
        command: SERVER_ADD_WORD,
        arguments: [client.code2ProtocolConverter.asUri(doc.uri), input.trim()],
      });
    } catch (error) {
      void vscode.window.showErrorMessage(
        `prfaq: cannot add '${input.trim()}': ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

let prfaq: Prfaq | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  prfaq = new Prfaq();
  context.subscriptions.push(prfaq);
  await prfaq.start();
}

export async function deactivate(): Promise<void> {
  await prfaq?.stop();
  prfaq = undefined;
}
