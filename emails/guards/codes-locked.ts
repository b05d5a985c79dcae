import { EMAILS } from '../copy/index.js';
import * as h from '../html.js';
import { line, type Language, type RenderedEmail } from '../render.js';
import { GUARDS_EMAILS } from './copy/index.js';

export interface CodesLockedData {
  recipientName: string;
  serviceName: string;
  requestId: string;
  /** The request's page in the customer area, where the emails can be sent again. */
  url: string;
  attempts: number;
}

/** The email that tells the asker that too many wrong codes locked a request's codes, and what to do. */
export function renderCodesLocked(language: Language, data: CodesLockedData): RenderedEmail {
  const copy = EMAILS[language];
  const c = GUARDS_EMAILS[language].codesLocked;
  const facts = { name: line(data.serviceName), attempts: data.attempts };
  const greeting = copy.hello(line(data.recipientName));
  const paragraphs = c.body(facts);
  const subject = line(c.subject(facts));
  const reference = `${copy.labels.ref}${copy.colon}${line(data.requestId)}`;
  const text =
    [greeting, ...paragraphs, `${c.button}${copy.colon}${data.url}`, reference, c.note, copy.signoff.join('\n')].join(
      '\n\n',
    ) + '\n';
  const html = h.emailDocument(language, subject, [
    h.paragraph(greeting),
    ...paragraphs.map((p) => h.paragraph(p)),
    ...h.button(data.url, c.button, copy.action.fallback),
    h.facts([[copy.labels.ref, line(data.requestId)]]),
    h.note(c.note),
    h.signoff(copy.signoff),
  ]);
  return { subject, text, html };
}
