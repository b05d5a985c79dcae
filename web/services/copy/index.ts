import type { Catalogue } from '../../../i18n/catalogue.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';

export interface ServicesCopy {
  errorLabel: string;
  list: {
    title: string;
    intro: string;
    empty: string;
    /** The same, for a sub-account: it sees its keeper's services within its permissions. */
    subAccount: { intro: string; empty: string };
    kind: string;
    holder: string;
    you: string;
    pending: string;
    none: string;
    pendingLink: (roles: string) => string;
    change: string;
  };
  change: {
    title: string;
    intro: string;
    roles: string;
    rolesHint: string;
    ownOnly: string;
    now: string;
    busy: string;
    seeRequest: string;
    allBusy: string;
    to: string;
    toHint: string;
    /** When the form suggests the holder's contacts. */
    toHintContacts: string;
    next: string;
    back: string;
    summary: string;
    found: (who: string) => string;
  };
  preview: {
    title: string;
    intro: string;
    service: string;
    roles: string;
    from: string;
    to: string;
    approvers: string;
    outgoing: string;
    incoming: string;
    until: string;
    moves: (roles: string, plural: boolean, from: string, to: string) => string;
    lapse: string;
    confirm: string;
    back: string;
  };
  problems: {
    needRole: string;
    needHandle: string;
    unknown: (handle: string) => string;
    inactive: (handle: string) => string;
    same: (handle: string) => string;
    different: string;
    busy: string;
    forbidden: string;
    notFound: string;
    unavailable: string;
  };
}

export const SERVICES: Catalogue<ServicesCopy> = { en, fr, nl };
