import type { Catalogue } from '../../../i18n/catalogue.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';

/** The pages of a forgotten password, and the words of a password refused as too easy to guess. */
/** The words of a page an emailed link opens to choose a password (a reset, an invitation). */
export interface LinkFormCopy {
  title: string;
  intro: string;
  password: string;
  confirm: string;
  submit: string;
  invalid: string;
  incomplete: string;
}

export interface PasswordCopy {
  /** The link under the sign-in form. */
  forgotLink: string;
  forgot: {
    title: string;
    intro: string;
    login: string;
    loginHint: string;
    required: string;
    submit: string;
    /** The one answer, whether or not an account matches. */
    sentTitle: string;
    sent: string;
    back: string;
  };
  reset: LinkFormCopy & {
    doneTitle: string;
    done: string;
    signIn: string;
  };
  /** Said before zxcvbn's reason. */
  weak: string;
}

export const PASSWORD: Catalogue<PasswordCopy> = { en, fr, nl };
