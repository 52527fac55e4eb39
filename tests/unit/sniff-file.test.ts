import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sniffFile } from '@/lib/document/sniff-file';

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/sources/${name}`)).subarray(0, 1024);
const bytes = (...values: (number | string)[]) =>
  new Uint8Array(values.flatMap((v) => (typeof v === 'string' ? [...new TextEncoder().encode(v)] : [v])));

describe('sniffFile', () => {
  it('knows a PDF by its mark, whatever its name says', () => {
    expect(sniffFile(fixture('report.pdf'), 'report.pdf')).toBe('pdf');
    expect(sniffFile(fixture('report.pdf'), '报告.txt', 'text/plain')).toBe('pdf');
    expect(sniffFile(bytes('\r\n\r\n%PDF-1.7\n'), 'download')).toBe('pdf');
  });

  it('knows HTML by its name, its type or its start', () => {
    expect(sniffFile(fixture('report.html'), 'report.html')).toBe('html');
    expect(sniffFile(bytes('正文'), 'page.HTM')).toBe('html');
    expect(sniffFile(bytes('正文'), 'page', 'text/html')).toBe('html');
    expect(sniffFile(fixture('report.html'), 'saved-page')).toBe('html');
    expect(sniffFile(bytes(0xef, 0xbb, 0xbf, '<!-- saved -->\n<HTML><body>'), 'x.txt')).toBe('html');
  });

  it('takes anything else without a known signature for text, to be decoded', () => {
    expect(sniffFile(fixture('report.txt'), 'report.txt', 'text/plain')).toBe('text');
    expect(sniffFile(fixture('report-gb18030.txt'), 'report')).toBe('text');
    expect(sniffFile(bytes('BM 报告：宝马集团'), 'notes.txt')).toBe('text');
  });

  it('knows pictures, Office files and archives', () => {
    expect(sniffFile(new Uint8Array(readFileSync('public/icon/48.png')).subarray(0, 1024), 'scan.png')).toBe('image');
    expect(sniffFile(bytes(0xff, 0xd8, 0xff, 0xe0), 'photo.txt')).toBe('image');
    expect(sniffFile(bytes('RIFF', 0, 0, 0, 0, 'WEBP'), 'a')).toBe('image');
    expect(sniffFile(bytes(0, 0, 0, 0x18, 'ftypheic'), 'IMG_0001.HEIC')).toBe('image');
    expect(sniffFile(bytes('BM', 0x36, 0x10, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0), 'scan.bmp')).toBe('image');
    expect(sniffFile(bytes('PK', 3, 4, 20, 0), '报告.docx')).toBe('office');
    expect(sniffFile(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), '报告.doc')).toBe('office');
    expect(sniffFile(bytes(0x1f, 0x8b, 8, 0), 'report.txt.gz')).toBe('binary');
  });
});
