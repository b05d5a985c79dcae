import type { Client } from '@temporalio/client';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { nanoid } from 'nanoid';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { tokenIn, type FakeResend, type ReceivedEmail } from './fake-resend.js';

/** What a test does through a started harness (./harness.ts): accounts, contacts, services and contact changes,
 * through the real API, and the emails they get. */

export const ADMIN_KEY = 'test-admin-key-0123456789';
export const TEST_PASSWORD = 'test-password-0123';

export interface TestAccount {
  id: string;
  handle: string;
  email: string;
  token: string;
}

/** A contact as the harness's other helpers take it: a handle and an address to receive emails at. */
export const asParty = (c: { id: string; handle: string; email: string }): TestAccount => ({ ...c, token: '' });

export class HarnessApi {
  constructor(
    readonly config: Config,
    readonly env: Record<string, string>,
    readonly app: FastifyInstance,
    readonly temporal: Client,
    readonly db: Db,
    readonly resend: FakeResend,
    /** Every line the API server logged. */
    readonly logs: string[],
    readonly close: () => Promise<void>,
  ) {}

  request(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    options: { token?: string; body?: unknown } = {},
  ): Promise<LightMyRequestResponse> {
    return this.app.inject({
      method,
      url,
      headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
      ...(options.body !== undefined ? { payload: options.body as object } : {}),
    });
  }

  async account(
    name: string,
    language: 'fr' | 'en' | 'nl' = 'en',
    role: 'customer' | 'support' = 'customer',
  ): Promise<TestAccount> {
    const handle = `${name.toLowerCase().slice(0, 6)}-${nanoid(6)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, 'x')}`;
    const email = `${handle}@test.example`;
    const created = await this.request('POST', '/api/v1/admin/accounts', {
      token: ADMIN_KEY,
      body: { email, firstName: name, language, handle, role },
    });
    if (created.statusCode !== 201) throw new Error(`account: ${created.body}`);
    const { id } = created.json() as { id: string };
    const issued = await this.request('POST', `/api/v1/admin/accounts/${id}/api-tokens`, {
      token: ADMIN_KEY,
      body: {},
    });
    return { id, handle, email, token: (issued.json() as { token: string }).token };
  }

  /** A contact in the owner's book, through the API; its handle can take a role like any account's. */
  async contact(
    owner: TestAccount,
    fields: Record<string, unknown> = {},
  ): Promise<{ id: string; handle: string; email: string }> {
    const email = `c-${nanoid(8)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, 'x')}@test.example`;
    const res = await this.request('POST', '/api/v1/contacts', {
      token: owner.token,
      body: { firstName: 'Casey', lastName: 'Contact', email, language: 'en', ...fields },
    });
    if (res.statusCode !== 201) throw new Error(`contact: ${res.body}`);
    return res.json() as { id: string; handle: string; email: string };
  }

  /** Invites a contact of `keeper` with these permissions and accepts the link: an active sub-account, with an API
   * token. */
  async subAccount(keeper: TestAccount, permissions: string[]): Promise<TestAccount & { link: InvitationLink }> {
    const contact = await this.contact(keeper);
    const invited = await this.request('POST', `/api/v1/contacts/${contact.id}/invitation`, {
      token: keeper.token,
      body: { permissions },
    });
    if (invited.statusCode !== 201) throw new Error(`invitation: ${invited.body}`);
    const link = invitationLink(await this.email({ ...contact, token: '' }, (t) => t.includes('/invitations/')));
    const accepted = await this.request('POST', `/api/v1/invitations/${link.id}/accept`, {
      body: { token: link.token, password: TEST_PASSWORD },
    });
    if (accepted.statusCode !== 200) throw new Error(`accept: ${accepted.body}`);
    const issued = await this.request('POST', `/api/v1/admin/accounts/${contact.id}/api-tokens`, {
      token: ADMIN_KEY,
      body: {},
    });
    return { ...contact, token: (issued.json() as { token: string }).token, link };
  }

