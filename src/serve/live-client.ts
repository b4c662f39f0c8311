/**
 * The script the dev server adds to every HTML page it serves (never to the
 * files on disk): it listens for server-sent events and reloads the page
 * after a rebuild, shows build errors as an overlay, and says when the PDF
 * is being reprinted or ready.
 */
export const liveClientPath = '/__roadmap-press/live.js';
export const eventsPath = '/__roadmap-press/events';

export const liveClient = `(() => {
  const events = new EventSource(${JSON.stringify(eventsPath)});
  const page = decodeURIComponent(location.pathname.split('/').pop() || 'index.html');
  const name = page.replace(/\\.html$/, '');
  const badge = (text, tone) => {
    let node = document.getElementById('roadmap-press-live');
    if (!node) {
      node = document.createElement('div');
      node.id = 'roadmap-press-live';
      node.setAttribute('role', 'status');
      node.style.cssText = 'position:fixed;right:12px;bottom:12px;z-index:2147483647;font:13px/1.4 system-ui,sans-serif;padding:6px 10px;border-radius:8px;box-shadow:0 2px 8px rgba(0,0,0,.2)';
      document.body.append(node);
    }
    node.textContent = text;
    node.style.background = tone === 'error' ? '#b42318' : tone === 'busy' ? '#344054' : '#067647';
    node.style.color = '#fff';
    node.hidden = !text;
  };
  const overlay = (message) => {
    let node = document.getElementById('roadmap-press-error');
    if (!message) { node?.remove(); return; }
    if (!node) {
      node = document.createElement('pre');
      node.id = 'roadmap-press-error';
      node.setAttribute('role', 'alert');
      node.style.cssText = 'position:fixed;inset:0;z-index:2147483646;margin:0;padding:24px;overflow:auto;background:rgba(20,20,24,.92);color:#fecdca;font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap';
      document.body.append(node);
    }
    node.textContent = 'roadmap-press: the last build failed; this page shows the last good output.\\n\\n' + message;
  };
  events.addEventListener('reload', (event) => {
    const data = JSON.parse(event.data);
    if (!data.pages || data.pages.includes(page)) location.reload();
  });
  events.addEventListener('build-error', (event) => overlay(JSON.parse(event.data).message));
  events.addEventListener('build-ok', () => overlay(''));
  // A page remembers, across its reloads, which PDFs it was told are being reprinted: told again on connecting that
  // one is ready, it says so once; a replayed 'ready' it was not waiting for is old news.
  const pendingKey = (pdf) => 'roadmap-press-pdf-pending:' + pdf;
  const session = (() => { try { return window.sessionStorage; } catch { return null; } })();
  events.addEventListener('pdf', (event) => {
    const data = JSON.parse(event.data);
    if (data.name !== name && page !== 'index.html') return;
    if (data.state === 'stale') session?.setItem(pendingKey(data.name), '1');
    else {
      const pending = session?.getItem(pendingKey(data.name)) === '1';
      session?.removeItem(pendingKey(data.name));
      if (data.replay && data.state === 'ready' && !pending) return;
    }
    badge(data.state === 'stale' ? 'PDF is being reprinted…' : data.state === 'ready' ? 'PDF ready' : 'PDF failed', data.state === 'stale' ? 'busy' : data.state === 'ready' ? 'ok' : 'error');
    if (data.state === 'ready') setTimeout(() => badge(''), 2500);
  });
})();
`;
