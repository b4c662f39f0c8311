/** What an interrupted build says. */
export const interruptedMessage = 'The build was interrupted: the browser is closed, finished files are kept and no partial file is left';
