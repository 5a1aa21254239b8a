import type { SaveRequest } from '../ipc/contract';

export type ExportFormat = 'docx' | 'xlsx' | 'csv' | 'svg' | 'png' | 'qdpx' | 'qdc';

const FILTER_NAMES: Record<ExportFormat, string> = { docx: 'Word', xlsx: 'Excel', csv: 'CSV', svg: 'SVG', png: 'PNG', qdpx: 'REFI-QDA project', qdc: 'REFI-QDA codebook' };

/**
 * The file name an export suggests: the title without the characters Windows, macOS or
 * Linux refuse in a name, on one line, short enough for any folder.
 */
export function exportFileName(title: string, format: ExportFormat): string {
  const base =
    title
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .replace(/^[.\s]+|[.\s]+$/g, '')
      .slice(0, 80)
      .trim() || 'export';
  return `${base}.${format}`;
}

/** What the bridge's save dialog needs for an export of this title and format. */
export function saveRequest(title: string, format: ExportFormat, bytes: Uint8Array): SaveRequest {
  return { suggestedName: exportFileName(title, format), bytes, filterName: FILTER_NAMES[format], extensions: [format] };
}
