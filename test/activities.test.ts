import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities } from '../activities/index.js';
import { createDb } from '../db/client.js';
import { accounts, changeEvents, contactChanges, emails, pendingRoles, services } from '../db/schema.js';
import { Errors } from '../domain/contact-change.js';
import { newId } from '../domain/ids.js';
import { ResendMailer } from '../emails/mailer.js';
import { FakeResend } from './support/fake-resend.js';

const database = createDb(inject('databaseUrl'), { max: 2 });
const db = database.db;
const resend = new FakeResend();
let activities: ReturnType<typeof createActivities>;

beforeAll(async () => {
  await resend.start();
  activities = createActivities({
    db,
    mailer: new ResendMailer('re_test_key', 'Countersign <noreply@test.example>', resend.url),
    config: { publicBaseUrl: 'http://countersign.test', tokenSecret: 'activity-test-secret-0123456789-abcdef' },
  });
});
afterAll(async () => {
  await resend.stop();
  await database.close();
});

/** A pending request moving the tech role of a fresh service from one new account to another. */
async function seedChange() {
  const [from, to] = await db
    .insert(accounts)
    .values(
      ['fr', 'nl'].map((language) => {
        const id = newId();
        return {
          id,
          handle: `act-${id.slice(0, 8).toLowerCase()}`,
          email: `${id}@test.example`,
          firstName: 'Person',
          lastName: id.slice(0, 4),
          language: language as 'fr' | 'nl',
        };
      }),
    )
    .returning();
  const [service] = await db
    .insert(services)
    .values({
      id: newId(),
      name: 'act.example',
      kind: 'domain',
      holderId: from!.id,
      adminId: from!.id,
      techId: from!.id,
      billingId: from!.id,
    })
    .returning();
  const [change] = await db
    .insert(contactChanges)
    .values({
      id: newId(),
      serviceId: service!.id,
      roles: ['tech'],
      fromId: from!.id,
      toId: to!.id,
      askedById: from!.id,
      state: 'doing',
      expiresAt: new Date(Date.now() + 3_600_000),
    })
    .returning();
  await db.insert(pendingRoles).values({ serviceId: service!.id, role: 'tech', changeId: change!.id });
  return { from: from!, to: to!, service: service!, change: change! };
}

async function failureOf(run: Promise<unknown>): Promise<ApplicationFailure> {
  const err = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApplicationFailure);
  return err as ApplicationFailure;
}

describe('sendEmail', () => {
  const input = (changeId: string) => ({
    changeId,
    recipient: 'to' as const,
    kind: 'request' as const,
    sending: 1,
    seq: 0,
  });

  it('does not retry an email the provider refuses as invalid', async () => {
    const { change, to } = await seedChange();
    resend.fail({ status: 422, name: 'validation_error', times: 1, to: to.email });
    const failure = await failureOf(
      new MockActivityEnvironment({ attempt: 1 }).run(activities.sendEmail, input(change.id)),
    );
    expect(failure).toMatchObject({ type: Errors.EmailRejected, nonRetryable: true });
  });

  it('retries a provider outage, and after a 429 waits as long as Retry-After says', async () => {
    const { change, to } = await seedChange();
    resend.fail({ status: 503, name: 'application_error', times: 1, to: to.email });
    expect(
      await failureOf(new MockActivityEnvironment({ attempt: 1 }).run(activities.sendEmail, input(change.id))),
    ).toMatchObject({ nonRetryable: false });
    resend.fail({ status: 429, name: 'rate_limit_exceeded', headers: { 'retry-after': '7' }, times: 1, to: to.email });
    const limited = await failureOf(
      new MockActivityEnvironment({ attempt: 2 }).run(activities.sendEmail, input(change.id)),
    );
    expect(limited).toMatchObject({ nonRetryable: false, nextRetryDelay: 7000 });
  });

  it("sends the same email once however often it is retried, in the recipient's language", async () => {
    const { change, to } = await seedChange();
    await new MockActivityEnvironment({ attempt: 1 }).run(activities.sendEmail, input(change.id));
    await db.update(contactChanges).set({ state: 'validatingByCustomers' }).where(eq(contactChanges.id, change.id));
    await new MockActivityEnvironment({ attempt: 2 }).run(activities.sendEmail, input(change.id));
    const received = resend.to(to.email);
    expect(received).toHaveLength(1);
    expect(received[0]!.subject).toMatch(/Contactwijziging|contactwijziging/);
    const [row] = await db.select().from(emails).where(eq(emails.changeId, change.id));
    expect(row).toMatchObject({ status: 'sent', attempts: 2, providerId: expect.any(String), lastError: null });
    // Read as SQL sees it (drizzle would parse a JSON string stored in place of the object).
    const events = await db
      .select({ type: changeEvents.type, party: changeEvents.party, kind: sql`${changeEvents.detail} ->> 'kind'` })
      .from(changeEvents)
      .where(eq(changeEvents.changeId, change.id));
    expect(events).toEqual([{ type: 'emailSent', party: 'to', kind: 'request' }]);
  });
});

