import type { CopyCategory, EmailKind, Role } from './render.js';

/** A paragraph, a quoted text written by a person, a highlighted note, or a slot filled by the renderer. */
export type Block = string | { quote: string } | { note: string } | 'facts' | 'action';

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
  expires: string;
  requestId: string;
}

export interface Copy {
  roles: Record<Role, string>;
  months: string[];
  at: string;
  and: string;
  colon: string;
  kinds: Record<string, [label: string, phrase: string]>;
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
}

export const why = (reason: string | undefined, label: string, none?: string): Block[] =>
  reason ? [label, { quote: reason }] : none ? [none] : [];
