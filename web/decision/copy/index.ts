import type { Decision, Party } from '../../../domain/contact-change.js';
import type { Catalogue } from '../../../i18n/catalogue.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';

/** The states in which a request has ended, each told with its date. */
export type EndedState = 'done' | 'refused' | 'aborted' | 'expired' | 'error';

export interface DecisionCopy {
  title: string;
  intro: (asker: string, roles: string, service: string) => string;
  service: string;
  roles: string;
  from: string;
  to: string;
  askedBy: string;
  expires: string;
  state: string;
  tokenLabel: string;
  tokenHint: string;
  reasonLabel: string;
  accept: string;
  refuse: string;
  unexpected: string;
  states: Record<string, string>;
  /** Which contact the checked code belongs to. */
  youAre: Record<Party, string>;
  /** This contact's recorded decision, with its formatted date. */
  decided: (decision: Decision, at: string) => string;
  nothingToDo: string;
  /** How the request ended, with the formatted date. */
  ended: Record<EndedState, (at: string) => string>;
  results: { awaiting: string; done: string; refused: string; aborted: string; error: string; recorded: string };
  problems: {
    invalidToken: string;
    locked: string;
    tooMany: string;
    /** Wrong codes from one address on one request, past their limit: wait this many minutes (at least 1). */
    tooManyWrongCodes: (minutes: number) => string;
    missingToken: string;
    notFound: string;
    unavailable: string;
  };
}

export const DECISION_COPY: Catalogue<DecisionCopy> = { en, fr, nl };
