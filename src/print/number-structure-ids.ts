import { PDFArray, PDFDict, PDFName, PDFRef, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';

/**
 * Number the tagged structure's element ids anew, in the structure's order:
 * Chromium names a table cell `node00000274` after the DOM node id its
 * renderer handed out (a count of the ids it ever gave, in the order they were
 * asked for), so the same table printed on a page that printed something
 * before (another roadmap of the batch), or asked in another order, got other
 * ids, and other bytes. The ids (`/ID`) and every reference to them (the
 * `/Headers` of a cell's attributes, the keys of the structure root's
 * `/IDTree`) become `node00000001`, `node00000002`… in the order the elements
 * come in the structure tree, so the same input always gives the same bytes.
 */
export function numberStructureIds(doc: PDFDocument): void {
  const ID = PDFName.of('ID');
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) return;
  const elements: PDFDict[] = [];
  const references: PDFArray[] = [];
  const seen = new Set<PDFDict>();
  const visit = (value: PDFObject | undefined) => {
    const resolved = value instanceof PDFRef ? doc.context.lookup(value) : value;
    if (resolved instanceof PDFArray) {
      for (const kid of resolved.asArray()) visit(kid);
      return;
    }
    if (!(resolved instanceof PDFDict) || seen.has(resolved)) return;
    seen.add(resolved);
    if (resolved.get(PDFName.Type) === PDFName.of('MCR') || resolved.get(PDFName.Type) === PDFName.of('OBJR')) return;
    if (resolved.get(ID) instanceof PDFString) elements.push(resolved);
    for (const attributes of asList(doc, resolved.get(PDFName.of('A')))) {
      const list = attributes instanceof PDFDict ? attributes.lookup(PDFName.of('Headers')) : undefined;
      if (list instanceof PDFArray) references.push(list);
    }
    visit(resolved.get(PDFName.of('K')));
  };
  visit(root.get(PDFName.of('K')));
  if (elements.length === 0) return;
  const renamed = new Map<string, PDFString>();
  for (const element of elements) {
    const name = (element.get(ID) as PDFString).asString();
    if (!renamed.has(name)) renamed.set(name, PDFString.of(`node${String(renamed.size + 1).padStart(8, '0')}`));
    element.set(ID, renamed.get(name)!);
  }
  const rename = (list: PDFArray, step = 1) => {
    for (let index = 0; index < list.size(); index += step) {
      const value = list.get(index);
      const name = value instanceof PDFString ? renamed.get(value.asString()) : undefined;
      if (name) list.set(index, name);
    }
  };
  for (const list of references) rename(list);
  const tree = root.lookupMaybe(PDFName.of('IDTree'), PDFDict);
  if (tree) renameTree(tree, renamed);
}

/**
 * The `/IDTree` with its keys renamed and sorted again (a name tree's keys
 * are in order, and the new names sort otherwise than the old), in its own
 * nodes: each leaf keeps as many keys as it had, each node's `/Limits` follow.
 */
function renameTree(tree: PDFDict, renamed: Map<string, PDFString>): void {
  const leaves: { node: PDFDict; count: number }[] = [];
  const entries: [PDFString, PDFObject][] = [];
  const collect = (node: PDFDict) => {
    const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    if (names) {
      leaves.push({ node, count: Math.floor(names.size() / 2) });
      for (let index = 0; index + 1 < names.size(); index += 2) {
        const key = names.get(index);
        entries.push([key instanceof PDFString ? (renamed.get(key.asString()) ?? key) : PDFString.of(''), names.get(index + 1)]);
      }
    }
    for (const kid of kidsOf(node)) collect(kid);
  };
  collect(tree);
  const text = (entry: [PDFString, PDFObject]) => entry[0].asString();
  entries.sort((a, b) => (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0));
  let next = 0;
  for (const leaf of leaves) {
    leaf.node.set(PDFName.of('Names'), tree.context.obj(entries.slice(next, next + leaf.count).flat()));
    next += leaf.count;
  }
  // Limits, from the leaves up (the root has none).
  const limit = (node: PDFDict): [PDFString, PDFString] | null => {
    const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    let bounds: [PDFString, PDFString] | null =
      names && names.size() >= 2 ? [names.get(0) as PDFString, names.get(names.size() - 2) as PDFString] : null;
    for (const kid of kidsOf(node)) {
      const inner = limit(kid);
      if (inner) bounds = bounds ? [bounds[0], inner[1]] : inner;
    }
    if (bounds && node !== tree && node.has(PDFName.of('Limits'))) node.set(PDFName.of('Limits'), tree.context.obj(bounds));
    return bounds;
  };
  limit(tree);
}

function kidsOf(node: PDFDict): PDFDict[] {
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  return kids ? kids.asArray().flatMap((_, index) => kids.lookupMaybe(index, PDFDict) ?? []) : [];
}

function asList(doc: PDFDocument, value: PDFObject | undefined): PDFObject[] {
  const resolved = value instanceof PDFRef ? doc.context.lookup(value) : value;
  if (resolved instanceof PDFArray) return resolved.asArray().map((item) => (item instanceof PDFRef ? doc.context.lookup(item)! : item));
  return resolved === undefined ? [] : [resolved];
}
