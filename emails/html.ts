import type { Language } from '../domain/contact-change.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/;
const SPECIALS = /[&<>"']/g;

/** For emails and pages alike. Most text has nothing to escape: one test, and one pass only when it does. */
export function escapeHtml(value: string): string {
  return SPECIAL.test(value) ? value.replace(SPECIALS, (c) => ENTITIES[c]!) : value;
}

const e = escapeHtml;
const MUTED = '#4a5260';
const LINK = '#0b5cad';
const P = 'margin:0 0 16px;';

// Mail clients drop stylesheets: every element carries its own style.
export const paragraph = (text: string, style = P) => `<p style="${style}">${e(text)}</p>`;

export const note = (text: string) =>
  `<div role="note" style="margin:0 0 16px;padding:12px 16px;border-left:4px solid #b45309;background:#fff7e8;">${e(text)}</div>`;

export const quote = (text: string) =>
  `<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid #c3c8d0;background:#f6f7f9;white-space:pre-line;">${e(text)}</blockquote>`;

/** A button to the link, then the link itself for a client that shows no button. */
export const button = (url: string, label: string, fallback: string) => [
  `<p style="margin:0 0 24px;"><a href="${e(url)}" style="display:inline-block;padding:12px 24px;background:${LINK};color:#ffffff;font-weight:bold;text-decoration:none;border-radius:4px;">${e(label)}</a></p>`,
  `<p style="${P}font-size:14px;color:${MUTED};">${e(fallback)}<br><a href="${e(url)}" style="color:${LINK};word-break:break-all;">${e(url)}</a></p>`,
];

export const code = (token: string) =>
  `<p style="${P}"><code style="display:inline-block;padding:10px 14px;font-family:Consolas,'Courier New',monospace;font-size:18px;letter-spacing:1px;background:#f0f2f5;border:1px solid #c9ced6;border-radius:4px;word-break:break-all;">${e(token)}</code></p>`;

export function facts(rows: [string, string][]): string {
  const cells = rows.map(
    ([k, v]) =>
      `<tr><th scope="row" style="text-align:left;vertical-align:top;padding:4px 16px 4px 0;font-weight:bold;color:${MUTED};">${e(k)}</th>` +
      `<td style="vertical-align:top;padding:4px 0;">${e(v)}</td></tr>`,
  );
  return `<table style="margin:0 0 16px;border-collapse:collapse;font-size:15px;">\n${cells.join('\n')}\n</table>`;
}

export const signoff = (lines: string[]) => `<p style="margin:24px 0 16px;">${lines.map(e).join('<br>')}</p>`;

export const footerLink = (url: string, text: string) =>
  `<p style="margin:24px 0 0;padding-top:16px;border-top:1px solid #e1e4e8;font-size:14px;color:${MUTED};"><a href="${e(url)}" style="color:${LINK};">${e(text)}</a></p>`;

/** The whole document around the body's elements. */
export function emailDocument(language: Language, subject: string, body: string[]): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${language}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(subject)}</title>`,
    '</head>',
    '<body style="margin:0;padding:0;background:#f4f5f7;">',
    '<div style="max-width:600px;margin:0 auto;padding:32px 24px;background:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2328;">',
    ...body,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
