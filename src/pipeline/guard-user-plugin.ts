import type { Node, Point, Position } from 'unist';
import type { Pluggable, Plugin, Transformer } from 'unified';
import type { VFile } from 'vfile';
import { ConfigError } from '../shared/errors.js';

/** A project's plugin, loaded: what it was called in the config, the plugin, its options. */
export interface UserPlugin {
  /** The module name or path as written in the config (`remark-emoji`, `./plugins/shout.mjs`). */
  name: string;
  plugin: (...options: never[]) => unknown;
  /** Its options (`[module, options]`), else `undefined`. */
  options?: unknown;
  /** Which tree it works on, for messages. */
  kind?: 'remark' | 'rehype';
}

/**
 * A project's plugin, as the pipeline uses it: whatever it throws on a roadmap
 * becomes that roadmap's error, at the place it names (else the first line),
 * `[plugin]`, so the other roadmaps still build.
 */
export function toGuardedPlugin({ name, plugin, options, kind }: UserPlugin): Pluggable {
  function guarded(this: unknown, ...args: unknown[]) {
    let transformer: Transformer | undefined;
    try {
      transformer = (plugin as unknown as (...a: unknown[]) => Transformer | undefined).apply(this, args);
    } catch (error) {
      // Its options are wrong, or it cannot start: the project's problem, not a roadmap's.
      throw new ConfigError(`Cannot load ${kind ? `${kind} ` : ''}plugin ${name}: ${(error as Error)?.message ?? String(error)}`, {
        cause: error,
      });
    }
    if (typeof transformer !== 'function') return undefined;
    return async (tree: Node, file: VFile) => {
      try {
        const result =
          transformer.length >= 3
            ? await new Promise((resolve, reject) =>
                transformer(tree, file, (error, output) => {
                  if (error) reject(error);
                  else resolve(output);
                }),
              )
            : await transformer(tree, file, () => undefined);
        return result ?? undefined;
      } catch (error) {
        if (file.messages.includes(error as never)) throw error;
        const place = (error as { place?: unknown; position?: unknown }).place ?? (error as { position?: unknown }).position;
        const reason = `Plugin ${name} failed: ${error instanceof Error ? error.message : String(error)}`;
        file.fail(reason, {
          place: isPlace(place) ? place : { line: 1, column: 1 },
          ruleId: 'plugin',
          source: 'roadmap-press',
          cause: error instanceof Error ? error : null,
        });
      }
    };
  }
  Object.defineProperty(guarded, 'name', { value: plugin.name || name });
  return options === undefined ? [guarded as Plugin] : [guarded as Plugin, options];
}

function isPlace(value: unknown): value is Point | Position {
  if (typeof value !== 'object' || value === null) return false;
  return (
    typeof (value as { line?: unknown }).line === 'number' || typeof (value as { start?: { line?: unknown } }).start?.line === 'number'
  );
}
