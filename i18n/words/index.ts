import type { Language, Role } from '../../domain/contact-change.js';
import { isCancelReason, type CancelReason } from '../../domain/email-changes.js';
import type { Catalogue } from '../catalogue.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';

export type ServiceKind = 'domain' | 'hosting' | 'server' | 'vps' | 'email' | 'service';

/** The words pages and emails share, so that both name a role or a service the same way. */
export interface Words {
  /** "technical contact", inside a sentence. */
  roles: Record<Role, string>;
  /** "Domain name" as a label, "the domain name" before the service's name in a sentence. */
  kinds: Record<ServiceKind, { label: string; phrase: string }>;
  /** A request's reference (its id), as a label: the emails and the lists show the same. */
  reference: string;
  /** Why the system itself cancelled a request, as a sentence. */
  cancelReasons: Record<CancelReason, string>;
}

export const WORDS: Catalogue<Words> = { en, fr, nl };

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

/** The kind a provider's word for a service means ("web-hosting" is hosting), or null for a word of its own. */
export const serviceKind = (raw: string): ServiceKind | null => KIND_ALIASES.get(raw.trim().toLowerCase()) ?? null;

/** "technical contact", "contact technique", "technisch contact". */
export const roleName = (role: Role, lang: Language): string => WORDS[lang].roles[role];

/** The words of a reason the system gave for ending a request (its code), or null for any other. */
export const cancelReasonText = (code: unknown, lang: Language): string | null =>
  isCancelReason(code) ? WORDS[lang].cancelReasons[code] : null;
