import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emails, type Email } from '../db/schema.js';
import { startHarness, waitFor, type Harness, type TestAccount } from './support/harness.js';
import { signedWebhook } from './support/webhooks.js';

/** Resend's delivery webhooks: each event taken once, and a status that only moves forward in time. */

let h: Harness;
let support: TestAccount;
beforeAll(async () => {
  h = await startHarness();
  support = await h.account('Sam', 'en', 'support');
});
afterAll(async () => {
  await h?.close();
});

/** A pending request and the row of the token email to its incoming contact, once sent. */
async function sentToBob(): Promise<{ id: string; alice: TestAccount; email: Email }> {
  const { alice, id } = await h.pending();
  const email = await waitFor(
    async () => {
      const rows = await h.db.select().from(emails).where(eq(emails.changeId, id));
      return rows.find((e) => e.recipient === 'to' && e.status === 'sent');
    },
    10_000,
    'the email to Bob to be sent',
  );
  return { id, alice, email };
}

const post = (signed: { body: string; headers: Record<string, string> }) =>
  h.app.inject({ method: 'POST', url: '/webhooks/resend', headers: signed.headers, payload: signed.body });

const event = (type: string, email: Email, at: Date) => ({
  type,
  created_at: at.toISOString(),
  data: { email_id: email.providerId },
});

async function stuck(id: string) {
  return (await h.stuckItem(support.token, id))?.stuckReasons ?? [];
}

const rowOf = async (email: Email) => (await h.db.select().from(emails).where(eq(emails.id, email.id)))[0]!;

describe('delivery webhooks', () => {
  it('a replayed event (same svix-id, signed again) is answered but not applied twice', async () => {
    const { id, alice, email } = await sentToBob();
    const bounce = signedWebhook(event('email.bounced', email, new Date()));
    expect((await post(bounce)).statusCode).toBe(204);
    const first = await rowOf(email);
    const since = (await stuck(id)).find((r) => r.code === 'emailFailed')!.since;

    // Whoever captured the delivery sends it again inside its 5 minutes, signed anew with the same id.
    const replay = signedWebhook(JSON.parse(bounce.body) as object, { id: bounce.id });
    const answer = await post(replay);
    expect(answer.statusCode).toBeLessThan(300);

    expect((await rowOf(email)).updatedAt).toEqual(first.updatedAt);
    expect((await stuck(id)).find((r) => r.code === 'emailFailed')!.since).toBe(since);
    const bounces = (await h.get(id, alice)).timeline.filter((e) => e.type === 'emailBounced');
    expect(bounces).toHaveLength(1);
  });

  it('a "delivered" older than a "bounced" that came before it leaves the email bounced and the request stuck', async () => {
    const { id, alice, email } = await sentToBob();
    const bouncedAt = new Date();
    const deliveredAt = new Date(bouncedAt.getTime() - 30_000);
    expect((await post(signedWebhook(event('email.bounced', email, bouncedAt)))).statusCode).toBe(204);
    expect((await post(signedWebhook(event('email.delivered', email, deliveredAt)))).statusCode).toBe(204);

    const row = await rowOf(email);
    expect(row.status).toBe('bounced');
    expect(row.statusAt).toEqual(bouncedAt);
    expect((await stuck(id)).map((r) => r.code)).toContain('emailFailed');
    // Both reports stay on the timeline: it is the history of what the provider said.
    const types = (await h.get(id, alice)).timeline.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['emailBounced', 'emailDelivered']));
  });

  it('a newer event still moves the status on', async () => {
    const { id, email } = await sentToBob();
    const bouncedAt = new Date();
    await post(signedWebhook(event('email.bounced', email, bouncedAt)));
    await post(signedWebhook(event('email.delivered', email, new Date(bouncedAt.getTime() + 1000))));
    expect((await rowOf(email)).status).toBe('delivered');
    expect((await stuck(id)).map((r) => r.code)).not.toContain('emailFailed');
  });
});