describe('commitChange', () => {
  it('moves the roles once and answers the same when run again', async () => {
    const { change, service, to } = await seedChange();
    const env = new MockActivityEnvironment();
    expect(await env.run(activities.commitChange, { changeId: change.id })).toEqual({ state: 'done' });
    expect(await env.run(activities.commitChange, { changeId: change.id })).toEqual({ state: 'done' });
    const [after] = await db.select().from(services).where(eq(services.id, service.id));
    expect(after!.techId).toBe(to.id);
    const done = (await db.select().from(changeEvents).where(eq(changeEvents.changeId, change.id))).filter(
      (e) => (e.detail as { state?: string })?.state === 'done',
    );
    expect(done).toHaveLength(1);
    expect(await db.select().from(pendingRoles).where(eq(pendingRoles.changeId, change.id))).toHaveLength(0);
  });

  it('ends in error, changing nothing, when the role moved in the meantime', async () => {
    const { change, service, from } = await seedChange();
    const [other] = await db
      .insert(accounts)
      .values({
        id: newId(),
        handle: `oth-${newId().slice(0, 8).toLowerCase()}`,
        email: 'o@test.example',
        firstName: 'Other',
        lastName: '',
        language: 'en',
      })
      .returning();
    await db.update(services).set({ techId: other!.id }).where(eq(services.id, service.id));
    expect(await new MockActivityEnvironment().run(activities.commitChange, { changeId: change.id })).toEqual({
      state: 'error',
    });
    const [after] = await db.select().from(services).where(eq(services.id, service.id));
    expect(after).toMatchObject({ techId: other!.id, holderId: from.id });
  });

  it('reports a request that does not exist as a permanent failure', async () => {
    const failure = await failureOf(
      new MockActivityEnvironment().run(activities.commitChange, { changeId: 'missing' }),
    );
    expect(failure).toMatchObject({ type: Errors.NotFound, nonRetryable: true });
  });
});

describe('sendEmails', () => {
  const batch = (changeId: string) => ({
    changeId,
    kind: 'request' as const,
    sending: 1,
    seq: 0,
    recipients: ['from' as const, 'to' as const],
  });

  it('sends each email of the batch once however often it is retried, each under its own idempotency key', async () => {
    const { change, from, to } = await seedChange();
    expect(await new MockActivityEnvironment({ attempt: 1 }).run(activities.sendEmails, batch(change.id))).toEqual({
      sent: 2,
      rejected: 0,
    });
    await new MockActivityEnvironment({ attempt: 2 }).run(activities.sendEmails, batch(change.id));
    expect(resend.to(from.email)).toHaveLength(1);
    expect(resend.to(to.email)).toHaveLength(1);
    const keys = [...resend.to(from.email), ...resend.to(to.email)].map((e) => e.idempotencyKey);
    expect(keys).toEqual([
      `contact-change-${change.id}/from/request/1/0`,
      `contact-change-${change.id}/to/request/1/0`,
    ]);
  });

  it('goes on past an address refused for good, and a later attempt does not try it again', async () => {
    const { change, from, to } = await seedChange();
    resend.fail({ status: 422, name: 'validation_error', times: 1, to: from.email });
    resend.fail({ status: 503, name: 'application_error', times: 1, to: to.email });
    const first = new MockActivityEnvironment({ attempt: 1 });
    const progress: unknown[] = [];
    first.on('heartbeat', (details: unknown) => progress.push(details));
    expect(await failureOf(first.run(activities.sendEmails, batch(change.id)))).toMatchObject({ nonRetryable: false });
    expect(progress.at(-1)).toEqual({ rejected: [`contact-change-${change.id}/from/request/1/0`] });

    const second = new MockActivityEnvironment({ attempt: 2, heartbeatDetails: progress.at(-1) });
    expect(await second.run(activities.sendEmails, batch(change.id))).toEqual({ sent: 1, rejected: 1 });
    expect(resend.attempts.filter((a) => a.to === from.email)).toHaveLength(1);
    expect(resend.to(to.email)).toHaveLength(1);
    const rows = await db.select().from(emails).where(eq(emails.changeId, change.id));
    expect(rows.map((r) => [r.recipient, r.status]).sort()).toEqual([
      ['from', 'failed'],
      ['to', 'sent'],
    ]);
  });
});

