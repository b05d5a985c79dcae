import type { State } from '../../../domain/contact-change.js';
import type { Catalogue } from '../../../i18n/catalogue.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';

type Who = (who: string) => string;

export interface RequestsCopy {
  title: string;
  intro: string;
  tabs: { label: string; sent: string; received: string; all: string };
  filter: {
    /** The filter form's name, for screen readers. */
    legend: string;
    label: string;
    any: string;
    pending: string;
    service: string;
    anyService: string;
    createdFrom: string;
    createdTo: string;
    submit: string;
    clear: string;
    /** Nothing matches the filters. */
    none: string;
    /** What was typed in a date field, which is not a date. */
    badDate: (typed: string) => string;
    /** The first day is after the last. */
    dateOrder: string;
    /** Said when a live update takes a request out of the state filtered on. */
    left: string;
  };
  empty: string;
  pager: { label: string; newer: string; older: string };
  states: Record<State, string>;
  fields: {
    service: string;
    roles: string;
    fromTo: string;
    from: string;
    to: string;
    askedBy: string;
    created: string;
    expires: string;
    ended: string;
    state: string;
    progress: string;
  };
  progress: {
    you: string;
    youAnd: Who;
    other: Who;
    both: (a: string, b: string) => string;
    applying: string;
    done: string;
    refusedBy: Who;
    cancelledBy: Who;
    /** The handles of who did not answer. */
    expired: (handles: string[]) => string;
    error: string;
  };
  you: string;
  open: string;
  decide: { legend: string; token: string; hint: string; reason: string; accept: string; refuse: string };
  manage: { resend: string; cancel: string; reason: string; confirm: string };
  notices: { sent: string; resent: string; cancelled: string };
  problems: {
    forbidden: string;
    bothDecided: string;
    notNow: (state: string) => string;
  };
  detail: {
    title: (service: string) => string;
    back: string;
    decisions: string;
    timeline: string;
    undecided: string;
    accepted: string;
    refused: string;
    stale: string;
  };
  events: {
    created: Who;
    state: (state: string) => string;
    accepted: Who;
    refused: Who;
    reason: string;
    emailSent: Who;
    reminderSent: Who;
    outcomeSent: Who;
    emailFailed: Who;
    emailDelivered: Who;
    emailBounced: Who;
    emailComplained: Who;
    resent: Who;
    extended: Who;
    tokensLocked: string;
    other: (type: string) => string;
  };
}

export const REQUESTS_COPY: Catalogue<RequestsCopy> = { en, fr, nl };
