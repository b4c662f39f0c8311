/**
 * A problem the user can fix (bad input path, template, configuration, no
 * browser). The CLI prints its message as one line and exits non-zero; any
 * other error is a bug and is reported as such.
 */
export class RoadmapPressError extends Error {
  override name = 'RoadmapPressError';
}

/** No Chromium could be found or started. */
export class BrowserError extends RoadmapPressError {
  override name = 'BrowserError';
}

/** A template could not be loaded, compiled or rendered. */
export class TemplateError extends RoadmapPressError {
  override name = 'TemplateError';
}

/** An input file or folder is missing or unreadable. */
export class InputError extends RoadmapPressError {
  override name = 'InputError';
}

/** The config file is missing, unreadable or invalid. */
export class ConfigError extends RoadmapPressError {
  override name = 'ConfigError';
}

/** One document could not be printed (it took too long, or the browser crashed on it twice). */
export class PrintError extends RoadmapPressError {
  override name = 'PrintError';
}

/** The run was interrupted (SIGINT/SIGTERM); the CLI exits 130. */
export class InterruptedError extends RoadmapPressError {
  override name = 'InterruptedError';
}
