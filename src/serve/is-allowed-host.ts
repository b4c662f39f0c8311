import { isIP } from 'node:net';

const loopbackNames = new Set(['localhost', '127.0.0.1', '::1']);

/**
 * Whether a request's `Host` (or `Origin`) names this server: a loopback
 * name or address, or the host it was told to listen on. Anything else is
 * refused, so that a web page cannot reach the server through a domain that
 * resolves to 127.0.0.1 (DNS rebinding). Listening on every interface
 * (`0.0.0.0`, `::`) also allows IP addresses, never other names.
 */
export function isAllowedHost(value: string, listenHost: string): boolean {
  const hostname = hostnameOf(value);
  if (hostname === null) return false;
  if (loopbackNames.has(hostname) || hostname.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(hostname)) return true;
  const listen = listenHost.toLowerCase().replace(/^\[|\]$/g, '');
  if (hostname === listen) return true;
  return (listen === '0.0.0.0' || listen === '::') && isIP(hostname) !== 0;
}

/** The lower-case host name of `host[:port]` or of an origin URL, brackets of IPv6 removed; `null` when it is not one. */
function hostnameOf(value: string): string | null {
  const url =
    URL.canParse(value) && /^https?:\/\//i.test(value)
      ? new URL(value)
      : URL.canParse(`http://${value}`)
        ? new URL(`http://${value}`)
        : null;
  if (!url || url.username || url.password || (url.pathname !== '/' && url.pathname !== '')) return null;
  return url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
}
