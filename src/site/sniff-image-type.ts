/** The media type of image bytes, judged by their signature (never by the file name); `null` when they are no known image. */
export function sniffImageType(data: Uint8Array): string | null {
  const starts = (offset: number, ...bytes: number[]) => bytes.every((byte, index) => data[offset + index] === byte);
  const ascii = (offset: number, text: string) => starts(offset, ...[...text].map((char) => char.charCodeAt(0)));
  if (starts(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return 'image/gif';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  if (ascii(4, 'ftyp') && (ascii(8, 'avif') || ascii(8, 'avis'))) return 'image/avif';
  return isSvg(data) ? 'image/svg+xml' : null;
}

/** UTF-8 text whose first element (after an XML declaration, comments and a doctype) is `<svg`. */
function isSvg(data: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data.subarray(0, 4096 * 4));
  } catch {
    // A multi-byte character cut at the end of the window is fine; anything else is not text.
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    } catch {
      return false;
    }
  }
  const prolog = /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)\s*)*<svg[\s>/]/i;
  return prolog.test(text);
}
