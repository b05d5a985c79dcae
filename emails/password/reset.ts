import { formatDate } from '../../i18n/format.js';
import { renderLinkEmail } from '../link-email.js';
import { line, type Language, type RenderedEmail } from '../render.js';
import { PASSWORD_EMAILS } from './copy/index.js';

export interface PasswordResetData {
  recipientName: string;
  /** The recipient account's IANA time zone; null: UTC. */
  timeZone?: string | null;
  handle: string;
  url: string;
  expiresAt: Date;
}

/** The email that carries a password reset link, in the account's language. */
export function renderPasswordReset(language: Language, data: PasswordResetData): RenderedEmail {
  const c = PASSWORD_EMAILS[language].reset;
  return renderLinkEmail(language, {
    subject: c.subject,
    recipientName: data.recipientName,
    paragraphs: c.body({ handle: line(data.handle), expires: formatDate(data.expiresAt, language, data.timeZone) }),
    url: data.url,
    button: c.button,
    fallback: c.fallback,
    note: c.note,
  });
}
