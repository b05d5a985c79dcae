import type { Catalogue } from '../../../i18n/catalogue.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';

/** Whose address it is: one's own account, a sub-account or a contact of `keeper`'s book. */
export interface Whose {
  kind: 'account' | 'subAccount' | 'contact';
  name: string;
  handle: string;
  /** "Alice Martin (am1234-cs)", for a sub-account or a contact. */
  keeper?: string;
}

/** What the copy needs, already cleaned and formatted for the language. */
export interface AddressCtx {
  /** "your account Alice Martin (am1234-cs)". */
  whose: string;
  oldEmail: string;
  newEmail: string;
  /** Who asked, when someone else than the account itself did (the holder of a sub-account). */
  by?: string;
  at: string;
  expires: string;
  hours: number;
}

export interface AddressEmailsCopy {
  whose: (w: Whose) => string;
  /** To the new address: the link that confirms it. */
  confirm: { subject: string; body: (c: AddressCtx) => string[]; button: string; note: string };
  /** To the address in use: a change was asked, and the link that cancels it and signs out every session. */
  notice: { subject: string; body: (c: AddressCtx) => string[]; button: string; note: string };
  /** To the former address: the change is made, and the requests it ended. */
  changed: {
    subject: string;
    body: (c: AddressCtx) => string[];
    ended: string;
    endedAfter: string;
    /** One ended request: "example.fr (technical contact), reference abc". */
    request: (r: { service: string; roles: string; id: string }) => string;
    note: string;
  };
}

export const ADDRESS_EMAILS: Catalogue<AddressEmailsCopy> = { en, fr, nl };
