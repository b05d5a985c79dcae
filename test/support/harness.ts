import type { Client } from '@temporalio/client';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { nanoid } from 'nanoid';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../config.js';
import { createDb, type Db } from '../../db/client.js';
import { startServer, startWorker } from '../../runtime/processes.js';
import { freePort } from '../../runtime/ports.js';
import { installWorkerLogging } from '../../runtime/workers.js';
import { FakeResend, tokenIn, type ReceivedEmail } from './fake-resend.js';

export const ADMIN_KEY = 'test-admin-key-0123456789';
export const WEBHOOK_SECRET = `whsec_${Buffer.from('countersign-test-webhook-secret!').toString('base64')}`;

try {
  installWorkerLogging('error');
} catch {
  /* installed already by another harness in this file */
}

export interface HarnessOptions {
  ttl?: string;
  reminders?: string;
  resendCooldown?: string;
  stuckAfter?: string;
  rateLimitPerMinute?: number;
  /** false: no worker in this process (a test starts its own). */
  worker?: boolean;
  /** No email provider: emails go to the development mailbox. */
  devMailbox?: boolean;
  /** false: ADMIN_API_KEY unset. */
  admin?: boolean;
  /** Another Temporal server or PostgreSQL than the run's (a test that stops and restarts it). */
  temporalAddress?: string;
  databaseUrl?: string;
  /** Listen on a real port (browser tests); email links then point at it. */
  listen?: boolean;
}

export interface TestAccount {
  id: string;
  handle: string;
  email: string;
  token: string;
}

export const TEST_PASSWORD = 'test-password-0123';

export type Harness = Awaited<ReturnType<typeof startHarness>>;

/** The real API and worker, on a task queue of their own, against the run's PostgreSQL and Temporal. */
export async function startHarness(options: HarnessOptions = {}) {
  const resend = await new FakeResend().start();
  const endpoints = {
    databaseUrl: options.databaseUrl ?? inject('databaseUrl'),
    temporalAddress: options.temporalAddress ?? inject('temporalAddress'),
  };
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'countersign-harness-')),
    DATABASE_URL: endpoints.databaseUrl,
    TEMPORAL_ADDRESS: endpoints.temporalAddress,
    TEMPORAL_TASK_QUEUE: `test-${nanoid(8)}`,
    PUBLIC_BASE_URL: 'http://countersign.test',
    PORT: String(options.listen ? await freePort() : 3000),
    RESEND_API_KEY: 're_test_key',
    RESEND_BASE_URL: resend.url,
    RESEND_WEBHOOK_SECRET: WEBHOOK_SECRET,
    MAIL_RATE_PER_SECOND: '100',
    ADMIN_API_KEY: ADMIN_KEY,
    TOKEN_SECRET: 'test-token-secret-0123456789-abcdefghij',
    CHANGE_REQUEST_TTL: options.ttl ?? '1h',
    REMINDER_AFTER: options.reminders ?? 'none',
    RESEND_COOLDOWN: options.resendCooldown ?? '1s',
    STUCK_AFTER: options.stuckAfter ?? '3d',
    RATE_LIMIT_PER_MINUTE: String(options.rateLimitPerMinute ?? 10_000),
  };
  if (options.listen) env.PUBLIC_BASE_URL = `http://127.0.0.1:${env.PORT}`;
  if (options.devMailbox)
    for (const key of ['RESEND_API_KEY', 'RESEND_BASE_URL', 'RESEND_WEBHOOK_SECRET']) delete env[key];
  if (options.admin === false) delete env.ADMIN_API_KEY;
  const config = loadConfig(env);
  const logs: string[] = [];
  const logger = {
    level: 'info',
    stream: {
      write: (line: string) => {
        logs.push(line);
      },
    },
  };
  const server = await startServer(config, endpoints, { logger });
  if (options.listen) await server.app.listen({ port: config.port, host: '127.0.0.1' });
  const worker =
    options.worker === false
      ? null
      : await startWorker(config, endpoints, { workflowBundle: { codePath: inject('workflowBundlePath') } });
  const database = createDb(endpoints.databaseUrl, { max: 3 });
  return new HarnessApi(config, env, server.app, server.app.ctx.temporal, database.db, resend, logs, async () => {
    await worker?.stop();
    await server.stop();
    await database.close();
    await resend.stop();
  });
}

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

  /** Gives the account a password and signs it in; returns the session cookie ("cs_session=…"). */
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
    const cookie = [res.headers['set-cookie']].flat().find((c) => c?.startsWith('cs_session='));
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
