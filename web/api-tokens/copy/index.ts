import type { ApiTokenScope } from '../../../domain/api-tokens.js';
import type { Catalogue } from '../../../i18n/catalogue.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';

export interface ApiTokensCopy {
  /** The line on the profile page that leads here. */
  link: string;
  title: string;
  intro: string;
  back: string;
  errorLabel: string;
  summary: string;
  list: {
    heading: string;
    empty: string;
    name: string;
    scope: string;
    created: string;
    lastUsed: string;
    never: string;
    actions: string;
    revoke: string;
    /** What the revoke button says to a screen reader: which token. */
    revokeLabel: (name: string) => string;
  };
  scopes: Record<ApiTokenScope, { label: string; hint: string }>;
  create: { heading: string; name: string; nameHint: string; scope: string; submit: string };
  /** The new token, shown this once. */
  created: { heading: string; notice: string; label: string; use: string };
  revoked: string;
  errors: { nameRequired: string; nameTooLong: (max: number) => string; scope: string };
}

export const API_TOKENS: Catalogue<ApiTokensCopy> = { en, fr, nl };
