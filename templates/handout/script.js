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

  // Saved progress follows items reworded or moved since it was saved: the rule of
  // src/paper/match-progress.ts (README "Progress that survives edits"), here without imports.
  const similarity = (a, b) => {
    const left = a.split('-').filter(Boolean);
    const right = b.split('-').filter(Boolean);
    if (left.length === 0 || right.length === 0) return 0;
    const counts = new Map();
    for (const word of left) counts.set(word, (counts.get(word) || 0) + 1);
    let common = 0;
    for (const word of right) {
      if ((counts.get(word) || 0) > 0) {
        common += 1;
        counts.set(word, counts.get(word) - 1);
      }
    }
    return (2 * common) / (left.length + right.length);
  };
  const split = (id) => {
    const at = id.indexOf('--');
    return at < 0 ? { part: '', text: id } : { part: id.slice(0, at), text: id.slice(at + 2) };
  };
  const matchProgress = (saved) => {
    const ids = boxes().map((box) => box.dataset.item);
    const known = new Set(ids);
    const marks = {};
    const claimed = new Set();
    const unknown = [];
    for (const [id, value] of Object.entries(saved)) {
      if (known.has(id)) {
        marks[id] = value;
        claimed.add(id);
      } else unknown.push(id);
    }
    const free = () => ids.filter((id) => !claimed.has(id) && !(id in saved));
    let matched = 0;
    let dropped = 0;
    for (const id of unknown) {
      const old = split(id);
      const sameText = free().filter((candidate) => split(candidate).text === old.text);
      let to = sameText.length === 1 ? sameText[0] : undefined;
      if (!to) {
        const scored = free()
          .filter((candidate) => split(candidate).part === old.part)
          .map((candidate) => ({ candidate, score: similarity(old.text, split(candidate).text) }))
          .filter(({ score }) => score >= 0.5)
          .sort((a, b) => b.score - a.score);
        if (scored[0] && scored[0].score !== scored[1]?.score) to = scored[0].candidate;
      }
      if (to) {
        marks[to] = saved[id];
        claimed.add(to);
        matched += 1;
      } else dropped += 1;
    }
    return { marks, matched, dropped };
  };

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
  const migrated = matchProgress(load());
  if (migrated.matched > 0 || migrated.dropped > 0) save(migrated.marks);
  apply(migrated.marks);
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
  if (migrated.matched > 0 || migrated.dropped > 0) say(tools.dataset.matched, migrated);

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
      const items = valid
        ? matchProgress(Object.fromEntries(Object.entries(progress.items).filter(([, state]) => isState(state)))).marks
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
