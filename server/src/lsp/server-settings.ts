/**
 * The server's side of the one settings path (`settings.ts`): each document's settings as the
 * command line resolves them — the nearest `.perf-target.json` above it, with the editor's
 * `perfTarget.*` settings on top — kept per document until a settings file or the editor's settings
 * change, and the file watchers that say when.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  type ClientCapabilities,
  type Connection,
  type Disposable,
} from 'vscode-languageserver';
import { CONFIG_FILE } from '../config';
import { directoriesAbove, SettingsResolver, type ResolvedSettings } from '../settings';
import { DEFAULT_MAX_DIAGNOSTICS } from './diagnostics';
import type { Workspace } from './workspace';

export class ServerSettings {
  private editor: unknown;
  private resolver: SettingsResolver;
  private readonly byUri = new Map<string, ResolvedSettings>();
  private configure = false;
  private watch = false;
  private watchRelative = false;
  private watchingAbove: Promise<Disposable> | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly workspace: Workspace,
  ) {
    this.resolver = this.newResolver();
  }

  /** Reads what the client can do (from `initialize`). */
  setCapabilities(capabilities: ClientCapabilities): void {
    const caps = capabilities.workspace;
    this.configure = caps?.configuration === true;
    this.watch = caps?.didChangeWatchedFiles?.dynamicRegistration === true;
    this.watchRelative = this.watch && caps?.didChangeWatchedFiles?.relativePatternSupport === true;
    this.reset();
  }

  /** The settings of the document `uri`. */
  for(uri: string): ResolvedSettings {
    let s = this.byUri.get(uri);
    if (!s) {
      s = this.resolver.resolveUri(uri);
      this.byUri.set(uri, s);
    }
    return s;
  }

  /** `perfTarget.maxDiagnosticsPerFile` (editor only; 0: no limit). */
  maxDiagnostics(): number {
    const v =
      typeof this.editor === 'object' && this.editor !== null
        ? (this.editor as Record<string, unknown>)['maxDiagnosticsPerFile']
        : undefined;
    return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : DEFAULT_MAX_DIAGNOSTICS;
  }

  /** Forgets every document's settings (a settings file, the editor's settings or the folders changed). */
  reset(): void {
    this.resolver = this.newResolver();
    this.byUri.clear();
  }

  /** Asks for the editor's settings change notifications and the settings files' watchers. */
  register(): void {
    const client = this.connection.client;
    if (this.configure) void client.register(DidChangeConfigurationNotification.type, undefined);
    if (this.watch) {
      void client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{jxmb,txt,tsv}' }, { globPattern: `**/${CONFIG_FILE}` }],
      });
      this.watchAbove();
    }
  }

  /**
   * A settings file above the workspace folders applies as on the command line: watched where the
   * client takes relative patterns (LSP 3.17), again when the folders change.
   */
  watchAbove(): void {
    if (!this.watchRelative) return;
    void this.watchingAbove?.then(
      (d) => d.dispose(),
      () => undefined,
    );
    const dirs = directoriesAbove(this.workspace.folderUris.map((u) => fileURLToPath(u)));
    this.watchingAbove =
      dirs.length === 0
        ? undefined
        : this.connection.client.register(DidChangeWatchedFilesNotification.type, {
            watchers: dirs.map((d) => ({
              globPattern: { baseUri: pathToFileURL(d).toString(), pattern: CONFIG_FILE },
            })),
          });
    this.watchingAbove?.catch((e: unknown) =>
      this.connection.console.warn(
        `cannot watch settings above the workspace: ${e instanceof Error ? e.message : String(e)}`,
      ),
    );
  }

  /** Reads the editor's settings again: asked for, or those a notification carries. */
  async update(pushed?: unknown): Promise<void> {
    if (!this.configure) {
      if (pushed !== undefined) this.editor = (pushed as { perfTarget?: unknown } | undefined)?.perfTarget;
      return;
    }
    try {
      this.editor = await this.connection.workspace.getConfiguration({ section: 'perfTarget' });
    } catch (e) {
      this.connection.console.warn(`cannot read settings: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private newResolver(): SettingsResolver {
    return new SettingsResolver({
      editor: this.editor,
      roots: this.workspace.folderUris.map((u) => fileURLToPath(u)),
      onIssues: (issues) => {
        for (const i of issues) this.connection.console.warn(`settings: ${i.source}: ${i.text.en}`);
      },
    });
  }
}
