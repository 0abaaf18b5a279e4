/**
 * Every target file the server knows: the documents open in the editor and the target files of
 * the workspace folders on disk (indexed at start, kept current by file events). Each file keeps
 * its own row cache, so re-parsing after an edit costs the changed rows; derived indexes (project
 * names, indicator names per code) are computed once per version, on first use.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decode, looksLikeTargetTable } from '../decode';
import {
  parseDocument,
  RowCache,
  warmRows,
  type IndicatorOutline,
  type ParsedRow,
  type RowRef,
  type TargetDocument,
} from '../syntax/document';

export interface IndicatorUse {
  readonly uri: string;
  /** The project's row (its spans are of the row's text). */
  readonly ref: RowRef;
  readonly indicator: IndicatorOutline;
  readonly project: string;
}

export class TargetFile {
  private projectsCache?: readonly RowRef[];
  private namesCache?: ReadonlyMap<string, ReadonlyMap<string, number>>;

  constructor(
    readonly uri: string,
    readonly version: number,
    readonly doc: TargetDocument,
    /** True while the editor has the file open (its text is the editor's, not the disk's). */
    readonly open: boolean,
  ) {}

  get projects(): readonly RowRef[] {
    this.projectsCache ??= this.doc.tables.flatMap((t) => t.projects);
    return this.projectsCache;
  }

  /** Indicator names by level-2 code ('' for none), with how often each is used; computed once per version. */
  get namesByCode(): ReadonlyMap<string, ReadonlyMap<string, number>> {
    if (!this.namesCache) {
      const out = new Map<string, Map<string, number>>();
      for (const use of this.indicators()) {
        const name = use.indicator.name;
        if (!name) continue;
        const code = use.indicator.level2Code ?? '';
        let names = out.get(code);
        if (!names) {
          names = new Map();
          out.set(code, names);
        }
        names.set(name, (names.get(name) ?? 0) + 1);
      }
      this.namesCache = out;
    }
    return this.namesCache;
  }

  /** Every indicator of the file with its line and project. */
  *indicators(): Generator<IndicatorUse> {
    for (const ref of this.projects) {
      for (const indicator of ref.row.outline?.indicators ?? []) {
        yield { uri: this.uri, ref, indicator, project: ref.row.name?.text ?? '' };
      }
    }
  }
}

/** A .jxmb file, or a .txt/.tsv whose first lines hold the title or header row. */
export function isTargetFile(uriOrPath: string, text: string): boolean {
  const ext = extname(uriOrPath).toLowerCase();
  if (ext === '.jxmb') return true;
  return (ext === '.txt' || ext === '.tsv') && looksLikeTargetTable(text);
}

const SCANNED = new Set(['.jxmb', '.txt', '.tsv']);
/** Files above this size are not indexed from disk (they are still checked when opened). */
export const MAX_INDEXED_FILE_BYTES = 64 * 1024 * 1024;

export class Workspace {
  private readonly files = new Map<string, TargetFile>();
  private readonly caches = new Map<string, RowCache>();
  private folders: string[] = [];

  /** `newCache` makes each file's row cache (the server's checks rows as they are parsed). */
  constructor(private readonly newCache: (uri: string) => RowCache = () => new RowCache()) {}

  /** The row cache of `uri`: rows parsed for earlier versions, reused by the next parse. */
  cacheOf(uri: string): RowCache {
    let cache = this.caches.get(uri);
    if (!cache) {
      cache = this.newCache(uri);
      this.caches.set(uri, cache);
    }
    return cache;
  }

  /** Parses `text` (or its lines) as the new version of `uri`, reusing the rows it had. */
  set(
    uri: string,
    text: string | readonly string[],
    version: number,
    open: boolean,
    parsed?: readonly ParsedRow[],
  ): TargetFile {
    const file = new TargetFile(
      uri,
      version,
      parseDocument(text, this.cacheOf(uri), this.files.get(uri)?.doc, parsed),
      open,
    );
    this.files.set(uri, file);
    return file;
  }

  get(uri: string): TargetFile | undefined {
    return this.files.get(uri);
  }

  delete(uri: string): void {
    this.files.delete(uri);
    this.caches.delete(uri);
  }

  all(): IterableIterator<TargetFile> {
    return this.files.values();
  }

  get folderUris(): readonly string[] {
    return this.folders;
  }

  setFolders(uris: readonly string[]): void {
    this.folders = uris.filter((u) => u.startsWith('file:'));
  }

  /** The workspace folder (file path) that holds `uri`, if any. */
  folderOf(uri: string): string | undefined {
    const hits = this.folders.filter((f) => uri === f || uri.startsWith(f.endsWith('/') ? f : `${f}/`));
    const best = hits.sort((a, b) => b.length - a.length)[0];
    return best ? fileURLToPath(best) : undefined;
  }

  /** Reads a file from disk into the index (unless the editor has it open). */
  async loadFromDisk(path: string): Promise<TargetFile | undefined> {
    const uri = pathToFileURL(path).toString();
    if (this.files.get(uri)?.open) return this.files.get(uri);
    try {
      const info = await stat(path);
      if (!info.isFile() || info.size > MAX_INDEXED_FILE_BYTES) return undefined;
      const text = decode(await readFile(path)).text;
      // The editor may have opened the file while it was being read: its text wins.
      const opened = this.files.get(uri);
      if (opened?.open) return opened;
      if (!isTargetFile(path, text)) {
        this.delete(uri);
        return undefined;
      }
      // Large files are parsed in slices, so that indexing never holds up the editor's requests.
      const rows = await warmRows(text, this.cacheOf(uri), () => this.files.get(uri)?.open === true);
      if (!rows || this.files.get(uri)?.open) return this.files.get(uri);
      return this.set(uri, text, 0, false, rows);
    } catch {
      this.delete(uri);
      return undefined;
    }
  }

  /** Indexes every target file under the workspace folders, yielding between files. */
  async scan(isCancelled: () => boolean = () => false): Promise<number> {
    let count = 0;
    const walk = async (dir: string, depth: number): Promise<void> => {
      if (depth > 12 || isCancelled()) return;
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (isCancelled()) return;
        if (e.name.startsWith('.') || e.name === 'node_modules') continue;
        const path = join(dir, e.name);
        if (e.isDirectory()) await walk(path, depth + 1);
        else if (e.isFile() && SCANNED.has(extname(e.name).toLowerCase())) {
          if (await this.loadFromDisk(path)) count++;
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      }
    };
    for (const folder of this.folders) await walk(fileURLToPath(folder), 0);
    return count;
  }
}
