import type { Catalogue } from '../../../i18n/catalogue.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';

/** What a contact's email of a later sending adds: it replaces the earlier one, whose code no longer works. */
export interface ResentCopy {
  /** The subject, marked as the new email. */
  subject: (subject: string) => string;
  /** Shown first, as a note. */
  note: string;
}

export const RESENT: Catalogue<ResentCopy> = { en, fr, nl };
