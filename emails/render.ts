import type { Language, Role } from '../domain/contact-change.js';
import { formatDate, formatList } from '../i18n/format.js';
import { roleName, WORDS, type ServiceKind } from '../i18n/words/index.js';
import type { Block } from './blocks.js';
import { EMAILS, type Ctx, type EmailsCopy } from './copy/index.js';

export type { Language, Role };
export type EmailKind = 'request' | 'reminder' | 'done' | 'refused' | 'expired' | 'aborted' | 'error';
// outgoing contact, incoming contact, the person who asked, a contact subscribed to copies of the account's emails
export type Recipient = 'from' | 'to' | 'asker' | 'copy';
export type CopyCategory = 'general' | 'domain' | 'product';
export interface Person {
  handle: string;
  name: string;
}
export interface EmailData {
  recipient: Recipient;
  recipientName: string;
  service: { name: string; kind: string };
  roles: Role[];
  from: Person;
  to: Person;
  askedBy: Person;
  expiresAt: Date;
  requestId: string;
  token?: string;
  decisionUrl?: string;
  requestUrl: string;
  reason?: string;
  refusedBy?: Person;
  cancelledBy?: Person;
  /** For a copy: the category the contact subscribed to, and whose account it is a contact of. */
  copyOf?: { category: CopyCategory; account: Person };
}
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const ROLE_ORDER: readonly Role[] = ['admin', 'tech', 'billing'];
const KIND_ALIASES = new Map(
  Object.entries<ServiceKind>({
    domain: 'domain',
    'domain-name': 'domain',
    hosting: 'hosting',
    'web-hosting': 'hosting',
    webhosting: 'hosting',
    server: 'server',
    'dedicated-server': 'server',
    dedicated: 'server',
    vps: 'vps',
    email: 'email',
    'e-mail': 'email',
    mail: 'email',
  }),
);

// Bidi controls let a name or handle display as something else; nobody needs them in a contact name.
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Single-line data (names, handles, service names): a newline there could forge lines in the text part or a header. */
export function line(value: string): string {
  return value
    .replace(BIDI, '')
    .replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .trim();
}

