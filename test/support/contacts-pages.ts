import type { Harness, TestAccount } from './harness.js';
import { formPages } from './pages.js';

/** Shared by the My contacts page tests (contacts-pages and contacts-access-pages). */

export type Contact = { id: string; handle: string; email: string };

export const inputOf = (page: string, name: string) =>
  new RegExp(`<(?:input|select) id="${name}"[^>]*>`).exec(page)?.[0] ?? '';
export const box = (page: string, name: string, value: string) =>
  new RegExp(`<input type="checkbox" name="${name}" value="${value}"[^>]*>`).exec(page)?.[0];
export const rowOf = (page: string, id: string) =>
  new RegExp(`<tr data-contact="${id}">[\\s\\S]*?</tr>`).exec(page)?.[0];
export const asAccount = (c: Contact): TestAccount => ({ ...c, token: '' });

/** The pages (forms with the CSRF field of My contacts), and a contact as the API shows it to `owner`. */
export function contactsPages(harness: () => Harness) {
  const { get, post } = formPages(harness, '/contacts');

  async function contactVia(owner: TestAccount, id: string) {
    return (await harness().request('GET', `/api/v1/contacts/${id}`, { token: owner.token })).json() as {
      city: string | null;
      phone: string | null;
      access: { status: string; permissions: string[] };
    };
  }

  return { get, post, contactVia };
}
