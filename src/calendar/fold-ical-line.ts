const encoder = new TextEncoder();

/**
 * Fold one content line as RFC 5545 §3.1 asks: at most 75 octets per line,
 * continuation lines start with a space; never inside a UTF-8 character.
 * Lines end with CRLF.
 */
export function foldICalLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const character of line) {
    const octets = encoder.encode(character).length;
    // The first line holds 75 octets; the others 74 after their leading space.
    if (size + octets > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += character;
    size += octets;
  }
  parts.push(current);
  return `${parts.join('\r\n ')}\r\n`;
}

/** Escape a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines. */
export function escapeICalText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}
