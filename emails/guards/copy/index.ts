import type { Catalogue } from '../../../i18n/catalogue.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';

/** What a request's codes being locked is told with, already cleaned for the email. */
export interface LockedFacts {
  /** The service's name. */
  name: string;
  attempts: number;
}

/** The emails of the guards against guessing: the asker told that a request's codes were locked. */
export interface GuardsEmailsCopy {
  codesLocked: {
    subject: (f: LockedFacts) => string;
    body: (f: LockedFacts) => string[];
    button: string;
    note: string;
  };
}

export const GUARDS_EMAILS: Catalogue<GuardsEmailsCopy> = { en, fr, nl };
