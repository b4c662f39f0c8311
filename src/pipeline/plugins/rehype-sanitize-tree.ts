import type { Root } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import type { Plugin } from 'unified';

/**
 * Sanitize the document tree once, with GitHub's schema: only http(s) and
 * relative URLs, no scripts, styles or event handlers, every `id` prefixed
 * `user-content-`. The pipeline adds it after every user rehype plugin, so
 * what a plugin adds is sanitized too.
 */
const rehypeSanitizeTree: Plugin<[], Root> = () => (tree) => sanitize(tree) as Root;

export default rehypeSanitizeTree;
