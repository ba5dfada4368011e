/**
 * A PowerPoint file (.pptx or .potx) read as a template: its parts, checked so
 * that every way a file can be unusable is one sentence naming the file.
 */
import path from 'node:path';
import { fail, type SourcePosition } from '../../diagnostics.js';
import { readInputBytes } from '../../input/readInput.js';
import { readZip } from '../../render/zip.js';
import { readRelationships, relsPartOf, targetPart, type Relationship } from '../../render/packageParts.js';

/** The parts of a PowerPoint file, by name: XML parts as text, others as bytes. */
export interface PowerPointPackage {
  /** The file, absolute. */
  file: string;
  parts: Map<string, string | Uint8Array>;
}

/** The first bytes of an OLE compound file: legacy .ppt files, and OOXML files encrypted with a password. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Parts read as text. */
const XML_PART = /\.(xml|rels)$/i;

/** Reads and checks a PowerPoint file named at `at` (a deck's front matter, a config, template.yaml). */
export function readPowerPointPackage(file: string, at: SourcePosition): PowerPointPackage {
  const name = path.basename(file);
  const bytes = readInputBytes(file, 'presentation', { what: `the PowerPoint template "${name}"`, at });
  const problem = (message: string) => fail('template/pptx', `the PowerPoint template "${name}" ${message}`, at);
  if (OLE_SIGNATURE.every((b, i) => bytes[i] === b)) {
    if (holdsStream(bytes, 'EncryptedPackage'))
      throw problem(
        'is protected with a password; open it in PowerPoint, remove the password (File > Info > Protect Presentation) and save it again',
      );
    throw problem(
      'is an old PowerPoint 97-2003 file (.ppt); open it in PowerPoint or LibreOffice and save it as a PowerPoint presentation (.pptx) or template (.potx)',
    );
  }
  let entries;
  try {
    entries = readZip(bytes);
  } catch {
    throw problem(
      'is not a PowerPoint file: a .pptx or .potx file is a zip archive, and this one is not (is it the right file, or was it cut short?)',
    );
  }
  const parts = new Map<string, string | Uint8Array>(
    entries.map((e) => [e.name, XML_PART.test(e.name) ? Buffer.from(e.data).toString('utf8') : e.data]),
  );
  if (!parts.has('ppt/presentation.xml'))
    throw problem('is a zip archive but not a PowerPoint presentation: it has no ppt/presentation.xml (a Word or Excel file?)');
  return { file, parts };
}

/** Whether an OLE compound file has a stream named `stream` (its directory stores names in UTF-16LE). */
function holdsStream(bytes: Uint8Array, stream: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(stream, 'utf16le'));
}

/** The text of an XML part, or undefined. */
export function xmlPart(pkg: PowerPointPackage, part: string): string | undefined {
  const content = pkg.parts.get(part);
  return typeof content === 'string' ? content : undefined;
}

/** The relationships of a part (none if it has no relationships part). */
export function relationshipsOf(pkg: PowerPointPackage, part: string): Relationship[] {
  const rels = relsPartOf(part);
  const xml = xmlPart(pkg, rels);
  return xml === undefined ? [] : readRelationships(xml, rels).list;
}

/**
 * Every part reachable from `starts` through relationships, `starts` included,
 * not following relationships of the types in `skip` (a layout's to its master, a
 * master's to nothing else). A relationship to a part the file does not have, or
 * to a file outside it, is an error naming both: lectern cannot carry it over.
 */
export function reachableParts(
  pkg: PowerPointPackage,
  starts: string[],
  skip: (r: Relationship) => boolean,
  at: SourcePosition,
): Set<string> {
  const seen = new Set<string>();
  const queue = [...starts];
  while (queue.length > 0) {
    const part = queue.shift()!;
    if (seen.has(part)) continue;
    seen.add(part);
    for (const r of relationshipsOf(pkg, part)) {
      if (skip(r)) continue;
      const name = path.basename(pkg.file);
      if (r.external)
        throw fail(
          'template/pptx',
          `the PowerPoint template "${name}" links to a file outside it (${r.target}, from ${part}); in PowerPoint, embed that picture or remove the link, and save it again`,
          at,
        );
      const target = targetPart(relsPartOf(part), r.target);
      if (!pkg.parts.has(target))
        throw fail(
          'template/pptx',
          `the PowerPoint template "${name}" is damaged: ${part} refers to ${target}, which is not in the file; open it in PowerPoint and save it again`,
          at,
        );
      queue.push(target);
    }
  }
  return seen;
}
