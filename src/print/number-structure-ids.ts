import { PDFArray, PDFDict, PDFName, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';

/**
 * Number the tagged structure's element ids anew, in the order Chromium gave
 * them: it names a table cell `node00000274` after the renderer's count of the
 * DOM nodes it ever made, so the same table printed on a page that printed
 * something before (another roadmap of the batch) got other ids, and other
 * bytes. The ids (`/ID`) and every reference to them (the `/Headers` of a
 * cell's attributes, the keys of the structure root's `/IDTree`) become
 * `node00000001`, `node00000002`… in the same order and of the same length
 * (the name tree stays sorted), so the same input always gives the same bytes.
 */
export function numberStructureIds(doc: PDFDocument): void {
  const ID = PDFName.of('ID');
  const A = PDFName.of('A');
  const headers = PDFName.of('Headers');
  const elements: PDFDict[] = [];
  const references: PDFArray[] = [];
  const names = new Set<string>();
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.Type) !== PDFName.of('StructElem')) continue;
    const id = object.get(ID);
    if (id instanceof PDFString) {
      elements.push(object);
      names.add(id.asString());
    }
    for (const attributes of asList(object.get(A))) {
      const list = attributes instanceof PDFDict ? attributes.get(headers) : undefined;
      if (list instanceof PDFArray) references.push(list);
    }
  }
  if (names.size === 0) return;
  const renamed = new Map(
    [...names].sort(byNumber).map((name, index) => [name, PDFString.of(`node${String(index + 1).padStart(8, '0')}`)]),
  );
  for (const element of elements) element.set(ID, renamed.get((element.get(ID) as PDFString).asString())!);
  const rename = (list: PDFArray, step = 1) => {
    for (let index = 0; index < list.size(); index += step) {
      const value = list.get(index);
      const name = value instanceof PDFString ? renamed.get(value.asString()) : undefined;
      if (name) list.set(index, name);
    }
  };
  for (const list of references) rename(list);
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  const visit = (node: PDFDict) => {
    const keys = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    if (keys) rename(keys, 2);
    const limits = node.lookupMaybe(PDFName.of('Limits'), PDFArray);
    if (limits) rename(limits);
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let index = 0; kids && index < kids.size(); index += 1) {
      const kid = kids.lookupMaybe(index, PDFDict);
      if (kid) visit(kid);
    }
  };
  const tree = root?.lookupMaybe(PDFName.of('IDTree'), PDFDict);
  if (tree) visit(tree);
}

function asList(value: PDFObject | undefined): PDFObject[] {
  if (value instanceof PDFArray) return value.asArray();
  return value === undefined ? [] : [value];
}

/** `node00000009` before `node00000010` (names without a number last, by text). */
function byNumber(a: string, b: string): number {
  const number = (name: string) => Number(/\d+$/.exec(name)?.[0] ?? Number.POSITIVE_INFINITY);
  return number(a) - number(b) || a.localeCompare(b);
}
