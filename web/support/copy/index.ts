import type { Catalogue } from '../../../i18n/catalogue.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';

type Labels<K extends string> = Record<K, string>;

export interface SupportCopy {
  title: string;
  stuck: {
    heading: string;
    intro: (span: string) => string;
    none: string;
    /** A later page with nothing left on it (the requests it had moved on since). */
    noMore: string;
    why: string;
    since: string;
    pager: { label: string; next: string; first: string };
  };
  search: {
    heading: string;
    label: string;
    hint: string;
    submit: string;
    results: (q: string) => string;
    none: (q: string) => string;
    more: (n: number) => string;
  };
  columns: Labels<'request' | 'service' | 'roles' | 'contacts' | 'state' | 'created'>;
  reasons: {
    pendingTooLong: (span: string) => string;
    emailFailed: (to: string, status: string, error: string | null) => string;
    stepFailing: (step: string, error: string | null) => string;
    tokensLocked: (attempts: number) => string;
    applyOverdue: (span: string) => string;
  };
  states: Labels<
    'todo' | 'checkValidity' | 'validatingByCustomers' | 'doing' | 'done' | 'refused' | 'aborted' | 'expired' | 'error'
  >;
  roles: Labels<'admin' | 'tech' | 'billing'>;
  recipients: Labels<'from' | 'to' | 'asker'>;
  emailStatus: Labels<'sending' | 'sent' | 'delivered' | 'bounced' | 'complained' | 'failed'>;
  emailKinds: Labels<'request' | 'reminder' | 'done' | 'refused' | 'expired' | 'aborted' | 'error'>;
  request: {
    title: (id: string) => string;
    back: string;
    summary: string;
    from: string;
    to: string;
    asker: string;
    expires: string;
    ended: string;
    decision: Labels<'accepted' | 'refused' | 'awaiting'>;
    temporal: string;
    unknownError: string;
    failing: { heading: string; text: (step: string, error: string | null) => string; since: string };
  };
  emails: {
    heading: string;
    none: string;
    to: string;
    kind: string;
    sending: string;
    status: string;
    attempts: string;
    error: string;
    at: string;
  };
  /** The provider's webhooks: each event's delivery to each endpoint, its attempts, and sending one again. */
  webhooks: {
    heading: string;
    none: string;
    event: string;
    endpoint: string;
    status: string;
    attempts: string;
    statuses: Labels<'pending' | 'delivered' | 'failed'>;
    disabled: string;
    answered: (status: number) => string;
    noAttempt: string;
    again: string;
    done: string;
  };
  timeline: {
    heading: string;
    at: string;
    what: string;
    who: string;
    detail: string;
    reason: string;
    events: Labels<string>;
  };
  actions: {
    heading: string;
    ended: string;
    reason: string;
    reasonHint: string;
    resend: { heading: string; hint: string; submit: string; done: string };
    applied: { heading: string; hint: string; submit: string; done: string };
    failed: { heading: string; hint: string; submit: string; done: string };
    extend: {
      heading: string;
      hint: string;
      limit: string;
      label: string;
      utc: string;
      local: string;
      current: string;
      submit: string;
      done: string;
    };
    cancel: { heading: string; hint: string; submit: string; done: string };
  };
  errors: Labels<
    | 'reasonRequired'
    | 'reasonTooLong'
    | 'invalidDate'
    | 'past'
    | 'notLater'
    | 'tooLate'
    | 'notPending'
    | 'tooSoon'
    | 'invalid'
  >;
}

export const SUPPORT: Catalogue<SupportCopy> = { en, fr, nl };
