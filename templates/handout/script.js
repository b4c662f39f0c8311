// roadmap-press handout: remembers ticked boxes in this browser (localStorage, keyed by the roadmap's
// <html data-roadmap> and each box's data-item id), cycles each box todo → in progress (an indeterminate
// box, `[~]` in the Markdown) → done → todo, updates the progress meters, and exports/imports
// progress as a JSON file that `roadmap-press mark FILE --from progress.json` writes back into the Markdown.
// Without JavaScript the page is still a correct static checklist: the meters show the Markdown's [x] count
// and the export/import controls stay hidden. Runs under the page's Content-Security-Policy: no inline
// style attributes, no eval, no requests.
(() => {
  const root = document.documentElement;
  const key = root.dataset.roadmap || location.pathname;
  const storageKey = `roadmap-press:progress:${key}`;
  const boxes = (scope = document) => [...scope.querySelectorAll('input[data-item]')];

  /** A box's state: `true` done, `false` todo, `'doing'` in progress (an indeterminate box). */
  const stateOf = (box) => (box.indeterminate ? 'doing' : box.checked);
  const setState = (box, state) => {
    box.checked = state === true;
    box.indeterminate = state === 'doing';
    box.dataset.state = state === 'doing' ? 'doing' : state ? 'done' : 'todo';
  };
  const isState = (value) => typeof value === 'boolean' || value === 'doing';

  /** Item id → state, for the boxes this reader changed (the others keep the Markdown's state). */
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
  const current = () => Object.fromEntries(boxes().map((box) => [box.dataset.item, stateOf(box)]));

  const render = () => {
    for (const meter of document.querySelectorAll('[data-progress]')) {
      const scope = meter.dataset.progress ? document.getElementById(meter.dataset.progress) : document;
      const inScope = scope ? boxes(scope) : [];
      const done = inScope.filter((box) => box.checked).length;
      const doing = inScope.filter((box) => box.indeterminate).length;
      const bar = meter.querySelector('progress');
      if (bar) {
        // An item in progress counts half.
        bar.max = Math.max(inScope.length, 1);
        bar.value = done + doing / 2;
      }
      const count = meter.querySelector('[data-done]');
      if (count) count.textContent = String(done);
      const doingCount = meter.querySelector('[data-doing]');
      if (doingCount) doingCount.textContent = String(doing);
      const doingNote = meter.querySelector('[data-doing-note]');
      if (doingNote) doingNote.hidden = doing === 0;
    }
  };

  const apply = (state) => {
    for (const box of boxes()) {
      const saved = state[box.dataset.item];
      if (isState(saved)) setState(box, saved);
    }
    render();
  };

  // A template override without data-item boxes: leave the static page as it is.
  if (boxes().length === 0) return;
  // The Markdown's `[~]` items start in progress.
  for (const box of boxes()) setState(box, box.dataset.state === 'doing' ? 'doing' : box.checked);
  apply(load());
  const next = { todo: 'doing', doing: true, done: false };
  document.addEventListener('change', (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || box.type !== 'checkbox' || !box.dataset.item) return;
    // The browser has just toggled the box; the cycle goes on from the state it had.
    const state = next[box.dataset.state] ?? box.checked;
    setState(box, state);
    save({ ...load(), [box.dataset.item]: state });
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
        ? Object.fromEntries(Object.entries(progress.items).filter(([id, state]) => known.has(id) && isState(state)))
        : {};
      if (Object.keys(items).length === 0) throw new Error('no ticks of this roadmap');
      save({ ...load(), ...items });
      apply(items);
      say(tools.dataset.imported, { file: file.name, count: Object.values(items).filter((state) => state === true).length });
    } catch {
      say(tools.dataset.importFailed, { file: file.name });
    } finally {
      picker.value = '';
    }
  });
})();
