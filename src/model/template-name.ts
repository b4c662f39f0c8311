import { z } from 'zod';

/** A template name: letters, digits and dashes, so it can never leave its folder. */
export const templateName = z.string().regex(/^[a-z0-9][a-z0-9-]*$/i, 'expected a template name (letters, digits and dashes)');
