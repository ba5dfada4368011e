import { crc32, deflateRawSync, inflateRawSync, type ZlibOptions } from 'node:zlib';

/** One file of a zip archive. */
export interface ZipEntry {
  name: string;
  data: Uint8Array;
  /** Store as it is, for data that is compressed already (pictures). */
  store?: boolean;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

/**
 * Reads every file of a zip archive (stored or deflated entries, as pptxgenjs
 * and Office write them), in archive order. Folders are skipped.
 */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = buf.length - 22;
  while (end >= 0 && buf.readUInt32LE(end) !== END) end--;
  if (end < 0) throw new Error('not a zip archive: no end of central directory');
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== CENTRAL) throw new Error('not a zip archive: bad central directory');
    const method = buf.readUInt16LE(at + 10);
    const compressedSize = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const localOffset = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    if (buf.readUInt32LE(localOffset) !== LOCAL) throw new Error(`not a zip archive: bad local header for ${name}`);
    const start = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    const raw = buf.subarray(start, start + compressedSize);
    if (method !== 0 && method !== 8) throw new Error(`unsupported zip compression method ${method} for ${name}`);
    entries.push({ name, data: method === 0 ? raw : inflateRawSync(raw) });
  }
  return entries;
}

/** An entry ready for the archive: its bytes as they are written, and what its headers record. */
export interface PackedEntry {
  name: string;
  data: Uint8Array;
  method: 0 | 8;
  crc: number;
  size: number;
}

/** Deflates (or stores) one entry. */
export function packEntry({ name, data, store }: ZipEntry, level = 6): PackedEntry {
  const crc = crc32(data);
  if (store) return { name, data, method: 0, crc, size: data.length };
  return { name, data: deflateRawSync(data, deflateOptions(data.length, level)), method: 8, crc, size: data.length };
}

/**
 * zlib's options for an entry of `size` bytes. The window is no larger than the entry
 * needs, nor is zlib's hash table (`memLevel`) larger than the window: as small a file
 * as with zlib's defaults, but zlib sets up and clears far less memory, which is most
 * of the cost for the many small parts of a deck.
 */
export function deflateOptions(size: number, level = 6): ZlibOptions {
  // zlib matches at most the window size less 262 bytes back.
  const windowBits = Math.min(15, Math.max(9, Math.ceil(Math.log2(size + 262))));
  return { level, windowBits, memLevel: Math.min(8, windowBits - 6) };
}

/** The earliest and latest times a zip entry can record (MS-DOS dates, 1980 to 2107). */
const DOS_EPOCH = Date.UTC(1980, 0, 1);
const DOS_END = Date.UTC(2107, 11, 31, 23, 59, 58);

/**
 * A time as zip stores it, in MS-DOS date and time fields to two seconds. Zip has no time
 * zone; lectern records UTC, so that a deck built anywhere gives the same bytes.
 */
export function dosDateTime(date: Date): { time: number; date: number } {
  const utc = new Date(Math.min(DOS_END, Math.max(DOS_EPOCH, date.getTime())));
  return {
    time: (utc.getUTCHours() << 11) | (utc.getUTCMinutes() << 5) | (utc.getUTCSeconds() >> 1),
    date: ((utc.getUTCFullYear() - 1980) << 9) | ((utc.getUTCMonth() + 1) << 5) | utc.getUTCDate(),
  };
}

/**
 * Writes a zip archive of packed entries, each dated `date` (in UTC), so that
 * the same entries give the same bytes.
 */
export function assembleZip(entries: PackedEntry[], date: Date): Uint8Array {
  const { time: dosTime, date: dosDate } = dosDateTime(date);
  const chunks: Uint8Array[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL, 0);
    header.writeUInt16LE(20, 4); // version needed
    header.writeUInt16LE(0x0800, 6); // UTF-8 names
    header.writeUInt16LE(entry.method, 8);
    header.writeUInt16LE(dosTime, 10);
    header.writeUInt16LE(dosDate, 12);
    header.writeUInt32LE(entry.crc, 14);
    header.writeUInt32LE(entry.data.length, 18);
    header.writeUInt32LE(entry.size, 22);
    header.writeUInt16LE(name.length, 26);
    // The central record repeats the local header's fields (version to name length) after "made by".
    const record = Buffer.alloc(46);
    record.writeUInt32LE(CENTRAL, 0);
    record.writeUInt16LE(20, 4); // made by
    header.copy(record, 6, 4, 30);
    record.writeUInt32LE(offset, 42);
    chunks.push(header, name, entry.data);
    central.push(record, name);
    offset += header.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}

/** Writes a zip archive of deflated (or stored) entries, each dated `date` (in UTC). */
export function writeZip(entries: ZipEntry[], date: Date, level = 6): Uint8Array {
  return assembleZip(
    entries.map((e) => packEntry(e, level)),
    date,
  );
}
