import { COMMON } from '../../web/shared/copy/index.js';
import { PROBLEM_WORDS } from '../../web/shared/problems/index.js';
import { WAIT_WORDS } from '../../web/shared/problems/waits.js';
import { ACTIVITY } from '../../web/activity/copy/index.js';
import { ADDRESS } from '../../web/address/copy/index.js';
import { API_TOKENS } from '../../web/api-tokens/copy/index.js';
import { CONTACTS } from '../../web/contacts/copy/index.js';
import { DECISION_COPY } from '../../web/decision/copy/index.js';
import { MAILBOX } from '../../web/dev/copy/index.js';
import { PASSWORD } from '../../web/password/copy/index.js';
import { PROFILE } from '../../web/profile/copy/index.js';
import { REQUESTS_COPY } from '../../web/requests/copy/index.js';
import { SERVICES } from '../../web/services/copy/index.js';
import { SESSIONS } from '../../web/sessions/copy/index.js';
import { SUPPORT } from '../../web/support/copy/index.js';
import { TWO_STEP } from '../../web/two-step/copy/index.js';
import { EMAILS } from '../../emails/copy/index.js';
import { ADDRESS_EMAILS } from '../../emails/address/copy/index.js';
import { GUARDS_EMAILS } from '../../emails/guards/copy/index.js';
import { PASSWORD_EMAILS } from '../../emails/password/copy/index.js';
import { RESENT } from '../../emails/resent/copy/index.js';
import { SIGN_IN_EMAILS } from '../../emails/signin/copy/index.js';
import { WORDS } from '../../i18n/words/index.js';
import type { Language } from '../../domain/contact-change.js';

/** Every copy module of the product, pages, emails and shared words, by name. */
export const CATALOGUES = {
  COMMON,
  PROBLEM_WORDS,
  WAIT_WORDS,
  ACTIVITY,
  ADDRESS,
  API_TOKENS,
  CONTACTS,
  DECISION_COPY,
  MAILBOX,
  PASSWORD,
  PROFILE,
  REQUESTS_COPY,
  SERVICES,
  SESSIONS,
  SUPPORT,
  TWO_STEP,
  EMAILS,
  ADDRESS_EMAILS,
  GUARDS_EMAILS,
  PASSWORD_EMAILS,
  RESENT,
  SIGN_IN_EMAILS,
  WORDS,
} as const;

/** What a copy function is called with: an argument that reads as the placeholder «X», whatever it is asked. */
export const PLACEHOLDER = 'Xx';
function anything(): unknown {
  // Asked for a list ("roles.map", "handles.length"), it is a list of two placeholders.
  const list: unknown[] = [PLACEHOLDER, PLACEHOLDER];
  const proxy: unknown = new Proxy(() => undefined, {
    get: (_t, key) => {
      if (key === Symbol.toPrimitive) return (hint: string) => (hint === 'number' ? 2 : PLACEHOLDER);
      if (key === 'toString' || key === 'valueOf') return () => PLACEHOLDER;
      const own = Reflect.get(list, key) as unknown;
      if (key === 'length') return own;
      if (typeof own === 'function') return (own as (...a: unknown[]) => unknown).bind(list);
      return proxy;
    },
    apply: () => proxy,
  });
  return proxy;
}

// Each function is called with several kinds of arguments, so that the branches on a number or a flag are read too.
const ARGUMENT_SETS: (() => unknown[])[] = [
  () => [anything(), anything(), anything(), anything()],
  () => [PLACEHOLDER, PLACEHOLDER, PLACEHOLDER, PLACEHOLDER],
  () => [1, 1, 1, 1],
  () => [2, 2, 2, 2],
  () => [true, true, true, true],
  () => [false, false, false, false],
  () => [PLACEHOLDER, 1, false, PLACEHOLDER],
  () => [PLACEHOLDER, 2, true, PLACEHOLDER],
];

/** Every string of one language's copy, with its key ("EMAILS.body.request[0]"); functions are called. */
export function copyStrings(lang: Language): { key: string; text: string }[] {
  const found = new Map<string, string>();
  const walk = (value: unknown, key: string, depth: number) => {
    if (depth > 8 || value === null || value === undefined) return;
    if (typeof value === 'string') {
      found.set(`${key}\u0000${value}`, value);
      return;
    }
    if (typeof value === 'function') {
      for (const args of ARGUMENT_SETS) {
        let result: unknown;
        try {
          result = (value as (...a: unknown[]) => unknown)(...args());
        } catch {
          continue;
        }
        walk(result, `${key}()`, depth + 1);
      }
      return;
    }
    if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value))
        walk(v, Array.isArray(value) ? `${key}[${k}]` : `${key}.${k}`, depth + 1);
    }
  };
  for (const [name, catalogue] of Object.entries(CATALOGUES))
    walk((catalogue as Record<Language, unknown>)[lang], name, 0);
  return [...found.entries()].map(([k, text]) => ({ key: k.split('\u0000')[0]!, text }));
}