describe('openRequest and commitRequest', () => {
  it('open a request once: run again, they write nothing more and answer the same', async () => {
    const { change } = await seedChange();
    await db.update(contactChanges).set({ state: 'todo' }).where(eq(contactChanges.id, change.id));
    const env = new MockActivityEnvironment();
    expect(await env.run(activities.openRequest, { changeId: change.id })).toEqual({ ok: true });
    expect(await env.run(activities.openRequest, { changeId: change.id })).toEqual({ ok: true });
    expect(await env.run(activities.commitRequest, { changeId: change.id })).toEqual({ state: 'done' });
    expect(await env.run(activities.commitRequest, { changeId: change.id })).toEqual({ state: 'done' });
    const [after] = await db.select().from(contactChanges).where(eq(contactChanges.id, change.id));
    expect(after!.state).toBe('done');
    const states = (await db.select().from(changeEvents).where(eq(changeEvents.changeId, change.id)))
      .filter((e) => e.type === 'state')
      .map((e) => (e.detail as { state: string }).state);
    expect(states).toEqual(['checkValidity', 'validatingByCustomers', 'doing', 'done']);
  });

  it('record the last acceptance and commit in one step, once however often it runs', async () => {
    const { change, to, service } = await seedChange();
    await db
      .update(contactChanges)
      .set({ state: 'validatingByCustomers', fromDecision: 'accepted' })
      .where(eq(contactChanges.id, change.id));
    const env = new MockActivityEnvironment();
    expect(await env.run(activities.acceptAndCommit, { changeId: change.id, party: 'to' as const })).toEqual({
      state: 'done',
    });
    const [decided] = await db.select().from(contactChanges).where(eq(contactChanges.id, change.id));
    expect(await env.run(activities.acceptAndCommit, { changeId: change.id, party: 'to' as const })).toEqual({
      state: 'done',
    });
    const [after] = await db.select().from(contactChanges).where(eq(contactChanges.id, change.id));
    expect(after).toMatchObject({ state: 'done', toDecision: 'accepted', toDecidedAt: decided!.toDecidedAt });
    expect((await db.select().from(services).where(eq(services.id, service.id)))[0]!.techId).toBe(to.id);
    const events = await db.select().from(changeEvents).where(eq(changeEvents.changeId, change.id));
    expect(events.map((e) => (e.type === 'state' ? (e.detail as { state: string }).state : e.type))).toEqual([
      'accepted',
      'doing',
      'done',
    ]);
  });

  it('report a failed check without opening the request', async () => {
    const { change, from } = await seedChange();
    await db.update(contactChanges).set({ state: 'todo', toId: from.id }).where(eq(contactChanges.id, change.id));
    expect(await new MockActivityEnvironment().run(activities.openRequest, { changeId: change.id })).toMatchObject({
      ok: false,
    });
    const [after] = await db.select().from(contactChanges).where(eq(contactChanges.id, change.id));
    expect(after!.state).toBe('checkValidity');
  });
});
