import { formatDate } from '../i18n/format.js';
import { EMAILS } from './copy/index.js';
import { renderLinkEmail } from './link-email.js';
import { line, type Language, type RenderedEmail } from './render.js';

export interface InvitationData {
  recipientName: string;
  /** The recipient account's IANA time zone; null: UTC. */
  timeZone?: string | null;
  /** Who invites: the account holder, "Alice Martin (am1234-cs)". */
  inviter: string;
  handle: string;
  url: string;
  expiresAt: Date;
}

/** The email that carries a sub-account's invitation link. */
export function renderInvitation(language: Language, data: InvitationData): RenderedEmail {
  const c = EMAILS[language].invitation;
  const inviter = line(data.inviter);
  return renderLinkEmail(language, {
    subject: c.subject(inviter),
    recipientName: data.recipientName,
    paragraphs: c.body({ inviter, handle: data.handle, expires: formatDate(data.expiresAt, language, data.timeZone) }),
    url: data.url,
    button: c.button,
    fallback: c.fallback,
    note: c.note,
  });
}
