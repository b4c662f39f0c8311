/** Query parameters that only track where a reader came from. */
const tracking = /^(utm_\w+|fbclid|gclid|ref|ref_src|mc_cid|mc_eid)$/i;

/** The URL without tracking parameters (`utm_source`, `fbclid`…): what a note links to and its QR code encodes. */
export function cleanUrl(href: string): string {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return href;
  }
  for (const key of [...url.searchParams.keys()]) if (tracking.test(key)) url.searchParams.delete(key);
  return url.href;
}

/**
 * A URL as a reader types it from paper: no `https://`, no `www.`, no
 * tracking parameters or trailing slash; longer than `max` characters, the
 * middle of its path becomes `…` (host and last segment kept).
 * `https://www.example.com/a/b/c/page.html?utm_source=x` → `example.com/a/b/c/page.html`.
 */
export function compactUrl(href: string, max = 60): string {
  let url: URL;
  try {
    url = new URL(cleanUrl(href));
  } catch {
    return href;
  }
  const host = url.host.replace(/^www\./i, '');
  const path = decodeSafely(url.pathname).replace(/\/$/, '');
  const rest = `${path}${url.search}${url.hash}`;
  const full = `${host}${rest}`;
  if (full.length <= max) return full;
  const segments = path.split('/').filter(Boolean);
  const last = segments.at(-1) ?? '';
  let kept = segments.slice(0, -1);
  const build = () => `${host}/${[...kept, '…', last].join('/')}`;
  while (kept.length > 0 && build().length > max) kept = kept.slice(0, -1);
  const short = segments.length > 1 ? build() : `${host}${path}`;
  return short.length <= max ? short : `${short.slice(0, max - 1)}…`;
}

function decodeSafely(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}
