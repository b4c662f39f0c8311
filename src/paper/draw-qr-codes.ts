import QRCode from 'qrcode';
import type { LinkNote, LinkNotes } from '../view/number-links.js';

/**
 * Give every note a QR code of its URL, as inline SVG (drawn by the qrcode
 * package, no network): error correction M, no quiet zone (the layout gives
 * it one), its size set by the stylesheet.
 */
export async function drawQrCodes(notes: LinkNotes): Promise<LinkNotes> {
  const codes = new Map<number, string>();
  await Promise.all(
    notes.all.map(async (note) => {
      const svg = await QRCode.toString(note.url, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
      codes.set(note.number, svg.replace('<svg ', '<svg class="qr" role="img" aria-hidden="true" '));
    }),
  );
  const withCode = (note: LinkNote): LinkNote => ({ ...note, qr: codes.get(note.number) ?? null });
  return {
    byPart: Object.fromEntries(Object.entries(notes.byPart).map(([id, list]) => [id, list.map(withCode)])),
    end: notes.end.map(withCode),
    all: notes.all.map(withCode),
  };
}
