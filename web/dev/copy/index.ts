import type { Catalogue } from '../../../i18n/catalogue.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';

export interface MailboxCopy {
  title: string;
  intro: string;
  sent: string;
  to: string;
  from: string;
  subject: string;
  empty: string;
  back: string;
  htmlVersion: string;
  missing: string;
}

export const MAILBOX: Catalogue<MailboxCopy> = { en, fr, nl };
