import { BrowserError, ConfigError, InputError, InterruptedError, PrintError, RoadmapPressError, TemplateError } from '../shared/errors.js';

/** An error as plain data, to cross a thread boundary (structured cloning keeps neither its class nor its cause). */
export interface ErrorData {
  name: string;
  message: string;
  stack: string | undefined;
  cause: ErrorData | undefined;
}

const classes: Record<string, new (message: string, options?: ErrorOptions) => Error> = {
  RoadmapPressError,
  BrowserError,
  TemplateError,
  InputError,
  ConfigError,
  PrintError,
  InterruptedError,
};

/** Describe an error (and its causes) as plain data. */
export function toErrorData(error: unknown): ErrorData {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), stack: undefined, cause: undefined };
  return {
    name: error.name,
    message: error.message,
    stack: error.stack,
    cause: error.cause === undefined ? undefined : toErrorData(error.cause),
  };
}

/** The error again: our own classes by name (a `TemplateError` stays one), any other as an `Error` of that name. */
export function fromErrorData(data: ErrorData): Error {
  const options = data.cause === undefined ? undefined : { cause: fromErrorData(data.cause) };
  const Class = Object.hasOwn(classes, data.name) ? classes[data.name]! : Error;
  const error = new Class(data.message, options);
  if (Class === Error) error.name = data.name;
  if (data.stack !== undefined) error.stack = data.stack;
  return error;
}
