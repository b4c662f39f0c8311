// roadmap-press handout: remembers ticked boxes in this browser (localStorage, keyed by the roadmap's
// <html data-roadmap> and each box's data-item id), updates the progress meters, and exports/imports
// progress as a JSON file that `roadmap-press mark FILE --from progress.json` writes back into the Markdown.
// Without JavaScript the page is still a correct static checklist: the meters show the Markdown's [x] count
// and the export/import controls stay hidden. Runs under the page's Content-Security-Policy: no inline
// style attributes, no eval, no requests.
(() => {
  const root = document.documentElement;
  const key = root.dataset.roadmap || location.pathname;
  const storageKey = `roadmap-press:progress:${key}`;
  const boxes = (scope = document) => [...scope.querySelectorAll('input[data-item]')];

  /** Item id → ticked, for the boxes this reader changed (the others keep the Markdown's state). */
  const load = () => {
    try {
      const saved = JSON.parse(localStorage.getItem(storageKey) || '{}');
      return saved && typeof saved === 'object' && !Array.isArray(saved) ? saved : {};
    } catch {
      return {};
    }
  };
  const save = (state) => {
    try {
      localStorage.setItem(storageKey, JSON.stringify(state));
    } catch {
      // Storage may be full or disabled: the page still works, it just forgets on reload.
    }
  };
  const current = () => Object.fromEntries(boxes().map((box) => [box.dataset.item, box.checked]));

  const render = () => {
    for (const meter of document.querySelectorAll('[data-progress]')) {
      const scope = meter.dataset.progress ? document.getElementById(meter.dataset.progress) : document;
      const inScope = scope ? boxes(scope) : [];
      const done = inScope.filter((box) => box.checked).length;
      const bar = meter.querySelector('progress');
      if (bar) {
        bar.max = Math.max(inScope.length, 1);
        bar.value = done;
      }
      const count = meter.querySelector('[data-done]');
      if (count) count.textContent = String(done);
    }
  };

  const apply = (state) => {
    for (const box of boxes()) {
      const ticked = state[box.dataset.item];
      if (typeof ticked === 'boolean') box.checked = ticked;
    }
    render();
  };

  // A template override without data-item boxes: leave the static page as it is.
  if (boxes().length === 0) return;
  apply(load());
  document.addEventListener('change', (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || box.type !== 'checkbox' || !box.dataset.item) return;
    save({ ...load(), [box.dataset.item]: box.checked });
    render();
  });
  // Another tab of the same roadmap ticked something.
  window.addEventListener('storage', (event) => {
    if (event.key === storageKey) apply(load());
  });

  const tools = document.getElementById('progress-tools');
  if (!tools) return;
  tools.hidden = false;
  const message = tools.querySelector('[data-message]');
  const say = (template, words) => {
    if (message) message.textContent = (template || '').replace(/\{(\w+)\}/g, (whole, name) => (name in words ? words[name] : whole));
  };

  tools.querySelector('[data-export]')?.addEventListener('click', () => {
    const progress = { format: 'roadmap-press-progress', version: 1, roadmap: document.title, key, items: current() };
    const blob = new Blob([`${JSON.stringify(progress, null, 2)}\n`], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `${key}-progress.json`;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    say(tools.dataset.exported, { file: link.download });
  });

  const picker = tools.querySelector('[data-import]');
  tools.querySelector('[data-import-button]')?.addEventListener('click', () => picker?.click());
  picker?.addEventListener('change', async () => {
    const file = picker.files?.[0];
    if (!file) return;
    try {
      const progress = JSON.parse(await file.text());
      const valid =
        progress?.format === 'roadmap-press-progress' &&
        progress.version === 1 &&
        progress.items !== null &&
        typeof progress.items === 'object' &&
        !Array.isArray(progress.items);
      const known = new Set(boxes().map((box) => box.dataset.item));
      const items = valid
        ? Object.fromEntries(Object.entries(progress.items).filter(([id, done]) => known.has(id) && typeof done === 'boolean'))
        : {};
      if (Object.keys(items).length === 0) throw new Error('no ticks of this roadmap');
      save({ ...load(), ...items });
      apply(items);
      say(tools.dataset.imported, { file: file.name, count: Object.values(items).filter(Boolean).length });
    } catch {
      say(tools.dataset.importFailed, { file: file.name });
    } finally {
      picker.value = '';
    }
  });
})();
