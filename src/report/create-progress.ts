import pc from 'picocolors';

/** Shows a build's progress on a terminal: one line, redrawn, cleared at the end. */
export interface Progress {
  update(done: number, total: number, label: string): void;
  clear(): void;
}

/**
 * A progress bar with counts for an interactive terminal (`[████░░░░] 12/20 name`),
 * redrawn in place on stderr. Where the stream is not a terminal (CI, a pipe)
 * it draws nothing: callers print plain lines instead.
 */
export function createProgress(stream: NodeJS.WriteStream = process.stderr, color = false): Progress {
  const interactive = stream.isTTY === true && !process.env.CI;
  let drawn = false;
  return {
    update(done, total, label) {
      if (!interactive) return;
      // A terminal that does not say its width (some pseudo-terminals say 0) is taken as 80 columns.
      const columns = stream.columns || 80;
      const width = Math.max(10, Math.min(30, columns - 40));
      const filled = total === 0 ? width : Math.round((done / total) * width);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      const counts = ` ${done}/${total} `;
      const room = Math.max(1, columns - 1 - width - counts.length);
      const shown = label.length > room ? `…${label.slice(label.length - room + 1)}` : label;
      stream.write(`\r\x1b[2K${color ? pc.cyan(bar) : bar}${counts}${shown}`);
      drawn = true;
    },
    clear() {
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}
