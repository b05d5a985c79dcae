import { formatDate, formatList } from '../../i18n/format.js';
import { roleName } from '../../i18n/words/index.js';
import { EMAILS } from '../copy/index.js';
import * as h from '../html.js';
import { line, type Language, type RenderedEmail, type Role } from '../render.js';
import { ADDRESS_EMAILS, type Whose } from './copy/index.js';

export type AddressEmailKind = 'confirm' | 'notice' | 'changed';

export interface AddressEmailData {
  recipientName: string;
  /** The account's IANA time zone; null: UTC. */
  timeZone?: string | null;
  whose: Whose;
  oldEmail: string;
  newEmail: string;
  /** Who asked, when someone else than the account itself did: "Alice Martin (am1234-cs)". */
  by?: string;
  /** When the change was asked (a notice) or made (changed). */
  at: Date;
  expiresAt: Date;
  hours: number;
  /** The link: confirm (to the new address) or cancel (to the old one). */
  url?: string;
  /** The requests the change ended, for the former address. */
  ended?: { service: string; roles: Role[]; id: string }[];
}

/** The emails of an address change: the confirmation link, the notice with the cancel link, the change made. */
export function renderAddressEmail(kind: AddressEmailKind, language: Language, data: AddressEmailData): RenderedEmail {
  const shared = EMAILS[language];
  const copy = ADDRESS_EMAILS[language];
  const whose = copy.whose({
    ...data.whose,
    name: line(data.whose.name),
    handle: line(data.whose.handle),
    keeper: data.whose.keeper && line(data.whose.keeper),
  });
  const ctx = {
    whose,
    oldEmail: line(data.oldEmail),
    newEmail: line(data.newEmail),
    by: data.by && line(data.by),
    at: formatDate(data.at, language, data.timeZone),
    expires: formatDate(data.expiresAt, language, data.timeZone),
    hours: data.hours,
  };
  const c = copy[kind];
  const paragraphs = c.body(ctx);
  const list = (data.ended ?? []).map((r) =>
    copy.changed.request({
      service: line(r.service),
      roles: formatList(
        r.roles.map((role) => roleName(role, language)),
        language,
      ),
      id: r.id,
    }),
  );
  const ended = list.length ? { intro: copy.changed.ended, items: list, after: copy.changed.endedAfter } : null;
  const button = kind === 'changed' ? null : { url: data.url!, label: copy[kind].button };
  const greeting = shared.hello(line(data.recipientName));
  const subject = c.subject;
  const text = [
    greeting,
    ...paragraphs,
    ...(ended ? [ended.intro, ended.items.map((i) => `- ${i}`).join('\n'), ended.after] : []),
    ...(button ? [button.url] : []),
    c.note,
    shared.signoff.join('\n'),
  ];
  const html = h.emailDocument(language, subject, [
    h.paragraph(greeting),
    ...paragraphs.map((p) => h.paragraph(p)),
    ...(ended ? [h.paragraph(ended.intro), h.quote(ended.items.join('\n')), h.paragraph(ended.after)] : []),
    ...(button ? h.button(button.url, button.label, shared.invitation.fallback) : []),
    h.note(c.note),
    h.signoff(shared.signoff),
  ]);
  return { subject, text: `${text.join('\n\n')}\n`, html };
}
