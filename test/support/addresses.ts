import { nanoid } from 'nanoid';
import type { ReceivedEmail } from './fake-resend.js';
import { asParty, TEST_PASSWORD, type Harness, type TestAccount } from './harness.js';

/** Shared by the tests of address changes (addresses, addresses-requests): addresses, their links, their calls. */

/** An address nobody has yet. */
export const fresh = (who: string) =>
  `${who}-${nanoid(8)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x')}@test.example`;

/** Whoever reads this address, as the harness's email helpers take it. */
export const inbox = (email: string) => asParty({ id: '', handle: email, email });

export interface Link {
  id: string;
  lang: string;
  token: string;
}

/** The link of an address email: its change, its page's language and its token. */
export function linkIn(email: ReceivedEmail, page: 'confirm' | 'cancel'): Link {
  const match = new RegExp(`/address/${page}/([A-Za-z0-9_-]+)\\?lang=([a-z]{2})#token=([A-Za-z0-9_-]{43})`).exec(
    email.text,
  );
  if (!match) throw new Error(`no ${page} link in "${email.subject}"`);
  return { id: match[1]!, lang: match[2]!, token: match[3]! };
}

/** `harness` gives the file's harness once its beforeAll has started it. */
export function addressCalls(harness: () => Harness) {
  return {
    /** The link of the confirmation email that the new address `to` received. */
    confirmLink: async (to: string) =>
      linkIn(await harness().email(inbox(to), (t) => t.includes('/address/confirm/')), 'confirm'),
    /** The cancel link of the notice that the address `to` received about the new address `about`. */
    cancelLink: async (to: string, about: string) =>
      linkIn(await harness().email(inbox(to), (t) => t.includes('/address/cancel/') && t.includes(about)), 'cancel'),
    confirmByApi: (link: Link) =>
      harness().request('POST', `/api/v1/email-changes/${link.id}/confirm`, { body: { token: link.token } }),
    /** Asks for a new address through the API, with the account holder's password. */
    moveTo: (who: TestAccount, email: string, body: Record<string, unknown> = {}) =>
      harness().request('PUT', '/api/v1/profile', {
        token: who.token,
        body: { email, language: 'en', currentPassword: TEST_PASSWORD, ...body },
      }),
    profileOf: async (who: TestAccount) =>
      (await harness().request('GET', '/api/v1/profile', { token: who.token })).json(),
  };
}
