import type { Catalogue } from '../../i18n/catalogue.js';
import type { Block } from '../blocks.js';
import type { CopyCategory, EmailKind } from '../render.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';

/** Everything the copy needs, already cleaned and formatted for the language. */
export interface Ctx {
  you: 'from' | 'to' | 'asker' | 'copy';
  name: string; // service name alone, for subjects
  svc: string; // "le nom de domaine example.fr"
  roles: string; // "contact administrateur et contact technique"
  plural: boolean;
  from: string;
  to: string;
  asker: string; // "Alice Martin (AM1234-OVH)"
  askerIsYou: boolean;
  by?: string; // who refused or cancelled
  byIsYou: boolean;
  reason?: string;
  /** Ended because the provider changed the service: its contacts are as the provider says, not as they were. */
  byProvider?: boolean;
  expires: string;
  requestId: string;
}

export interface EmailsCopy {
  colon: string;
  hello: (name: string) => string;
  signoff: string[];
  labels: {
    role: string;
    roles: string;
    from: string;
    to: string;
    asker: string;
    until: string;
    expired: string;
    ref: string;
  };
  action: { intro: string; button: string; fallback: string; token: string; help: string };
  follow: string;
  /** Why a contact receives a copy: its subscription, and whose contact it is. */
  copyNote: (category: CopyCategory, account: string) => string;
  subject: Record<EmailKind, (c: Ctx) => string>;
  body: Record<EmailKind, (c: Ctx) => Block[]>;
  /** The email that carries a sub-account's invitation link. */
  invitation: {
    subject: (inviter: string) => string;
    body: (i: { inviter: string; handle: string; expires: string }) => string[];
    button: string;
    fallback: string;
    note: string;
  };
}

export const EMAILS: Catalogue<EmailsCopy> = { en, fr, nl };
