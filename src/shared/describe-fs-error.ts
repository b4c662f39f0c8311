import { displayPath } from './display-path.js';
import { InterruptedError, RoadmapPressError } from './errors.js';

/** A file-system error code in words. */
export function describeFsCode(error: NodeJS.ErrnoException): string {
  const words: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOENT: 'no such file or folder',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EEXIST: 'a file of that name is in the way',
    EISDIR: 'it is a folder, expected a file',
    ENOSPC: 'no space left on the device',
    EROFS: 'read-only file system',
    ELOOP: 'a loop of symbolic links',
    EMFILE: 'too many open files',
  };
  const code = error.code ?? '';
  return Object.hasOwn(words, code) ? `${words[code]} (${code})` : (error.code ?? error.message);
}

/**
 * A failed write (or other file-system step) of the build as one readable
 * line: `Cannot write output/a.html: permission denied (EACCES)`. An abort
 * stays an abort.
 */
export function toFsError(action: string, file: string, error: unknown): Error {
  if (error instanceof RoadmapPressError || error instanceof InterruptedError) return error;
  if (error instanceof Error && error.name === 'AbortError') return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string') return error as Error;
  return new RoadmapPressError(`Cannot ${action} ${displayPath(file)}: ${describeFsCode(error as NodeJS.ErrnoException)}`, {
    cause: error,
  });
}
