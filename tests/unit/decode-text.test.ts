import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText, declaredHtmlCharset, looksLikeText } from '@/lib/document/decode-text';

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/sources/${name}`));
const report = readFileSync('tests/fixtures/sources/report.txt', 'utf8');
const ascii = (text: string) => new TextEncoder().encode(text);

describe('decodeText', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    expect(decodeText(fixture('report.txt'))).toEqual({ text: report, encoding: 'utf-8' });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...fixture('report.txt')]);
    expect(decodeText(withBom)).toEqual({ text: report, encoding: 'utf-8' });
  });

  it('reads GB18030 (GBK) text, as Chinese Windows saves it', () => {
    expect(decodeText(fixture('report-gb18030.txt'))).toEqual({ text: report, encoding: 'gb18030' });
  });

  it('reads UTF-16 by its byte-order mark, little- and big-endian', () => {
    expect(decodeText(fixture('report-utf16.txt'))).toEqual({ text: report, encoding: 'utf-16le' });
    const le = Buffer.from('政府工作报告\n', 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(decodeText(new Uint8Array([0xfe, 0xff, ...be]))).toEqual({ text: '政府工作报告\n', encoding: 'utf-16be' });
  });

  it('prefers UTF-8 to a wrong declaration, and uses a declared encoding that UTF-8 is not', () => {
    expect(decodeText(ascii('高标准农田'), { declared: 'gbk' })).toEqual({ text: '高标准农田', encoding: 'utf-8' });
    // 政府 in Big5: not UTF-8, and GB18030 would read other characters.
    const big5 = new Uint8Array([0xac, 0x46, 0xa9, 0xb2]);
    expect(decodeText(big5, { declared: 'big5' })).toEqual({ text: '政府', encoding: 'big5' });
  });

  it('refuses binary data: NUL bytes, control characters, byte sequences no encoding reads', () => {
    expect(decodeText(new Uint8Array([0x68, 0x00, 0x69, 0x00]))).toEqual({ problem: 'not-text' });
    expect(decodeText(ascii('text\u0001\u0002\u0003\u0004 with controls'))).toEqual({ problem: 'not-text' });
    // 0xFF is invalid in UTF-8 and GB18030 alike.
    expect(decodeText(new Uint8Array([0xc8, 0xff, 0xfe, 0x80, 0xff, 0xff]))).toEqual({ problem: 'not-text' });
    expect(decodeText(new Uint8Array(readFileSync('public/icon/48.png')))).toEqual({ problem: 'not-text' });
    let seed = 7;
    const noise = Uint8Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 23);
    expect(decodeText(noise)).toEqual({ problem: 'not-text' });
  });

  it('reads empty and white-space files as text (emptiness is the reader’s message, not the decoder’s)', () => {
    expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
    expect(decodeText(ascii('\n\t \n'))).toEqual({ text: '\n\t \n', encoding: 'utf-8' });
  });
});

describe('looksLikeText', () => {
  it('allows tabs, line ends and form feeds, and a rare stray control character in a long text', () => {
    expect(looksLikeText('第一页\f第二页\r\n\t缩进')).toBe(true);
    expect(looksLikeText(`${'正文'.repeat(100)}\u0007`)).toBe(true);
    expect(looksLikeText('\u0007\u0007正文')).toBe(false);
  });
});

describe('declaredHtmlCharset', () => {
  it('finds <meta charset> and the http-equiv form in the first kilobyte', () => {
    expect(declaredHtmlCharset(ascii('<!doctype html><html><head><meta charset="GB2312"><title>'))).toBe('gb2312');
    expect(
      declaredHtmlCharset(ascii('<meta http-equiv="Content-Type" content="text/html; charset=gbk" />')),
    ).toBe('gbk');
    expect(declaredHtmlCharset(ascii(`${' '.repeat(1100)}<meta charset="gbk">`))).toBeUndefined();
  });

  it('ignores UTF-16 and names no decoder knows', () => {
    expect(declaredHtmlCharset(ascii('<meta charset="utf-16">'))).toBeUndefined();
    expect(declaredHtmlCharset(ascii('<meta charset="no-such-encoding">'))).toBeUndefined();
    expect(declaredHtmlCharset(ascii('<p>charset=gbk</p>'))).toBeUndefined();
  });
});
