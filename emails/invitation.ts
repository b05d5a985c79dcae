import { formatDate } from '../i18n/format.js';
import { EMAILS } from './copy/index.js';
import { escapeHtml, line, type Language, type RenderedEmail } from './render.js';

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
  const e = escapeHtml;
  const P = 'margin:0 0 16px;';
  const html = [
    '<!DOCTYPE html>',
    `<html lang="${language}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(subject)}</title>`,
    '</head>',
    '<body style="margin:0;padding:0;background:#f4f5f7;">',
    '<div style="max-width:600px;margin:0 auto;padding:32px 24px;background:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2328;">',
    `<p style="${P}">${e(greeting)}</p>`,
    ...paragraphs.map((p) => `<p style="${P}">${e(p)}</p>`),
    `<p style="margin:0 0 24px;"><a href="${e(data.url)}" style="display:inline-block;padding:12px 24px;background:#0b5cad;color:#ffffff;font-weight:bold;text-decoration:none;border-radius:4px;">${e(c.button)}</a></p>`,
    `<p style="${P}font-size:14px;color:#4a5260;">${e(c.fallback)}<br><a href="${e(data.url)}" style="color:#0b5cad;word-break:break-all;">${e(data.url)}</a></p>`,
    `<div role="note" style="margin:0 0 16px;padding:12px 16px;border-left:4px solid #b45309;background:#fff7e8;">${e(c.note)}</div>`,
    `<p style="margin:24px 0 0;">${copy.signoff.map(e).join('<br>')}</p>`,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { subject, text, html };
}
