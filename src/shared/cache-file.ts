/** The build cache's file, inside the output folder. */
export const cacheFile = '.roadmap-press-cache.json';
