import type { Catalogue } from '../../../i18n/catalogue.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';

export interface CommonCopy {
  languageName: string;
  /** The first choice of a country list. */
  noCountry: string;
  /** Between a label and its value: ": ", in French " : " (a non-breaking space before the colon). */
  colon: string;
  skip: string;
  nav: {
    services: string;
    requests: string;
    contacts: string;
    profile: string;
    support: string;
    mailbox: string;
    signOut: string;
    signedInAs: string;
    language: string;
    /** A sub-account's line in the header: whose customer area it acts in (name and handle). */
    actingIn: (keeper: string) => string;
  };
  signIn: {
    title: string;
    handle: string;
    password: string;
    submit: string;
    wrong: string;
    tooMany: string;
    intro: string;
    demo: string;
  };
  /** badRequest: a request the browser got wrong (a malformed address, a body of the wrong type). */
  errors: { notFound: string; unavailable: string; forbidden: string; csrf: string; badRequest: string };
}

export const COMMON: Catalogue<CommonCopy> = { en, fr, nl };
