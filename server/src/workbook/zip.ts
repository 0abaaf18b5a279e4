/**
 * The zip container of an .xlsx, read and written with Node's own zlib (no third-party code).
 *
 * Reading trusts nothing in the file: the central directory is bounds-checked, only the entries
 * asked for are inflated, each with a hard cap on its inflated size (`ZIP_LIMITS`), and the sum of
 * what was inflated is capped too, so a zip bomb stops at the cap (in bounded time and memory) with
 * a clear message. Writing makes stored or deflated entries with their CRC-32, no zip64, no
 * encryption, a fixed timestamp (the same text gives the same bytes).
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { refuse } from './errors';

/** The limits of what a workbook's zip may hold (README, “Limits”). */
export const ZIP_LIMITS = {
  /** The workbook file itself. */
  fileBytes: 100 * 1024 * 1024,
  /** Entries in the central directory. */
  entries: 10_000,
  /** Inflated bytes of one entry (a 10 MB table's sheet and shared strings are ~15 MB each). */
  entryBytes: 128 * 1024 * 1024,
  /** Inflated bytes of all entries read from one workbook. */
  totalBytes: 256 * 1024 * 1024,
  /** An entry may inflate to at most this many times its compressed size… */
  ratio: 200,
  /** …once past this size (small entries of repeated XML compress far better than that). */
  ratioFloor: 8 * 1024 * 1024,
} as const;

const LOCAL_SIGNATURE = 0x04034b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const END_SIGNATURE = 0x06054b50;
const STORED = 0;
const DEFLATED = 8;

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

const corrupt = (zh: string, en: string): never =>
  refuse({
    zh: `工作簿不是有效的 zip 文件（${zh}），可能已损坏或未下载完整`,
    en: `the workbook is not a valid zip file (${en}); it may be damaged or incompletely downloaded`,
  });

/** A zip read lazily: the directory at once, an entry's bytes when asked for. */
export class ZipReader {
  readonly entries = new Map<string, ZipEntry>();
  private inflated = 0;

  constructor(private readonly bytes: Buffer) {
    if (bytes.length > ZIP_LIMITS.fileBytes) {
      refuse({
        zh: `工作簿文件超过 ${ZIP_LIMITS.fileBytes / 1024 / 1024} MB 上限`,
        en: `the workbook file is larger than the limit of ${ZIP_LIMITS.fileBytes / 1024 / 1024} MB`,
      });
    }
    const end = findEnd(bytes);
    const count = bytes.readUInt16LE(end + 10);
    const size = bytes.readUInt32LE(end + 12);
    const offset = bytes.readUInt32LE(end + 16);
    if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
      refuse({ zh: '工作簿使用 zip64 格式，超出支持的大小', en: 'the workbook uses zip64, beyond the supported size' });
    }
    if (count > ZIP_LIMITS.entries) {
      refuse({
        zh: `工作簿含 ${count} 个部件，超过上限 ${ZIP_LIMITS.entries}`,
        en: `the workbook holds ${count} parts, more than the limit of ${ZIP_LIMITS.entries}`,
      });
    }
    if (offset + size > end) corrupt('目录超出文件范围', 'central directory out of range');
    let at = offset;
    for (let i = 0; i < count; i++) {
      if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL_SIGNATURE)
        corrupt('目录项损坏', 'central directory entry');
      const flags = bytes.readUInt16LE(at + 8);
      const method = bytes.readUInt16LE(at + 10);
      const crc = bytes.readUInt32LE(at + 16);
      const compressedSize = bytes.readUInt32LE(at + 20);
      const entrySize = bytes.readUInt32LE(at + 24);
      const nameLength = bytes.readUInt16LE(at + 28);
      const extraLength = bytes.readUInt16LE(at + 30);
      const commentLength = bytes.readUInt16LE(at + 32);
      const localOffset = bytes.readUInt32LE(at + 42);
      if (at + 46 + nameLength > end) corrupt('部件名超出文件范围', 'entry name out of range');
      const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
      if (!this.entries.has(name))
        this.entries.set(name, { name, method, flags, crc, compressedSize, size: entrySize, localOffset });
      at += 46 + nameLength + extraLength + commentLength;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The inflated bytes of an entry; undefined when the zip has none of that name. */
  read(name: string): Buffer | undefined {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    const bytes = this.bytes;
    if (entry.flags & 1)
      refuse({
        zh: '工作簿的部件已加密，请先取消密码再另存为 .xlsx',
        en: "the workbook's parts are encrypted; remove the password and save it as .xlsx again",
      });
    const at = entry.localOffset;
    if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_SIGNATURE)
      corrupt(`${name} 的文件头损坏`, `local header of ${name}`);
    const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
    const stop = start + entry.compressedSize;
    if (stop > bytes.length) corrupt(`${name} 的数据超出文件范围`, `data of ${name} out of range`);
    const cap = Math.min(
      ZIP_LIMITS.entryBytes,
      ZIP_LIMITS.totalBytes - this.inflated,
      Math.max(ZIP_LIMITS.ratioFloor, entry.compressedSize * ZIP_LIMITS.ratio),
    );
    if (entry.size > cap) tooLarge(name);
    let data: Buffer;
    if (entry.method === STORED) {
      data = bytes.subarray(start, stop);
    } else if (entry.method === DEFLATED) {
      try {
        // The declared size is checked against the cap above and the real one below; the cap
        // itself is what bounds the work, whatever the header says.
        data = inflateRawSync(bytes.subarray(start, stop), { maxOutputLength: Math.max(1, cap) });
      } catch (e) {
        if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) tooLarge(name);
        return corrupt(`${name} 无法解压`, `cannot inflate ${name}`);
      }
    } else {
      return corrupt(`${name} 的压缩方式 ${entry.method} 不受支持`, `compression method ${entry.method} of ${name}`);
    }
    if (data.length !== entry.size) corrupt(`${name} 的大小不符`, `size of ${name}`);
    if (crc32(data) !== entry.crc) corrupt(`${name} 的校验和不符`, `checksum of ${name}`);
    this.inflated += data.length;
    return data;
  }
}