  /** Gives the account a password and signs it in; returns the session cookie ("cs_session=…", "__Host-cs_session=…"
   * under https). */
  async signIn(account: TestAccount): Promise<string> {
    const set = await this.request('PUT', `/api/v1/admin/accounts/${account.id}/password`, {
      token: ADMIN_KEY,
      body: { password: TEST_PASSWORD },
    });
    if (set.statusCode !== 204) throw new Error(`password: ${set.body}`);
    const res = await this.app.inject({
      method: 'POST',
      url: '/signin',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ handle: account.handle, password: TEST_PASSWORD, next: '/services' }).toString(),
    });
    const cookie = [res.headers['set-cookie']].flat().find((c) => /^(__Host-)?cs_session=/.test(c ?? ''));
    if (res.statusCode !== 303 || !cookie) throw new Error(`sign-in: ${res.statusCode} ${res.body}`);
    return cookie.split(';')[0]!;
  }

  /** A domain held by `holder`, who is also every contact unless told otherwise. */
  async service(holder: TestAccount, contacts: Partial<Record<'admin' | 'tech' | 'billing', TestAccount>> = {}) {
    const handle = (role: 'admin' | 'tech' | 'billing') => (contacts[role] ?? holder).handle;
    const res = await this.request('POST', '/api/v1/admin/services', {
      token: ADMIN_KEY,
      body: {
        name: `${nanoid(8).toLowerCase()}.example`,
        kind: 'domain',
        ownerId: holder.id,
        contacts: { admin: handle('admin'), tech: handle('tech'), billing: handle('billing') },
      },
    });
    if (res.statusCode !== 201) throw new Error(`service: ${res.body}`);
    return res.json() as { id: string; name: string };
  }

  async change(asker: TestAccount, serviceId: string, roles: string[], to: TestAccount | string) {
    return this.request('POST', `/api/v1/services/${serviceId}/contact-changes`, {
      token: asker.token,
      body: { roles, to: typeof to === 'string' ? to : to.handle },
    });
  }

  /**
   * Alice holds a fresh domain and asks to hand its technical role to Bob; with `emailFails`, Resend refuses the token
   * email to Bob, which makes the request stuck. Answers the request's id without waiting for the emails.
   */
  async asked(options: { emailFails?: boolean } = {}) {
    const alice = await this.account('Alice');
    const bob = await this.account('Bob');
    if (options.emailFails) this.resend.fail({ status: 422, name: 'validation_error', times: 1, to: bob.email });
    const created = await this.change(alice, (await this.service(alice)).id, ['tech'], bob);
    if (created.statusCode !== 201) throw new Error(`change: ${created.body}`);
    return (created.json() as { id: string }).id;
  }

  /**
   * Support's stuck list as support reads it, every page (the shared test database holds the stuck requests of every
   * test file): the request's entry, or undefined when it is not stuck.
   */
  async stuckItem(supportToken: string, id: string) {
    type Item = { id: string; state: string; stuckReasons: { code: string; detail: string; since: string | null }[] };
    let cursor: string | null = null;
    do {
      const query: string = `stuck=true&limit=200${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await this.request('GET', `/api/v1/support/contact-changes?${query}`, { token: supportToken });
      if (res.statusCode !== 200) throw new Error(`support list: ${res.statusCode} ${res.body}`);
      const page = res.json() as { items: Item[]; nextCursor: string | null };
      const found = page.items.find((i) => i.id === id);
      if (found) return found;
      cursor = page.nextCursor;
    } while (cursor);
    return undefined;
  }

  /** Alice holds a fresh domain and asks to hand `roles` to Bob; both have their token email. */
  async pending(options: { roles?: string[]; alice?: 'fr' | 'en' | 'nl'; bob?: 'fr' | 'en' | 'nl' } = {}) {
    const alice = await this.account('Alice', options.alice ?? 'fr');
    const bob = await this.account('Bob', options.bob ?? 'en');
    const service = await this.service(alice);
    const created = await this.change(alice, service.id, options.roles ?? ['tech', 'billing'], bob);
    if (created.statusCode !== 201) throw new Error(`change: ${created.body}`);
    const id = (created.json() as { id: string }).id;
    const aliceToken = tokenIn(await this.email(alice, (t) => t.includes(id)));
    const bobToken = tokenIn(await this.email(bob, (t) => t.includes(id)));
    return { alice, bob, service, id, aliceToken, bobToken };
  }

  async get(changeId: string, as: TestAccount) {
    const res = await this.request('GET', `/api/v1/contact-changes/${changeId}`, { token: as.token });
    return res.json() as {
      state: string;
      timeline: { type: string; party: string | null; detail: Record<string, unknown> | null }[];
      [k: string]: unknown;
    };
  }

  decide(changeId: string, decision: 'accept' | 'refuse', token: string, reason?: string) {
    return this.request('POST', `/api/v1/contact-changes/${changeId}/${decision}`, {
      body: { token, ...(reason ? { reason } : {}) },
    });
  }

  async waitForState(changeId: string, as: TestAccount, state: string | readonly string[], timeoutMs = 20_000) {
    const wanted = typeof state === 'string' ? [state] : state;
    return waitFor(
      async () => {
        const change = await this.get(changeId, as);
        return wanted.includes(change.state) ? change : null;
      },
      timeoutMs,
      `request ${changeId} to reach ${wanted.join(' or ')}`,
    );
  }

  /** Waits for the `count`-th email to this account whose subject or text passes `match`. */
  async email(account: TestAccount, match: (text: string) => boolean = () => true, count = 1) {
    return waitFor(
      async () => {
        const found = this.resend.to(account.email).filter((e) => match(`${e.subject}\n${e.text}`));
        return found.length >= count ? found[count - 1]! : null;
      },
      20_000,
      `email ${count} to ${account.handle}`,
    );
  }
}

export interface InvitationLink {
  id: string;
  token: string;
}

/** The invitation id and token in an invitation email's link. */
export function invitationLink(email: ReceivedEmail): InvitationLink {
  const match = /\/invitations\/([A-Za-z0-9_-]+)\?lang=[a-z]{2}#token=([A-Za-z0-9_-]{43})/.exec(email.text);
  if (!match) throw new Error(`no invitation link in "${email.subject}"`);
  return { id: match[1]!, token: match[2]! };
}

export async function waitFor<T>(
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
