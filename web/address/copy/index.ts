import type { Catalogue } from '../../../i18n/catalogue.js';
import type { Html } from '../../shared/html.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';

export interface AddressCopy {
  /** Beside the address, on the profile and on a sub-account in the contact book. */
  field: {
    password: string;
    passwordHint: string;
    /** A sub-account sees its holder's address without changing it. */
    holderOnly: string;
    /** The change that waits: the new address and until when its link works. */
    pending: (email: string, until: Html) => Html;
    withdraw: string;
    withdrawn: string;
  };
  /** The token did not reach the link's page (no JavaScript, or a link cut short). */
  incomplete: string;
  unavailable: string;
  confirm: {
    title: string;
    intro: string;
    button: string;
    done: (email: string) => string;
    ended: (count: number) => string;
    taken: string;
    /** Used, cancelled, replaced or expired. */
    invalid: string;
  };
  cancel: {
    title: string;
    intro: string;
    button: string;
    done: string;
    invalid: string;
  };
}

export const ADDRESS: Catalogue<AddressCopy> = { en, fr, nl };
