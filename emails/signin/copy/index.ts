import type { Catalogue } from '../../../i18n/catalogue.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';

/** What the notice says, already cleaned and formatted for the language. */
export interface ThrottledFacts {
  handle: string;
  failures: number;
  /** When the last wrong password was tried. */
  at: string;
  /** From which address; null when unknown. */
  ip: string | null;
  /** The longest wait: "15 minutes". */
  maxWait: string;
}

/** The emails of signing in. */
export interface SignInEmailsCopy {
  /** Wrong passwords were tried on the account, enough for signing in to wait. */
  throttled: {
    subject: string;
    body: (f: ThrottledFacts) => string[];
    button: string;
    fallback: string;
    note: string;
  };
}

export const SIGN_IN_EMAILS: Catalogue<SignInEmailsCopy> = { en, fr, nl };
