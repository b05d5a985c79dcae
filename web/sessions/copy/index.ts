import type { Catalogue } from '../../../i18n/catalogue.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';

/** "My sessions", and what the sign-in page says of waits and of forms from other sites. */
export interface SessionsCopy {
  title: string;
  /** How long sessions last: "30 minutes", "12 hours". */
  intro: (idle: string, max: string) => string;
  /** The line on the profile page that leads here. */
  link: string;
  caption: string;
  columns: { browser: string; ip: string; signedIn: string; lastActive: string; action: string };
  /** The session of the browser reading the page. */
  thisOne: string;
  /** "Firefox on Windows", from the user agent; what cannot be told is null. */
  agent: (browser: string | null, system: string | null) => string;
  unknownIp: string;
  signOut: string;
  /** The button's name for a screen reader: which session it signs out. */
  signOutLabel: (session: string) => string;
  signOutOthers: string;
  othersHint: string;
  alone: string;
  done: { ended: string; others: string };
  signIn: {
    /** After too many wrong passwords; `wait` as "30 seconds", "4 minutes". */
    throttled: (wait: string) => string;
    /** A sign-in or invitation form posted from another site. */
    crossSite: string;
  };
}

export const SESSIONS: Catalogue<SessionsCopy> = { en, fr, nl };
