import type { EmailCategory, Permission } from '../../../domain/contact.js';
import type { Html } from '../../shared/html.js';
import type { Catalogue } from '../../../i18n/catalogue.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';

export type TextField =
  'firstName' | 'lastName' | 'email' | 'phone' | 'company' | 'street' | 'postalCode' | 'city' | 'country' | 'language';
export type Notice =
  'added' | 'saved' | 'deleted' | 'invited' | 'withdrawn' | 'permissions' | 'deactivated' | 'reactivated';
type Described = { label: string; hint: string };

export interface ContactsCopy {
  errorLabel: string;
  summary: string;
  optional: string;
  list: {
    title: string;
    intro: string;
    add: string;
    empty: string;
    caption: string;
    name: string;
    handle: string;
    email: string;
    phone: string;
    company: string;
    categories: string;
    access: string;
    actions: string;
    edit: string;
    delete: string;
    noCategory: string;
  };
  /** A contact's access, as the list shows it; `invited` is followed by the link's expiry. */
  status: { none: string; invited: string; expired: string; active: string; deactivated: string };
  notices: Record<Notice, string>;
  form: {
    newTitle: string;
    editTitle: string;
    newIntro: string;
    editIntro: string;
    handle: string;
    name: string;
    reach: string;
    address: string;
    emails: string;
    emailsHint: string;
    add: string;
    save: string;
    back: string;
    delete: string;
  };
  fields: Record<TextField, { label: string; hint?: string }>;
  categories: Record<EmailCategory, Described>;
  permissions: Record<Permission, Described>;
  /** The schema's refusals, per field, in the reader's words. */
  checks: {
    firstName: string;
    lastName: string;
    emailRequired: string;
    email: string;
    phone: string;
    /** A number that is not one of the chosen country's, which is named. */
    phoneIn: (country: string) => string;
    country: string;
    language: string;
    category: string;
    tooLong: (max: number) => string;
    invalid: string;
  };
  problems: { emailTaken: (email: string) => string; subAccountEmail: string; unavailable: string };
  del: {
    title: (name: string) => string;
    consequences: string;
    subAccount: string;
    confirm: string;
    cancel: string;
    refused: string;
    ownerOnly: string;
    holdsRole: (name: string, services: string, link: Html) => Html;
    servicesLink: string;
    pendingRequest: (name: string, links: Html) => Html;
    seeRequest: string;
    requestN: (n: number) => string;
    billing: (name: string, link: Html) => Html;
    profileLink: string;
  };
  access: {
    heading: string;
    none: (name: string) => string;
    allow: string;
    allowHint: (email: string, days: number) => string;
    invite: string;
    invited: (email: string) => string;
    expired: (email: string) => string;
    resend: string;
    resendHint: string;
    withdraw: string;
    withdrawHint: string;
    active: (name: string, handle: string) => string;
    deactivated: (name: string) => string;
    deactivate: string;
    deactivateHint: string;
    reactivate: string;
    reactivateHint: string;
    permissions: string;
    permissionsHint: string;
    /** The permissions Countersign does not use: a legend and its hint. */
    elsewhere: string;
    elsewhereHint: string;
    save: string;
    problems: {
      already: string;
      noInvitation: string;
      notSubAccount: string;
      notActive: string;
      notDeactivated: string;
      unavailable: string;
    };
  };
}

export const CONTACTS: Catalogue<ContactsCopy> = { en, fr, nl };
