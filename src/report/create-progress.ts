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
  const interactive = stream.isTTY === true && !process.env['CI'];
  let drawn = false;
  return {
    update(done, total, label) {
      if (!interactive) return;
      const width = Math.max(10, Math.min(30, (stream.columns ?? 80) - 40));
      const filled = total === 0 ? width : Math.round((done / total) * width);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      const text = `${color ? pc.cyan(bar) : bar} ${done}/${total} ${label}`;
      stream.write(`\r\x1b[2K${text.slice(0, (stream.columns ?? 80) - 1 + (color ? 10 : 0))}`);
      drawn = true;
    },
    clear() {
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}
