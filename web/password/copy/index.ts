import type { Catalogue } from '../../../i18n/catalogue.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';

/** The words of a password refused as too easy to guess. */
export interface PasswordCopy {
  /** Said before zxcvbn's reason. */
  weak: string;
}

export const PASSWORD: Catalogue<PasswordCopy> = { en, fr, nl };
