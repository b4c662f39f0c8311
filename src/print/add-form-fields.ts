import {
  LineCapStyle,
  LineJoinStyle,
  PDFArray,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFString,
  PDFHexString,
  lineTo,
  moveTo,
  popGraphicsState,
  pushGraphicsState,
  setLineCap,
  setLineJoin,
  setLineWidth,
  setStrokingRgbColor,
  stroke,
  type PDFDocument,
  type PDFContext,
} from 'pdf-lib';

/** A checkbox field that was added: its name and where it sits. */
export interface AddedField {
  name: string;
  /** 0-based page index. */
  page: number;
  /** `[x1, y1, x2, y2]` in PDF points, origin bottom left. */
  rect: [number, number, number, number];
  checked: boolean;
}

/**
 * Turn every printed checkbox into a real AcroForm checkbox a reader can tick
 * and save. The checklist template prints each box as a link to
 * `prefix + id`; Chromium writes that link as an annotation whose rectangle is
 * exactly where the box landed on the laid-out page. Each such annotation is
 * changed in place into a checkbox widget named by the id, unique in the
 * document (a second box of the same id is `ID_2`), its id in `TU` (so the tagged
 * structure, which points at the annotation, stays valid; its element becomes
 * a `Form`), initially ticked when `checked` has the id. Returns the fields.
 */
export function addFormFields(doc: PDFDocument, prefix: string, checked: ReadonlySet<string>): AddedField[] {
  const context = doc.context;
  const fields: PDFRef[] = [];
  const added: AddedField[] = [];
  // Read only once a box is found: a document without boxes needs no form work at all.
  let structElements: Map<number, PDFDict> | undefined;
  const appearances = new Map<string, { on: PDFRef; off: PDFRef }>();
  const names = new Set<string>();

  doc.getPages().forEach((page, pageIndex) => {
    const annots = page.node.Annots();
    if (!annots) return;
    for (let index = 0; index < annots.size(); index += 1) {
      const ref = annots.get(index);
      if (!(ref instanceof PDFRef)) continue;
      const annot = context.lookupMaybe(ref, PDFDict);
      const uri = annot && linkUri(annot);
      if (!annot || !uri?.startsWith(prefix)) continue;
      const id = decodeId(uri.slice(prefix.length));
      // Not one of the template's boxes: it stays the link it is.
      if (id === null) continue;
      const rect = readRect(annot);
      const width = rect[2] - rect[0];
      const height = rect[3] - rect[1];
      const key = `${width.toFixed(3)}x${height.toFixed(3)}`;
      let appearance = appearances.get(key);
      if (!appearance) {
        appearance = drawAppearances(context, width, height);
        appearances.set(key, appearance);
      }
      const name = uniqueName(id.replace(/\./g, '_'), names);
      const isChecked = checked.has(id);
      const state = PDFName.of(isChecked ? 'Yes' : 'Off');
      for (const drop of ['A', 'Border', 'H', 'PA', 'QuadPoints']) annot.delete(PDFName.of(drop));
      annot.set(PDFName.of('Subtype'), PDFName.of('Widget'));
      annot.set(PDFName.of('FT'), PDFName.of('Btn'));
      annot.set(PDFName.of('T'), PDFHexString.fromText(name));
      annot.set(PDFName.of('TU'), PDFHexString.fromText(id));
      annot.set(PDFName.of('V'), state);
      annot.set(PDFName.of('AS'), state);
      annot.set(PDFName.of('F'), PDFNumber.of(4));
      annot.set(PDFName.of('P'), page.ref);
      annot.set(PDFName.of('MK'), context.obj({ CA: PDFString.of('4') }));
      annot.set(PDFName.of('AP'), context.obj({ N: { Yes: appearance.on, Off: appearance.off } }));
      const structParent = annot.lookupMaybe(PDFName.of('StructParent'), PDFNumber)?.asNumber();
      structElements ??= readParentTree(doc);
      const element = structParent === undefined ? undefined : structElements.get(structParent);
      if (element) element.set(PDFName.of('S'), PDFName.of('Form'));
      fields.push(ref);
      added.push({ name, page: pageIndex, rect, checked: isChecked });
    }
  });

  if (fields.length > 0) {
    doc.catalog.set(PDFName.of('AcroForm'), context.obj({ Fields: fields }));
  }
  return added;
}

/** An item id from a box link, `null` when it is no valid percent-encoding. */
function decodeId(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

/** `name`, or `name_2`, `name_3`… when it is taken: one field per name, so that no box shadows another. */
function uniqueName(name: string, taken: Set<string>): string {
  let unique = name;
  for (let count = 2; taken.has(unique); count += 1) unique = `${name}_${count}`;
  taken.add(unique);
  return unique;
}

function linkUri(annot: PDFDict): string | null {
  if (annot.lookupMaybe(PDFName.of('Subtype'), PDFName) !== PDFName.of('Link')) return null;
  const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
  const uri = action?.lookup(PDFName.of('URI'));
  return uri instanceof PDFString || uri instanceof PDFHexString ? uri.decodeText() : null;
}

function readRect(annot: PDFDict): [number, number, number, number] {
  const array = annot.lookup(PDFName.of('Rect'), PDFArray);
  const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = array.asArray().map((value) => (value as PDFNumber).asNumber());
  return [Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)];
}

/** The tick (`Yes`) is a crisp vector check mark; `Off` draws nothing, so the printed box shows through. */
function drawAppearances(context: PDFContext, width: number, height: number): { on: PDFRef; off: PDFRef } {
  const bbox = [0, 0, width, height];
  const size = Math.min(width, height);
  const x = (width - size) / 2;
  const y = (height - size) / 2;
  const on = context.formXObject(
    [
      pushGraphicsState(),
      setStrokingRgbColor(0.067, 0.094, 0.153),
      setLineWidth(size * 0.13),
      setLineCap(LineCapStyle.Round),
      setLineJoin(LineJoinStyle.Round),
      moveTo(x + size * 0.24, y + size * 0.52),
      lineTo(x + size * 0.43, y + size * 0.3),
      lineTo(x + size * 0.77, y + size * 0.74),
      stroke(),
      popGraphicsState(),
    ],
    { BBox: bbox, Resources: {} },
  );
  const off = context.formXObject([], { BBox: bbox, Resources: {} });
  return { on: context.register(on), off: context.register(off) };
}

/** Structure elements by `StructParent` key, from the structure tree's parent tree. */
function readParentTree(doc: PDFDocument): Map<number, PDFDict> {
  const elements = new Map<number, PDFDict>();
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  const tree = root?.lookupMaybe(PDFName.of('ParentTree'), PDFDict);
  const visit = (node: PDFDict) => {
    const nums = node.lookupMaybe(PDFName.of('Nums'), PDFArray);
    for (let index = 0; nums && index + 1 < nums.size(); index += 2) {
      const key = nums.lookupMaybe(index, PDFNumber)?.asNumber();
      const value = nums.lookup(index + 1);
      if (key !== undefined && value instanceof PDFDict) elements.set(key, value);
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let index = 0; kids && index < kids.size(); index += 1) {
      const kid = kids.lookupMaybe(index, PDFDict);
      if (kid) visit(kid);
    }
  };
  if (tree) visit(tree);
  return elements;
}
