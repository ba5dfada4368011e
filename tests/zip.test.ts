import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { EntryPacker } from '../src/render/packer.js';
import { packEntry, readZip, writeZip } from '../src/render/zip.js';

describe('the zip writer and reader', () => {
  const entries = [
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>'.repeat(100)) },
    { name: 'ppt/media/image1.png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), store: true },
    { name: 'ppt/slides/slide1.xml', data: Buffer.from('<p:sld>Қазақстан</p:sld>') },
  ];
  const time = new Date(2024, 2, 5, 14, 30, 10);

  it('writes an archive that another zip library reads back, deflated or stored, with the given date', async () => {
    const zip = await JSZip.loadAsync(writeZip(entries, time));
    expect(Object.keys(zip.files)).toEqual(entries.map((e) => e.name));
    for (const e of entries) expect(Buffer.from(await zip.file(e.name)!.async('uint8array'))).toEqual(e.data);
    expect(zip.file('ppt/slides/slide1.xml')!.date.getTime()).toBe(time.getTime() - time.getTimezoneOffset() * 60_000);
  });

  it('deflates text but stores what is compressed already', () => {
    const bytes = Buffer.from(writeZip(entries, time));
    expect(bytes.length).toBeLessThan(800 + 200);
    expect(bytes.includes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]))).toBe(true);
  });

  it('reads back what it wrote, and what JSZip wrote', async () => {
    expect(readZip(writeZip(entries, time)).map((e) => [e.name, Buffer.from(e.data).toString('latin1')])).toEqual(
      entries.map((e) => [e.name, e.data.toString('latin1')]),
    );
    const other = new JSZip();
    other.file('a/b.xml', '<x/>');
    other.file('c.txt', 'stored', { compression: 'STORE' });
    const read = readZip(await other.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    expect(read.map((e) => [e.name, Buffer.from(e.data).toString()])).toEqual([
      ['a/b.xml', '<x/>'],
      ['c.txt', 'stored'],
    ]);
  });

  it('gives the same bytes for the same entries', () => {
    expect(Buffer.from(writeZip(entries, time)).equals(Buffer.from(writeZip(entries, time)))).toBe(true);
  });
});

describe('packing a big package on a second thread', () => {
  // 400 parts of about 12 KB, 4.8 MB in all: past the size at which the second thread starts.
  const parts = Array.from({ length: 400 }, (_, i) => ({
    name: `ppt/slides/slide${i + 1}.xml`,
    text: `<p:sld><a:t>Slide ${i} — Қазақстан 中文 $& ]]></a:t>${'<a:p><a:r><a:t>words</a:t></a:r></a:p>'.repeat(300)}</p:sld>`,
  }));

  it('gives the same bytes as packing each part on the calling thread, and moves the later parts off it', async () => {
    const packer = new EntryPacker();
    const packed = parts.map((part) => packer.pack(part));
    await packer.close();
    expect(packed.filter((p) => p instanceof Promise).length).toBeGreaterThan(200);
    const resolved = await Promise.all(packed);
    resolved.forEach((entry, i) => {
      const alone = packEntry({ name: parts[i].name, data: Buffer.from(parts[i].text) });
      expect({ ...entry, data: Buffer.from(entry.data) }).toEqual({ ...alone, data: Buffer.from(alone.data) });
    });
  });
});
