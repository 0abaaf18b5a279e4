/**
 * The parts of a running language server, made once and shared by its handlers (Langium's
 * services, in small): the workspace and each document's state, the settings, the handler
 * wrappers, the validator that decides when to check and the publisher that decides what to list.
 */
import { join } from 'node:path';
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import { checkingRowCache } from '../check';
import { localize, type Locale } from '../i18n';
import { StatusNotification } from '../protocol';
import { DiagnosticConverter } from './diagnostics';
import { Handlers } from './handlers';
import { Publisher } from './publisher';
import { ServerSettings } from './server-settings';
import { DocumentStates } from './session';
import { Validator } from './validator';
import { Workspace, type TargetFile } from './workspace';

/** The parts of a running server, made once by `startServer` and shared by its handlers. */
export interface Services {
  readonly connection: Connection;
  readonly workspace: Workspace;
  readonly states: DocumentStates;
  readonly settings: ServerSettings;
  readonly handlers: Handlers;
  readonly converter: DiagnosticConverter;
  readonly publisher: Publisher;
  readonly validator: Validator;
  /** The client's display language and the rule pages' folder, from `initialize`. */
  readonly env: { locale: Locale; docsRoot: string; watchFolders: boolean };
  /** The target file `uri` is, if the server knows it. */
  fileOf(uri: string): TargetFile | undefined;
  /** Settings changed: every document's settings are resolved again and the open ones checked again. */
  refreshAll(): void;
}

export function createServices(connection: Connection): Services {
  const states = new DocumentStates();
  // Rows of open documents are checked as they are parsed, while their indicator trees are at hand;
  // files indexed from disk are only parsed until they are opened or the workspace is checked.
  const workspace: Workspace = new Workspace((uri) =>
    checkingRowCache(
      () => settings.for(uri).config,
      () => states.document(uri) !== undefined,
    ),
  );
  const fileOf = (uri: string): TargetFile | undefined => workspace.get(uri);
  const handlers = new Handlers((m) => connection.console.error(m), fileOf);
  const settings: ServerSettings = new ServerSettings(connection, workspace);
  const env = { locale: 'en' as Locale, docsRoot: join(__dirname, '..', 'docs', 'rules'), watchFolders: false };
  const converter = new DiagnosticConverter(
    () => env.docsRoot,
    () => env.locale,
  );
  const publisher = new Publisher(
    {
      sendDiagnostics: (p) => void connection.sendDiagnostics(p),
      sendStatus: (p) => void connection.sendNotification(StatusNotification.type, p),
    },
    converter,
    () => settings.maxDiagnostics(),
    (file) => workspace.get(file.uri) === file,
    (name, work) => handlers.background(name, work),
  );
  const validator = new Validator({
    workspace,
    states,
    publisher,
    handlers,
    settingsFor: (uri) => settings.for(uri),
    clear: (uri) => void connection.sendDiagnostics({ uri, diagnostics: [] }),
    // A notification (not `window.showWarningMessage`, a request awaiting the clerk's answer).
    warn: (message) =>
      void connection.sendNotification(ShowMessageNotification.type, {
        type: MessageType.Warning,
        message: localize(message, env.locale),
      }),
  });
  const refreshAll = (): void => {
    settings.reset();
    validator.refresh();
  };
  return {
    connection,
    workspace,
    states,
    settings,
    handlers,
    converter,
    publisher,
    validator,
    env,
    fileOf,
    refreshAll,
  };
}
