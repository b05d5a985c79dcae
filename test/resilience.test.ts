import { spawn } from 'node:child_process';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { emails } from '../db/schema.js';
import { startWorker } from '../runtime/processes.js';
import { tokenIn } from './support/fake-resend.js';
import { startHarness, waitFor, type Harness, type TestAccount } from './support/harness.js';
import { signedWebhook } from './support/webhooks.js';

let h: Harness;
let support: TestAccount;
beforeAll(async () => {
  h = await startHarness();
  support = await h.account('Sam', 'en', 'support');
});
afterAll(async () => {
  await h?.close();
});

async function start(harness: Harness) {
  const alice = await harness.account('Alice', 'en');
  const bob = await harness.account('Bob', 'fr');
  const service = await harness.service(alice);
  const id = (await harness.change(alice, service.id, ['tech'], bob)).json().id as string;
  return { alice, bob, service, id };
}

async function stuckReasons(id: string): Promise<string[]> {
  const item = await h.stuckItem(support.token, id).catch((err: Error) => {
    throw new Error(`${err.message}\n${h.logs.filter((l) => l.includes('"level":50')).join('\n')}`);
  });
  return item ? item.stuckReasons.map((r) => r.code) : [];
}

describe('the worker', () => {
  it('killed in the middle of a request, another one carries it on from where it was', async () => {
    const own = await startHarness({ worker: false });
    const child = spawn(process.execPath, ['--import', 'tsx', 'worker.ts'], {
      env: { ...process.env, ...own.env, LOG_LEVEL: 'error' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let replacement: Awaited<ReturnType<typeof startWorker>> | undefined;
    try {
      const { alice, bob, service, id } = await start(own);
      const aliceToken = tokenIn(await own.email(alice, (t) => t.includes(id)));
      const bobToken = tokenIn(await own.email(bob, (t) => t.includes(id)));
      expect((await own.decide(id, 'accept', aliceToken)).json().awaiting).toEqual(['to']);

      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      replacement = await startWorker(
        own.config,
        { databaseUrl: inject('databaseUrl'), temporalAddress: inject('temporalAddress') },
        { workflowBundle: { codePath: inject('workflowBundlePath') } },
      );

      expect((await own.decide(id, 'accept', bobToken)).json().state).toBe('done');
      const services = (await own.request('GET', '/api/v1/services', { token: alice.token })).json().items;
      expect(services.find((s: { id: string }) => s.id === service.id).contacts.tech).toBe(bob.handle);
      expect(own.resend.to(bob.email).filter((e) => e.text.includes('#token='))).toHaveLength(1);
    } finally {
      child.kill('SIGKILL');
      await replacement?.stop();
      await own.close();
    }
  });
});

describe('the email provider', () => {
  it('failing, then recovering: support sees the failing email, then the email goes out once', async () => {
    const bob = await h.account('Bob', 'fr');
    h.resend.fail({ status: 500, name: 'internal_server_error', times: 1000, to: bob.email });
    const alice = await h.account('Alice', 'en');
    const id = (await h.change(alice, (await h.service(alice)).id, ['tech'], bob)).json().id as string;

    await h.email(alice, (t) => t.includes(id));
    await waitFor(
      async () => (await stuckReasons(id)).includes('stepFailing'),
      20_000,
      'support to see the failing step',
    );
    expect(await stuckReasons(id)).toContain('emailFailed');

    h.resend.recover();
    const email = await h.email(bob, (t) => t.includes(id));
    expect(email.subject).toMatch(/Changement de contact/);
    await waitFor(async () => (await stuckReasons(id)).length === 0, 20_000, 'the request to be unstuck');
    expect(h.resend.to(bob.email).filter((e) => e.text.includes(id))).toHaveLength(1);
    const timeline = (await h.get(id, alice)).timeline.map((e) => e.type);
    expect(timeline.indexOf('emailFailed')).toBeLessThan(timeline.lastIndexOf('emailSent'));
  });

  it('asking to slow down with Retry-After is waited out', async () => {
    const bob = await h.account('Bob');
    h.resend.fail({
      status: 429,
      name: 'rate_limit_exceeded',
      headers: { 'retry-after': '3' },
      times: 1,
      to: bob.email,
    });
    const alice = await h.account('Alice');
    const id = (await h.change(alice, (await h.service(alice)).id, ['tech'], bob)).json().id as string;
    await h.email(bob, (t) => t.includes(id));
    const tries = h.resend.attempts.filter((a) => a.to === bob.email);
    expect(tries.map((t) => t.status)).toEqual([429, 200]);
    expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(2900);
  });

  it('refusing an email as invalid is not retried; the request goes on and support sees why', async () => {
    const bob = await h.account('Bob');
    h.resend.fail({ status: 422, name: 'validation_error', times: 1, to: bob.email });
    const alice = await h.account('Alice');
    const id = (await h.change(alice, (await h.service(alice)).id, ['tech'], bob)).json().id as string;
    await h.email(alice, (t) => t.includes(id));
    await waitFor(async () => (await stuckReasons(id)).includes('emailFailed'), 10_000, 'the failed email to show');
    await new Promise((r) => setTimeout(r, 1500));
    expect(h.resend.attempts.filter((a) => a.to === bob.email)).toHaveLength(1);
    expect((await h.get(id, alice)).state).toBe('validatingByCustomers');
  });

  it('in one batch, an address refused for good is not tried again while another email of the batch is retried', async () => {
    const alice = await h.account('Alice');
    const bob = await h.account('Bob');
    h.resend.fail({ status: 422, name: 'validation_error', times: 1, to: bob.email });
    h.resend.fail({ status: 500, name: 'internal_server_error', times: 2, to: alice.email });
    const id = (await h.change(alice, (await h.service(alice)).id, ['tech'], bob)).json().id as string;
    await h.email(alice, (t) => t.includes(id));
    await waitFor(async () => (await stuckReasons(id)).includes('emailFailed'), 10_000, 'the refused email to show');
    expect(h.resend.attempts.filter((a) => a.to === alice.email).map((a) => a.status)).toEqual([500, 500, 200]);
    expect(h.resend.attempts.filter((a) => a.to === bob.email).map((a) => a.status)).toEqual([422]);
    expect(h.resend.to(alice.email).filter((e) => e.text.includes(id))).toHaveLength(1);
  });
});

const signed = (payload: object, secret?: string) => signedWebhook(payload, { secret });

describe('delivery webhooks', () => {
  it('write delivery and bounce to the timeline; a bounce shows in the support view', async () => {
    const { alice, bob, id } = await start(h);
    await h.email(bob, (t) => t.includes(id));
    const rows = await waitFor(
      async () => {
        const found = await h.db.select().from(emails).where(eq(emails.changeId, id));
        return found.filter((e) => e.status === 'sent').length === 2 ? found : null;
      },
      10_000,
      'both emails to be sent',
    );
    const toAlice = rows.find((e) => e.recipient === 'from')!;
    const toBob = rows.find((e) => e.recipient === 'to')!;

    for (const [type, email] of [
      ['email.delivered', toAlice],
      ['email.bounced', toBob],
    ] as const) {
      const { body, headers } = signed({
        type,
        created_at: new Date().toISOString(),
        data: { email_id: email.providerId },
      });
      const res = await h.app.inject({ method: 'POST', url: '/webhooks/resend', headers, payload: body });
      expect(res.statusCode).toBe(204);
    }
    const timeline = (await h.get(id, alice)).timeline;
    expect(timeline).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'emailDelivered', party: 'from' }),
        expect.objectContaining({ type: 'emailBounced', party: 'to' }),
      ]),
    );
    expect(await stuckReasons(id)).toEqual(['emailFailed']);
  });

  it('with a wrong signature are refused and change nothing', async () => {
    const { body, headers } = signed(
      { type: 'email.bounced', data: { email_id: 're_1' } },
      `whsec_${Buffer.from('another-secret').toString('base64')}`,
    );
    const res = await h.app.inject({ method: 'POST', url: '/webhooks/resend', headers, payload: body });
    expect(res.statusCode).toBe(401);
    expect(res.json().title).toBe('Invalid signature');
  });
});
