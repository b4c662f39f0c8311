// roadmap-press handout: remembers ticked boxes in this browser (localStorage, keyed by roadmap
// and item id), shows progress per phase and overall, and exports/imports progress as JSON.
// Without JavaScript the page is still a correct static checklist.
(() => {
  const root = document.documentElement;
  const storageKey = `roadmap-press:${root.dataset.roadmap || location.pathname}`;
  const boxes = () => [...document.querySelectorAll('input[type="checkbox"][data-item]')];

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
      // Storage may be full or disabled (private mode): the page still works, it just forgets.
    }
  };
  const current = () => Object.fromEntries(boxes().map((box) => [box.dataset.item, box.checked]));

  const render = () => {
    for (const meter of document.querySelectorAll('[data-progress]')) {
      const scope = meter.dataset.progress ? document.getElementById(meter.dataset.progress) : document;
      const inScope = scope ? [...scope.querySelectorAll('input[type="checkbox"][data-item]')] : [];
      const done = inScope.filter((box) => box.checked).length;
      const percent = inScope.length ? Math.round((done / inScope.length) * 100) : 0;
      const bar = meter.querySelector('.meter__bar');
      const count = meter.querySelector('.meter__count');
      if (bar) bar.style.width = `${percent}%`;
      if (count) count.textContent = `${done}/${inScope.length}`;
      meter.setAttribute('aria-valuenow', String(percent));
    }
  };

  const apply = (state) => {
    for (const box of boxes()) {
      if (typeof state[box.dataset.item] === 'boolean') box.checked = state[box.dataset.item];
    }
    render();
  };

  apply(load());
  document.addEventListener('change', (event) => {
    if (!(event.target instanceof HTMLInputElement) || !event.target.dataset.item) return;
    save({ ...load(), [event.target.dataset.item]: event.target.checked });
    render();
  });

  const tools = document.getElementById('progress-tools');
  if (!tools) return;
  tools.hidden = false;
  const message = tools.querySelector('[data-message]');
  const say = (text) => {
    if (message) message.textContent = text;
  };

  tools.querySelector('[data-export]')?.addEventListener('click', () => {
    const progress = { format: 'roadmap-press-progress', version: 1, roadmap: document.title, items: current() };
    const blob = new Blob([`${JSON.stringify(progress, null, 2)}\n`], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `${root.dataset.roadmap || 'roadmap'}-progress.json`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    say('Progress exported.');
  });

  const picker = tools.querySelector('[data-import]');
  picker?.addEventListener('change', async () => {
    const file = picker.files?.[0];
    if (!file) return;
    try {
      const progress = JSON.parse(await file.text());
      if (progress?.format !== 'roadmap-press-progress' || typeof progress.items !== 'object' || progress.items === null) {
        throw new Error('not a roadmap-press progress file');
      }
      const known = new Set(boxes().map((box) => box.dataset.item));
      const items = Object.fromEntries(Object.entries(progress.items).filter(([id, done]) => known.has(id) && typeof done === 'boolean'));
      save({ ...load(), ...items });
      apply(items);
      say(`Imported ${Object.keys(items).length} items.`);
    } catch (error) {
      say(`Could not import ${file.name}: ${error instanceof Error ? error.message : error}`);
    } finally {
      picker.value = '';
    }
  });
})();
