import type { Catalogue } from '../../../i18n/catalogue.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';

export interface TwoStepCopy {
  title: string;
  /** The one line on the profile page that leads here. */
  profileLink: string;
  intro: string;
  /** Support staff who must turn it on before anything else. */
  mustEnrol: string;
  errorLabel: string;
  password: string;
  wrongPassword: string;
  code: string;
  off: { status: string; start: string; disabled: string };
  enrol: {
    heading: string;
    scan: string;
    qr: string;
    key: string;
    keyHint: string;
    codeHint: string;
    confirm: string;
    restart: string;
  };
  codes: {
    heading: string;
    enabled: string;
    renewed: string;
    intro: string;
    list: string;
    done: string;
  };
  on: {
    status: string;
    since: string;
    left: (count: number) => string;
    renewHeading: string;
    renewIntro: string;
    renew: string;
    offHeading: string;
    offIntro: string;
    offCodeHint: string;
    turnOff: string;
    required: string;
  };
  signIn: {
    title: string;
    intro: string;
    codeHint: string;
    submit: string;
    wrong: (attemptsLeft: number) => string;
    tooMany: string;
    locked: string;
    expired: string;
    again: string;
  };
}

export const TWO_STEP: Catalogue<TwoStepCopy> = { en, fr, nl };
