import { fail } from '../import/result';
import { newId } from '../util/id';
import type { Code } from '../model/types';
import { guidFor, isGuid, ourGuid } from './guid';
import { ORIGIN } from './qdpx-write';
import { ExchangeReport, type ExchangeNote } from './report';
import { childNamed, childrenNamed, rootOf, XmlWriter, type XmlNode } from './xml';

export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';
export const QDC_FORMAT = 'REFI-QDA codebook';
const RGB = /^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/;

/** A codebook on its own (.qdc), valid against the Codebook schema: the tree, colours and descriptions. */
export function writeQdc(codes: Code[], codedIds: Set<string> = new Set()): Uint8Array {
  const xml = new XmlWriter();
  xml.open('CodeBook', { xmlns: CODEBOOK_NAMESPACE, origin: ORIGIN }).open('Codes');
  const children = (parentId: string | null) =>
    codes.filter((c) => (c.parentId && codes.some((p) => p.id === c.parentId) ? c.parentId : null) === parentId).sort((a, b) => a.order - b.order);
  const seen = new Set<string>();
  const write = (code: Code) => {
    if (seen.has(code.id)) return;
    seen.add(code.id);
    const kids = children(code.id);
    const attributes = { guid: guidFor(code.id), name: code.name, isCodable: kids.length === 0 || codedIds.has(code.id), color: RGB.test(code.color) ? code.color : undefined };
    if (!code.description && !kids.length) {
      xml.empty('Code', attributes);
      return;
    }
    xml.open('Code', attributes);
    if (code.description) xml.text('Description', code.description);
    kids.forEach(write);
    xml.close('Code');
  };
  children(null).forEach(write);
  xml.close('Codes').close('CodeBook');
  return xml.toBytes();
}

/** The codes of a .qdc, in tree order, their ids the file's GUIDs; what was left out is in the report. */
export function readQdc(bytes: Uint8Array): { codes: Code[]; report: ExchangeNote[] } {
  const root = rootOf(bytes, QDC_FORMAT);
  if (root.name !== 'CodeBook')
    fail('wrong-root', `not a valid ${QDC_FORMAT} file (it starts with <${root.name}>, not <CodeBook>)`, { format: QDC_FORMAT, found: root.name, expected: 'CodeBook' });
  const report = new ExchangeReport();
  const codes: Code[] = [];
  const used = new Set<string>();
  const walk = (parent: XmlNode, parentId: string | null) => {
    childrenNamed(parent, 'Code').forEach((node, order) => {
      const guid = node.attributes.guid;
      let id = guid && isGuid(guid) ? ourGuid(guid) : newId();
      if (used.has(id)) {
        report.add('duplicate-guid', `the code “${node.attributes.name ?? ''}” shares its GUID with another: it was given a new one`, {
          what: node.attributes.name ?? '',
          guid: guid ?? '',
        });
        id = newId();
      }
      used.add(id);
      const color = node.attributes.color;
      codes.push({
        id,
        projectId: '',
        parentId,
        name: node.attributes.name?.trim() || 'Code',
        // No colour in the file: '' (a code added from it is given one; a code matched keeps its own).
        color: color && RGB.test(color) ? color : '',
        description: childNamed(node, 'Description')?.text ?? '',
        inclusion: '',
        exclusion: '',
        example: '',
        order,
      });
      walk(node, id);
    });
  };
  const codesNode = childNamed(root, 'Codes');
  if (codesNode) walk(codesNode, null);
  const sets = childNamed(root, 'Sets');
  if (sets?.children.length) report.add('not-imported-parts', `${sets.children.length} sets were not imported`, { count: sets.children.length, what: 'sets' });
  return { codes, report: report.notes };
}
