import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, PageOrientation, Paragraph, Table as DocxTable, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { cellText, type Cell, type Table } from '../model/table';
import type { Block, ExportDocument } from './document';
import { inEnglish, type Translator } from '../i18n';

const FONT = 'Times New Roman';
const LINE = { style: BorderStyle.SINGLE, size: 8, color: '000000' };
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/**
 * Writes a document as Word: headings, quotes with their citations, and real Word tables
 * in APA style (numbered title above, lines only above and below the header and at the
 * end, header row repeated on every page, note below), landscape when a table is wide.
 */
export async function documentToDocx(doc: ExportDocument, t: Translator = inEnglish): Promise<Uint8Array> {
  const wide = doc.blocks.some((b) => b.kind === 'table' && b.table.columns.length > 5);
  const children: (Paragraph | DocxTable)[] = [];
  if (doc.showTitle !== false) {
    children.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: doc.title, font: FONT })] }));
    if (doc.subtitle) children.push(new Paragraph({ children: [new TextRun({ text: doc.subtitle, italics: true, font: FONT, size: 20 })] }));
  }
  for (const block of doc.blocks) children.push(...blockToWord(block, t));
  const document = new Document({
    creator: 'QDA Studio',
    title: doc.title,
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [{ properties: wide ? { page: { size: { orientation: PageOrientation.LANDSCAPE } } } : {}, children }],
  });
  return Packer.pack(document, 'uint8array');
}

function blockToWord(block: Block, t: Translator): (Paragraph | DocxTable)[] {
  switch (block.kind) {
    case 'heading':
      return [
        new Paragraph({
          heading: [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][block.level - 1],
          children: [new TextRun({ text: block.text, font: FONT })],
        }),
      ];
    case 'paragraph':
      return [new Paragraph({ children: [new TextRun({ text: block.text, font: FONT })] })];
    case 'quote':
      return [
        new Paragraph({
          indent: { left: 720 },
          spacing: { after: 160 },
          children: [new TextRun({ text: `${block.text} `, font: FONT }), new TextRun({ text: block.citation, font: FONT })],
        }),
        ...(block.note ? [new Paragraph({ indent: { left: 720 }, children: [new TextRun({ text: block.note, italics: true, size: 20, font: FONT })] })] : []),
      ];
    case 'table':
      return tableToWord(block.table, t, block.number);
  }
}

function tableToWord(table: Table, t: Translator, number?: number): (Paragraph | DocxTable)[] {
  const title = [
    new Paragraph({ keepNext: true, children: [new TextRun({ text: number ? `${t('table.table')} ${number}` : t('table.table'), bold: true, font: FONT })] }),
    new Paragraph({ keepNext: true, spacing: { after: 120 }, children: [new TextRun({ text: table.title, italics: true, font: FONT })] }),
  ];
  const groups = table.columns.some((c) => c.group);
  const headerRows: TableRow[] = [];
  if (groups) {
    const spans: { label: string; span: number }[] = [];
    for (const c of table.columns) {
      const last = spans[spans.length - 1];
      if (last && c.group && last.label === c.group) last.span++;
      else spans.push({ label: c.group ?? '', span: 1 });
    }
    headerRows.push(new TableRow({ tableHeader: true, cantSplit: true, children: spans.map((s) => headerCell(s.label, s.span, true, false)) }));
  }
  headerRows.push(new TableRow({ tableHeader: true, cantSplit: true, children: table.columns.map((c) => headerCell(c.label, 1, !groups, true, c.numeric)) }));
  const body = table.rows.map(
    (row, r) =>
      new TableRow({
        cantSplit: true,
        children: row.cells.map((cell, i) => bodyCell(cell, i === 0 ? (row.depth ?? 0) : 0, table.columns[i]?.numeric, r === table.rows.length - 1)),
      }),
  );
  const out: (Paragraph | DocxTable)[] = [
    ...title,
    new DocxTable({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
      rows: [...headerRows, ...body],
    }),
  ];
  if (table.note)
    out.push(
      new Paragraph({
        spacing: { before: 120 },
        children: [new TextRun({ text: `${t('table.note')} `, italics: true, font: FONT, size: 20 }), new TextRun({ text: table.note, font: FONT, size: 20 })],
      }),
    );
  out.push(new Paragraph({ children: [] }));
  return out;
}

function headerCell(label: string, span: number, top: boolean, bottom: boolean, numeric = false): TableCell {
  return new TableCell({
    columnSpan: span > 1 ? span : undefined,
    borders: { top: top ? LINE : NONE, bottom: bottom || span > 1 ? LINE : NONE, left: NONE, right: NONE },
    children: [
      new Paragraph({
        alignment: numeric ? AlignmentType.RIGHT : span > 1 ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [new TextRun({ text: label, bold: true, font: FONT })],
      }),
    ],
  });
}

function bodyCell(cell: Cell, depth: number, numeric: boolean | undefined, last: boolean): TableCell {
  const borders = { top: NONE, bottom: last ? LINE : NONE, left: NONE, right: NONE };
  if (cell.kind === 'quotes') {
    return new TableCell({
      borders,
      children: cell.quotes.length
        ? cell.quotes.map((q) =>
            q.citation
              ? new Paragraph({ spacing: { after: 80 }, children: [new TextRun({ text: `“${q.text}” `, font: FONT }), new TextRun({ text: q.citation, font: FONT })] })
              : new Paragraph({ spacing: { after: 80 }, children: [new TextRun({ text: q.text, font: FONT })] }),
          )
        : [new Paragraph({ children: [] })],
    });
  }
  return new TableCell({
    borders,
    children: [
      new Paragraph({
        indent: depth ? { left: depth * 360 } : undefined,
        alignment: numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text: cellText(cell), font: FONT })],
      }),
    ],
  });
}
