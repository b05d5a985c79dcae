import { formatDate } from '../i18n/format.js';
import { EMAILS } from './copy/index.js';
import * as h from './html.js';
import { line, type Language, type RenderedEmail } from './render.js';

export interface InvitationData {
  recipientName: string;
  /** Who invites: the account holder, "Alice Martin (am1234-cs)". */
  inviter: string;
  handle: string;
  url: string;
  expiresAt: Date;
}

/** The email that carries a sub-account's invitation link. */
export function renderInvitation(language: Language, data: InvitationData): RenderedEmail {
  const copy = EMAILS[language];
  const c = copy.invitation;
  const inviter = line(data.inviter);
  const greeting = copy.hello(line(data.recipientName));
  const paragraphs = c.body({ inviter, handle: data.handle, expires: formatDate(data.expiresAt, language) });
  const subject = line(c.subject(inviter));
  const text = [greeting, ...paragraphs, data.url, c.note, copy.signoff.join('\n')].join('\n\n') + '\n';
  const html = h.emailDocument(language, subject, [
    h.paragraph(greeting),
    ...paragraphs.map((p) => h.paragraph(p)),
    ...h.button(data.url, c.button, c.fallback),
    h.note(c.note),
    h.signoff(copy.signoff),
  ]);
  return { subject, text, html };
}
