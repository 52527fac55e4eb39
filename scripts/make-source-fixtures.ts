// Writes the source-reader fixtures of tests/fixtures/sources from the
// team-written report.txt, so every copy says the same as the original:
//   report-gb18030.txt  the report in GB18030 (how Chinese Windows saves "ANSI" text)
//   report-utf16.txt    the report in UTF-16LE with a byte-order mark (Notepad's "Unicode")
//   report.pdf          the report as a text PDF: an embedded subset of Noto Sans CJK,
//                       paragraphs indented two characters and justified, page numbers
//                       (— 1 —) at the foot, paragraphs running over page breaks
//   scanned.pdf         one page holding only a picture, as a scanner makes it
//   locked.pdf          a one-line PDF that opens only with a password
//   stsong.pdf          two lines in Adobe's STSong-Light, named and not embedded, encoded
//                       UniGB-UCS2-H, as Chinese office systems write PDFs (written by hand:
//                       pdfkit embeds every font)
// The PDFs are committed; this script is only needed to change them.
//
//   npx tsx scripts/make-source-fixtures.ts
// needs Noto Sans CJK (Debian: fonts-noto-cjk).

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';

const DIR = 'tests/fixtures/sources';
const FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const FONT_NAME = 'NotoSansCJKsc-Regular';
/** A fixed date keeps the regenerated PDFs byte-identical (but locked.pdf, whose encryption key is random). */
const DATE = new Date('2031-01-15T00:00:00Z');

/**
 * A GB18030 encoder for the characters GBK has (all of a Chinese report's):
 * Node's TextEncoder writes UTF-8 only, so the table is read back from
 * TextDecoder's GB18030 decoder, two bytes at a time.
 */
function gbkEncoder(): (text: string) => Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030', { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (!table.has(char)) table.set(char, [lead, trail]);
      } catch {
        // An unassigned pair: nothing encodes to it.
      }
    }
  }
  return (text) => {
    const bytes: number[] = [];
    for (const char of text) {
      if (char.charCodeAt(0) < 0x80) bytes.push(char.charCodeAt(0));
      else {
        const pair = table.get(char);
        if (!pair) throw new Error(`${char} (U+${char.codePointAt(0)!.toString(16)}) is not in GBK`);
        bytes.push(...pair);
      }
    }
    return Buffer.from(bytes);
  };
}

function writePdf(path: string, draw: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions) {
  const doc = new PDFDocument({ ...options, info: { CreationDate: DATE, ModDate: DATE, Producer: 'PolicyLens fixtures' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  doc.on('end', () => {
    writeFileSync(path, Buffer.concat(chunks));
    console.log(`${path}: ${Buffer.concat(chunks).length} bytes`);
  });
  draw(doc);
  doc.end();
}

function drawReport(doc: PDFKit.PDFDocument, report: string) {
  const [title, ...paragraphs] = report.split(/\n\s*\n/).map((p) => p.trim());
  doc.font(FONT, FONT_NAME);
  doc.fontSize(16).text(title!, { align: 'center', paragraphGap: 12 });
  for (const paragraph of paragraphs) {
    const centred = paragraph.startsWith('——') || paragraph.startsWith('云河市市长');
    doc
      .fontSize(11)
      .text(paragraph, centred ? { align: 'center', paragraphGap: 6 } : { align: 'justify', indent: 22, paragraphGap: 6, lineGap: 3 });
  }
  const pages = doc.bufferedPageRange();
  for (let i = pages.start; i < pages.start + pages.count; i++) {
    doc.switchToPage(i);
    // Writing in the bottom margin would open a new page.
    doc.page.margins.bottom = 0;
    doc.fontSize(9).text(`— ${i + 1} —`, 0, doc.page.height - 30, { width: doc.page.width, align: 'center' });
  }
}

/** A one-page PDF whose lines are set in STSong-Light, not embedded, with the UniGB-UCS2-H CMap (UTF-16 code units). */
function stSongPdf(lines: string[]): Buffer {
  const ucs2 = (text: string) => [...text].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
  const content = `BT /F1 14 Tf 72 760 Td ${lines.map((line) => `<${ucs2(line)}> Tj 0 -24 Td`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  let pdf = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  // Every byte is ASCII: string offsets are byte offsets.
  return Buffer.from(pdf, 'latin1');
}

const report = readFileSync(join(DIR, 'report.txt'), 'utf8');
writeFileSync(join(DIR, 'report-gb18030.txt'), gbkEncoder()(report));
writeFileSync(join(DIR, 'report-utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(report, 'utf16le')]));
writePdf(join(DIR, 'report.pdf'), (doc) => drawReport(doc, report), { size: 'A5', margin: 48, bufferPages: true });
writePdf(
  join(DIR, 'scanned.pdf'),
  (doc) => doc.image(readFileSync('public/icon/128.png'), 60, 60, { width: 300 }),
  { size: 'A5', margin: 48 },
);
writeFileSync(
  join(DIR, 'stsong.pdf'),
  stSongPdf(['2031年云河市政府工作报告', '今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。']),
);
writePdf(
  join(DIR, 'locked.pdf'),
  (doc) => doc.fontSize(11).text('Yunhe 2031 government work report'),
  { size: 'A5', margin: 48, userPassword: 'yunhe', pdfVersion: '1.7' },
);
