import type { Language, Role } from '../domain/contact-change.js';
import { formatDate, formatList } from '../i18n/format.js';
import { roleName, serviceKind, WORDS } from '../i18n/words/index.js';
import type { Block } from './blocks.js';
import { EMAILS, type Ctx, type EmailsCopy } from './copy/index.js';
import * as h from './html.js';
import { RESENT } from './resent/copy/index.js';

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
  /** The recipient account's IANA time zone: dates are written in it, else in UTC. */
  timeZone?: string | null;
  service: { name: string; kind: string };
  roles: Role[];
  from: Person;
  to: Person;
  askedBy: Person;
  expiresAt: Date;
  requestId: string;
  token?: string;
  decisionUrl?: string;
  /** A contact's email of a later sending: it replaces the earlier one, whose code no longer works. */
  resent?: boolean;
  requestUrl: string;
  reason?: string;
  /** Ended because the provider changed or removed the service (see Ctx.byProvider). */
  byProvider?: boolean;
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
    byProvider: kind === 'aborted' && data.byProvider === true,
    expires: formatDate(data.expiresAt, language, data.timeZone),
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

  const { label: kindLabel, phrase } = WORDS[language].kinds[serviceKind(line(data.service.kind)) ?? 'service'];
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

  const subject = line(copy.subject[kind](ctx));
  const resent = action && data.resent ? RESENT[language] : null;
  const parts: Parts = {
    language,
    copy,
    facts,
    action,
    subject: resent ? resent.subject(subject) : subject,
    greeting: copy.hello(line(data.recipientName)),
    blocks: [
      ...(resent ? [{ note: resent.note }] : []),
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

function toHtml({ language, copy, subject, greeting, blocks, facts, action, requestUrl }: Parts): string {
  const out: string[] = [h.paragraph(greeting)];
  for (const b of blocks) {
    if (b === 'facts') out.push(h.facts(facts));
    else if (b === 'action' && action) {
      out.push(
        h.paragraph(copy.action.intro),
        ...h.button(action.url, copy.action.button, copy.action.fallback),
        h.paragraph(copy.action.token, 'margin:0 0 8px;'),
        h.code(action.token),
        h.paragraph(copy.action.help),
      );
    } else if (typeof b === 'string') out.push(h.paragraph(b));
    else if (typeof b === 'object' && 'quote' in b) out.push(h.quote(b.quote));
    else if (typeof b === 'object') out.push(h.note(b.note));
  }
  out.push(h.signoff(copy.signoff));
  if (requestUrl) out.push(h.footerLink(requestUrl, copy.follow));
  return h.emailDocument(language, subject, out);
}
