import type { ActivityType } from '../../../accounts/activity.js';
import type { Catalogue } from '../../../i18n/catalogue.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';

export interface ActivityCopy {
  /** The line on the profile page that leads here. */
  link: string;
  title: string;
  intro: string;
  back: string;
  caption: string;
  when: string;
  what: string;
  address: string;
  browser: string;
  empty: string;
  older: string;
  newest: string;
  /** An address or browser that was not recorded. */
  unknown: string;
  /** Every kind of activity: a new one without its words fails the build. */
  types: Record<ActivityType, string>;
  /** A kind of activity this version has no words for (recorded by a newer one). */
  other: string;
  /** What happened, with the name of what it concerns (an API token's). */
  named: (what: string, name: string) => string;
}

export const ACTIVITY: Catalogue<ActivityCopy> = { en, fr, nl };
