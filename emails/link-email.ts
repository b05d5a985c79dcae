import { EMAILS } from './copy/index.js';
import * as h from './html.js';
import { line, type Language, type RenderedEmail } from './render.js';

export interface LinkEmailParts {
  subject: string;
  /** Who it is for: "Bonjour Alice Martin,". */
  recipientName: string;
  paragraphs: string[];
  /** The single-use link, its button's label, and what to do when a client shows no button. */
  url: string;
  button: string;
  fallback: string;
  /** What to do when the email was not expected. */
  note: string;
}

/** An email that carries one link to act on (an invitation, a password reset): greeting, why, the link, a note. */
export function renderLinkEmail(language: Language, p: LinkEmailParts): RenderedEmail {
  const copy = EMAILS[language];
  const subject = line(p.subject);
  const greeting = copy.hello(line(p.recipientName));
  const text = [greeting, ...p.paragraphs, p.url, p.note, copy.signoff.join('\n')].join('\n\n') + '\n';
  const html = h.emailDocument(language, subject, [
    h.paragraph(greeting),
    ...p.paragraphs.map((paragraph) => h.paragraph(paragraph)),
    ...h.button(p.url, p.button, p.fallback),
    h.note(p.note),
    h.signoff(copy.signoff),
  ]);
  return { subject, text, html };
}
