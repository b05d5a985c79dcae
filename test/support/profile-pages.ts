import { expect } from 'vitest';
import type { Harness, TestAccount } from './harness.js';
import { formPages } from './pages.js';

/** Shared by the Profile page tests and the invitation page tests (profile-pages, invitation-pages). */

type Contact = { id: string; handle: string; email: string };
/** An invitation link, as its email gives it. */
export type Link = { id: string; lang: string; token: string };

/** The message shown next to a field, without its "Error:" label. */
export const errorOf = (body: string, id: string) =>
  (new RegExp(`id="${id}-error"[^>]*>([\\s\\S]*?)</p>`).exec(body)?.[1] ?? '').replace(/<strong>.*?<\/strong>\s*/, '');
export const inputOf = (body: string, id: string) =>
  new RegExp(`<(?:input|select)[^>]*id="${id}"[^>]*>`).exec(body)?.[0] ?? '';
/** The options of a select, as [value, name, selected]. */
export const optionsOf = (body: string, id: string): [string, string, boolean][] =>
  [
    ...(new RegExp(`<select[^>]*id="${id}"[^>]*>([\\s\\S]*?)</select>`).exec(body)?.[1] ?? '').matchAll(
      /<option value="([^"]*)"( selected)?>([^<]*)<\/option>/g,
    ),
  ].map((m) => [m[1]!, m[3]!, Boolean(m[2])]);
/** The value of the option a select has chosen; undefined when none is. */
export const selectedOf = (body: string, id: string) => optionsOf(body, id).find(([, , chosen]) => chosen)?.[0];
export const sessionCookie = (res: { headers: Record<string, unknown> }) =>
  [res.headers['set-cookie']]
    .flat()
    .map(String)
    .find((c) => c.startsWith('cs_session='))
    ?.split(';')[0];

/** The pages (forms with the CSRF field of Profile), and an invitation sent by the API and accepted on its page. */
export function profilePages(harness: () => Harness) {
  const { get, post } = formPages(harness, '/profile');

  /** Invites the contact with these permissions and returns the link of its `count`-th invitation email. */
  async function invite(owner: TestAccount, contact: Contact, permissions: string[], count = 1): Promise<Link> {
    const h = harness();
    const res = await h.request('POST', `/api/v1/contacts/${contact.id}/invitation`, {
      token: owner.token,
      body: { permissions },
    });
    expect(res.statusCode, res.body).toBe(201);
    const email = await h.email({ ...contact, token: '' }, (t) => t.includes('/invitations/'), count);
    const match = /\/invitations\/([A-Za-z0-9_-]+)\?lang=([a-z]{2})#token=([A-Za-z0-9_-]{43})/.exec(email.text)!;
    return { id: match[1]!, lang: match[2]!, token: match[3]! };
  }

  const accept = (link: Link, password: string, confirm = password) =>
    post(`/invitations/${link.id}?lang=${link.lang}`, undefined, { token: link.token, password, confirm });

  return { get, post, invite, accept };
}
