import type { Catalogue } from '../../../i18n/catalogue.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';

/** The emails about an account's password; greeting and sign-off are those of every email (emails/copy). */
export interface PasswordEmailsCopy {
  reset: {
    subject: string;
    body: (r: { handle: string; expires: string }) => string[];
    button: string;
    fallback: string;
    note: string;
  };
}

export const PASSWORD_EMAILS: Catalogue<PasswordEmailsCopy> = { en, fr, nl };