/** Free text keeps its paragraphs, nothing else. */
function freeText(value: string | undefined): string | undefined {
  const text = value
    ?.replace(/\r\n?/g, '\n')
    .replace(BIDI, '')
    .replace(CONTROL, '')
    .replace(/\t/g, ' ')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return text || undefined;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/;
const SPECIALS = /[&<>"']/g;

/** For emails and pages alike. Most text has nothing to escape: one test, and one pass only when it does. */
export function escapeHtml(value: string): string {
  return SPECIAL.test(value) ? value.replace(SPECIALS, (c) => ENTITIES[c]!) : value;
}

function copyFor(language: Language): EmailsCopy {
  const copy = EMAILS[language];
  if (!copy) throw new RangeError(`Unsupported email language: ${String(language)}`);
  return copy;
}

const who = (p: Person) => {
  const name = line(p.name);
  const handle = line(p.handle);
  return name && handle ? `${name} (${handle})` : name || handle;
};

function context(language: Language, kind: EmailKind, data: EmailData, roles: Role[], phrase: string): Ctx {
  const self =
    data.recipient === 'from'
      ? data.from
      : data.recipient === 'to'
        ? data.to
        : data.recipient === 'asker'
          ? data.askedBy
          : undefined;
  const selfKey = self ? line(self.handle).toLowerCase() : '';
  const isSelf = (p: Person | undefined) => !!p && !!selfKey && line(p.handle).toLowerCase() === selfKey;
  // Only the person named for this kind of ending counts; a stray field from another kind is ignored.
  const by = kind === 'refused' ? data.refusedBy : kind === 'aborted' ? data.cancelledBy : undefined;
  const name = line(data.service.name);
  return {
    you: data.recipient,
    name,
    svc: `${phrase} ${name}`,
    roles: formatList(
      roles.map((r) => roleName(r, language)),
      language,
    ),
    plural: roles.length > 1,
    from: who(data.from),
    to: who(data.to),
    asker: who(data.askedBy),
    askerIsYou: data.recipient === 'asker' || isSelf(data.askedBy),
    by: by ? who(by) : undefined,
    byIsYou: isSelf(by),
    reason: kind === 'refused' || kind === 'aborted' || kind === 'error' ? freeText(data.reason) : undefined,
    expires: formatDate(data.expiresAt, language),
    requestId: line(data.requestId),
  };
}

interface Parts {
  language: Language;
  copy: EmailsCopy;
  subject: string;
  greeting: string;
  blocks: Block[];
  facts: [string, string][];
  action?: { url: string; token: string };
  requestUrl: string;
}

export function renderEmail(kind: EmailKind, language: Language, data: EmailData): RenderedEmail {
  const copy = copyFor(language);
  if (!copy.body[kind]) throw new RangeError(`Unknown email kind: ${String(kind)}`);
  const roles = ROLE_ORDER.filter((r) => data.roles.includes(r));
  if (roles.length === 0) throw new RangeError('renderEmail: a contact change needs at least one role');

  let action: Parts['action'];
  if (data.recipient === 'copy' && (kind === 'request' || kind === 'reminder' || !data.copyOf)) {
    throw new Error(`renderEmail: a copy informs of an outcome and names its subscription, not '${kind}'`);
  }
  if ((kind === 'request' || kind === 'reminder') && data.recipient !== 'asker') {
    const token = data.token?.trim();
    const url = data.decisionUrl?.trim();
    // An approval email without its code is useless, and one that looks complete but is not is worse.
    if (!token || !url)
      throw new Error(`renderEmail: '${kind}' to '${data.recipient}' needs a token and a decision URL`);
    action = { url, token };
  }

  const { label: kindLabel, phrase } =
    WORDS[language].kinds[KIND_ALIASES.get(line(data.service.kind).toLowerCase()) ?? 'service'];
  const ctx = context(language, kind, data, roles, phrase);
  const { labels } = copy;
  const facts: [string, string][] = [
    [kindLabel, ctx.name],
    [roles.length > 1 ? labels.roles : labels.role, ctx.roles],
    [labels.from, ctx.from],
    [labels.to, ctx.to],
    [labels.asker, ctx.asker],
  ];
  if (kind === 'request' || kind === 'reminder') facts.push([labels.until, ctx.expires]);
  if (kind === 'expired') facts.push([labels.expired, ctx.expires]);
  facts.push([labels.ref, ctx.requestId]);

  const parts: Parts = {
    language,
    copy,
    facts,
    action,
    subject: line(copy.subject[kind](ctx)),
    greeting: copy.hello(line(data.recipientName)),
    blocks: [
      ...copy.body[kind](ctx).filter((b) => b !== 'action' || action),
      ...(data.copyOf ? [{ note: copy.copyNote(data.copyOf.category, who(data.copyOf.account)) }] : []),
    ],
    // A contact who gets a copy may have no login: a link into the customer area would only lead to sign-in.
    requestUrl: data.recipient === 'copy' ? '' : data.requestUrl.trim(),
  };
  return { subject: parts.subject, text: toText(parts), html: toHtml(parts) };
}

function toText({ copy, greeting, blocks, facts, action, requestUrl }: Parts): string {
  const out: string[] = [greeting];
  for (const b of blocks) {
    if (b === 'facts') out.push(facts.map(([k, v]) => `${k}${copy.colon}${v}`).join('\n'));
    else if (b === 'action' && action) {
      // The token stands alone so it can be selected and pasted without picking up anything else.
      out.push(`${copy.action.intro}\n${action.url}`, copy.action.token, action.token, copy.action.help);
    } else if (typeof b === 'string') out.push(b);
    else if (typeof b === 'object' && 'quote' in b)
      out.push(
        b.quote
          .split('\n')
          .map((l) => `> ${l}`.trimEnd())
          .join('\n'),
      );
    else if (typeof b === 'object') out.push(b.note);
  }
  out.push(copy.signoff.join('\n'));
  if (requestUrl) out.push(`${copy.follow}${copy.colon}${requestUrl}`);
  return `${out.join('\n\n')}\n`;
}

const MUTED = '#4a5260';
const LINK = '#0b5cad';
const P = 'margin:0 0 16px;';

function toHtml({ language, copy, subject, greeting, blocks, facts, action, requestUrl }: Parts): string {
  const e = escapeHtml;
  const out: string[] = [`<p style="${P}">${e(greeting)}</p>`];
  for (const b of blocks) {
    if (b === 'facts') {
      const rows = facts.map(
        ([k, v]) =>
          `<tr><th scope="row" style="text-align:left;vertical-align:top;padding:4px 16px 4px 0;font-weight:bold;color:${MUTED};">${e(k)}</th>` +
          `<td style="vertical-align:top;padding:4px 0;">${e(v)}</td></tr>`,
      );
      out.push(
        `<table style="margin:0 0 16px;border-collapse:collapse;font-size:15px;">\n${rows.join('\n')}\n</table>`,
      );
    } else if (b === 'action' && action) {
      const href = e(action.url);
      out.push(
        `<p style="${P}">${e(copy.action.intro)}</p>`,
        `<p style="margin:0 0 24px;"><a href="${href}" style="display:inline-block;padding:12px 24px;background:${LINK};color:#ffffff;font-weight:bold;text-decoration:none;border-radius:4px;">${e(copy.action.button)}</a></p>`,
        `<p style="${P}font-size:14px;color:${MUTED};">${e(copy.action.fallback)}<br><a href="${href}" style="color:${LINK};word-break:break-all;">${href}</a></p>`,
        `<p style="margin:0 0 8px;">${e(copy.action.token)}</p>`,
        `<p style="${P}"><code style="display:inline-block;padding:10px 14px;font-family:Consolas,'Courier New',monospace;font-size:18px;letter-spacing:1px;background:#f0f2f5;border:1px solid #c9ced6;border-radius:4px;word-break:break-all;">${e(action.token)}</code></p>`,
        `<p style="${P}">${e(copy.action.help)}</p>`,
      );
    } else if (typeof b === 'string') out.push(`<p style="${P}">${e(b)}</p>`);
    else if (typeof b === 'object' && 'quote' in b) {
      out.push(
        `<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid #c3c8d0;background:#f6f7f9;white-space:pre-line;">${e(b.quote)}</blockquote>`,
      );
    } else if (typeof b === 'object') {
      out.push(
        `<div role="note" style="margin:0 0 16px;padding:12px 16px;border-left:4px solid #b45309;background:#fff7e8;">${e(b.note)}</div>`,
      );
    }
  }
  out.push(
    `<p style="margin:24px 0 16px;">${copy.signoff.map(e).join('<br>')}</p>`,
    ...(requestUrl
      ? [
          `<p style="margin:24px 0 0;padding-top:16px;border-top:1px solid #e1e4e8;font-size:14px;color:${MUTED};"><a href="${e(requestUrl)}" style="color:${LINK};">${e(copy.follow)}</a></p>`,
        ]
      : []),
  );
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
    ...out,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
