import { formatSpan } from '../../domain/durations.js';
import { MAX_WAIT_MS } from '../../domain/sign-in.js';
import { formatDate } from '../../i18n/format.js';
import { EMAILS } from '../copy/index.js';
import * as h from '../html.js';
import { line, type Language, type RenderedEmail } from '../render.js';
import { SIGN_IN_EMAILS } from './copy/index.js';

export interface ThrottledData {
  recipientName: string;
  /** The recipient account's IANA time zone; null: UTC. */
  timeZone?: string | null;
  handle: string;
  failures: number;
  at: Date;
  ip: string | null;
  /** Where to change the password: the profile's password section. */
  url: string;
}

/** The notice that wrong passwords were tried on an account, enough for signing in to wait. */
export function renderSignInThrottled(language: Language, data: ThrottledData): RenderedEmail {
  const copy = EMAILS[language];
  const c = SIGN_IN_EMAILS[language].throttled;
  const greeting = copy.hello(line(data.recipientName));
  const paragraphs = c.body({
    handle: line(data.handle),
    failures: data.failures,
    at: formatDate(data.at, language, data.timeZone),
    ip: data.ip ? line(data.ip) : null,
    maxWait: formatSpan(MAX_WAIT_MS, language),
  });
  const text = [greeting, ...paragraphs, data.url, c.note, copy.signoff.join('\n')].join('\n\n') + '\n';
  const html = h.emailDocument(language, c.subject, [
    h.paragraph(greeting),
    ...paragraphs.map((p) => h.paragraph(p)),
    ...h.button(data.url, c.button, c.fallback),
    h.note(c.note),
    h.signoff(copy.signoff),
  ]);
  return { subject: c.subject, text, html };
}