function tooLarge(name: string): never {
  return refuse({
    zh: `工作簿的部件 ${name} 解压后过大（上限 ${ZIP_LIMITS.entryBytes / 1024 / 1024} MB、压缩比 ${ZIP_LIMITS.ratio} 倍），疑为 zip 炸弹，已停止读取`,
    en: `the workbook's part ${name} inflates beyond the limit (${ZIP_LIMITS.entryBytes / 1024 / 1024} MB, ratio ${ZIP_LIMITS.ratio}); a zip bomb? Reading stopped`,
  });
}

/** The end-of-central-directory record: within the last 64 KiB + 22 bytes (the comment's maximum). */
function findEnd(bytes: Buffer): number {
  const min = Math.max(0, bytes.length - 0xffff - 22);
  for (let at = bytes.length - 22; at >= min; at--) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && bytes.readUInt32LE(at) === END_SIGNATURE) return at;
  }
  return corrupt('找不到目录结尾', 'no end of central directory');
}

export interface ZipInput {
  readonly name: string;
  readonly data: Buffer;
}

/** DOS date of 1980-01-01 (day 1, month 1, year 0), time 00:00: a fixed stamp, reproducible output. */
const DOS_DATE = (1 << 5) | 1;

/**
 * The fields a local header and its central directory entry share, in the same order: version
 * needed, flags (UTF-8 names), method, time, date, CRC, sizes, name and extra lengths (26 bytes).
 */
function writeEntryFields(
  buf: Buffer,
  at: number,
  f: { method: number; crc: number; compressed: number; size: number; nameLength: number },
): void {
  buf.writeUInt16LE(20, at);
  buf.writeUInt16LE(0x0800, at + 2);
  buf.writeUInt16LE(f.method, at + 4);
  buf.writeUInt16LE(0, at + 6);
  buf.writeUInt16LE(DOS_DATE, at + 8);
  buf.writeUInt32LE(f.crc, at + 10);
  buf.writeUInt32LE(f.compressed, at + 14);
  buf.writeUInt32LE(f.size, at + 18);
  buf.writeUInt16LE(f.nameLength, at + 22);
  buf.writeUInt16LE(0, at + 24);
}

/** A zip of the given entries, each deflated unless storing it is smaller. */
export function writeZip(inputs: readonly ZipInput[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const input of inputs) {
    const name = Buffer.from(input.name, 'utf8');
    const crc = crc32(input.data);
    const deflated = deflateRawSync(input.data, { level: 6 });
    const stored = deflated.length >= input.data.length;
    const body = stored ? input.data : deflated;
    const fields = {
      method: stored ? STORED : DEFLATED,
      crc,
      compressed: body.length,
      size: input.data.length,
      nameLength: name.length,
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_SIGNATURE, 0);
    writeEntryFields(local, 4, fields);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(CENTRAL_SIGNATURE, 0);
    entry.writeUInt16LE(20, 4); // made by: version 2.0
    writeEntryFields(entry, 6, fields);
    entry.writeUInt32LE(offset, 42);
    parts.push(local, name, body);
    central.push(entry, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_SIGNATURE, 0);
  end.writeUInt16LE(inputs.length, 8);
  end.writeUInt16LE(inputs.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}
