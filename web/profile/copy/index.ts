import type { Newsletter } from '../../../domain/contact.js';
import type { Catalogue } from '../../../i18n/catalogue.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';

export type SavedNotice = 'contact' | 'preferences' | 'password' | 'newsletters' | 'unsubscribed';

export interface PasswordCopy {
  show: string;
  hide: string;
  generate: string;
  generated: string;
  copy: string;
  copied: string;
  copyFailed: string;
  strength: string;
  weak: string;
  fair: string;
  strong: string;
  tooShort: (min: number) => string;
}

export interface ProfileCopy {
  title: string;
  intro: string;
  /** A sub-account with the profile permission sees its keeper's profile. */
  keeperIntro: (keeper: string) => string;
  /** A sub-account without it sees only its own password. */
  restricted: string;
  sections: string;
  errorLabel: string;
  summary: string;
  saved: Record<SavedNotice, string>;
  contact: {
    heading: string;
    intro: string;
    firstName: string;
    lastName: string;
    nameHint: string;
    email: string;
    emailHint: string;
    phone: string;
    company: string;
    street: string;
    postalCode: string;
    city: string;
    country: string;
    optional: string;
    save: string;
  };
  preferences: {
    heading: string;
    intro: string;
    billingContact: string;
    billingHint: string;
    holder: string;
    noContacts: string;
    communication: string;
    byEmail: string;
    byPost: string;
    language: string;
    languageHint: string;
    timeZone: string;
    timeZoneHint: string;
    timeZoneNone: string;
    save: string;
  };
  password: PasswordCopy & {
    heading: string;
    intro: string;
    current: string;
    next: string;
    nextHint: (min: number) => string;
    save: string;
  };
  newsletters: {
    heading: string;
    intro: string;
    items: Record<Newsletter, { label: string; description: string }>;
    save: string;
    unsubscribeAll: string;
    note: string;
  };
  errors: {
    emailRequired: string;
    email: string;
    emailTaken: (email: string) => string;
    tooLong: (max: number) => string;
    language: string;
    communication: string;
    billingUnknown: (handle: string) => string;
    nameBySupport: string;
    currentRequired: string;
    currentWrong: string;
    same: string;
    short: (min: number) => string;
    confirm: string;
    invalid: string;
  };
  invitation: {
    title: string;
    intro: string;
    hello: (name: string) => string;
    handle: (handle: string) => string;
    password: string;
    confirm: string;
    submit: string;
    invalid: string;
    incomplete: string;
  };
}

export const PROFILE: Catalogue<ProfileCopy> = { en, fr, nl };
