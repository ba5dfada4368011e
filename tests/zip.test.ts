import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readZip, writeZip } from '../src/render/zip.js';

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
