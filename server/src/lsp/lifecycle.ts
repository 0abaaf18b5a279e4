/** The server's lifecycle: initialization, the editor's settings, the workspace's folders and files on disk. */
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  FileChangeType,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { CONFIG_FILE } from '../config';
import { toLocale } from '../i18n';
import { FIX_ALL_KIND, type InitializationOptions } from '../protocol';
import { prepareParser } from '../syntax/indicators';
import { TRIGGER_CHARACTERS } from './completion';
import type { Services } from './services';

/** Initialization, the editor's settings, the workspace's folders and files on disk. */
export function registerLifecycle(s: Services): void {
  const { connection, workspace, settings, env } = s;
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    prepareParser();
    const options = (params.initializationOptions ?? {}) as { readonly [K in keyof InitializationOptions]?: unknown };
    env.locale = toLocale(typeof options.locale === 'string' ? options.locale : params.locale);
    if (typeof options.docsRoot === 'string') env.docsRoot = options.docsRoot;
    env.watchFolders = params.capabilities.workspace?.workspaceFolders === true;
    workspace.setFolders(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
    settings.setCapabilities(params.capabilities);
    return { capabilities: CAPABILITIES, serverInfo: { name: 'perf-target-language-server', version: '0.1.0' } };
  });

  connection.onInitialized(async () => {
    if (env.watchFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(async (e) => {
        const current = new Set<string>(workspace.folderUris);
        for (const r of e.removed) current.delete(r.uri);
        for (const a of e.added) current.add(a.uri);
        workspace.setFolders([...current]);
        settings.watchAbove();
        await workspace.scan();
        s.refreshAll();
      });
    }
    settings.register();
    await settings.update();
    const started = Date.now();
    const count = await workspace.scan();
    connection.console.log(`indexed ${count} target file(s) in ${Date.now() - started} ms`);
    s.refreshAll();
  });

  connection.onDidChangeConfiguration(async (change) => {
    await settings.update(change.settings ?? null);
    s.refreshAll();
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    let settingsChanged = false;
    for (const c of changes) {
      if (c.uri.endsWith(`/${CONFIG_FILE}`)) {
        settingsChanged = true;
        continue;
      }
      if (s.states.document(c.uri)) continue;
      if (c.type === FileChangeType.Deleted) workspace.delete(c.uri);
      else {
        try {
          if (c.uri.startsWith('file:')) await workspace.loadFromDisk(fileURLToPath(c.uri));
        } catch (e) {
          connection.console.warn(`cannot index ${c.uri}: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    }
    if (settingsChanged) s.refreshAll();
  });
}

const CAPABILITIES: InitializeResult['capabilities'] = {
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
  hoverProvider: true,
  completionProvider: { triggerCharacters: TRIGGER_CHARACTERS, resolveProvider: false },
  documentSymbolProvider: { label: '绩效目标表' },
  workspaceSymbolProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  documentHighlightProvider: true,
  foldingRangeProvider: true,
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
  documentFormattingProvider: true,
  documentRangeFormattingProvider: true,
  workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
};
