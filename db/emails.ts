import { eq, lt, sql } from 'drizzle-orm';
import { newId } from '../domain/ids.js';
import { now, type Db } from './client.js';
import { emails, webhookEvents, type Email } from './schema.js';
import { addEvent, addEventFrom, type EventInput } from './timeline.js';

export type NewEmail = Omit<typeof emails.$inferInsert, 'id' | 'status' | 'attempts'> & { idempotencyKey: string };

/**
 * The row of an email about to be sent, once per idempotency key: a retry finds the same row (its attempts
 * counted) and can tell from its status whether the email went out already.
 */
export async function bookEmail(db: Db, email: NewEmail): Promise<Email> {
  const [row] = await db
    .insert(emails)
    .values({ id: newId(), ...email, status: 'sending', attempts: 1 })
    .onConflictDoUpdate({
      target: emails.idempotencyKey,
      set: { attempts: sql`${emails.attempts} + 1`, updatedAt: now() },
    })
    .returning();
  return row!;
}

/** The email went out: its status and, when it has one, its timeline entry, in one statement. */
export async function markEmailSent(db: Db, id: string, providerId: string, event?: EventInput): Promise<void> {
  const sent = db
    .update(emails)
    .set({ status: 'sent', providerId, lastError: null, updatedAt: now() })
    .where(eq(emails.id, id));
  if (!event) {
    await sent;
    return;
  }
  await db.execute(sql`with sent as ${sent.returning({ id: emails.id })} ${addEventFrom(sql`sent`, event)}`);
}

export async function markEmailFailed(db: Db, id: string, error: string): Promise<void> {
  await db.update(emails).set({ status: 'failed', lastError: error, updatedAt: now() }).where(eq(emails.id, id));
}

/** How long a webhook event's id is kept: far longer than a replay can be signed (5 minutes) or retried. */
const WEBHOOK_IDS_KEPT = '7 days';

/**
 * What the provider reports after sending (Resend's delivery webhook), once per event id, in one transaction: the
 * event's id is taken, the email's status moves only forward in time (an event older than the one that set it
 * changes nothing), and a request's email gets its timeline entry. `taken` is false for an event seen before.
 */
export async function recordDelivery(
  db: Db,
  input: { eventId: string; providerId: string; status: Email['status']; at: Date; eventType: string },
): Promise<{ taken: boolean }> {
  if (Math.random() < 0.01)
    db.delete(webhookEvents)
      .where(lt(webhookEvents.receivedAt, sql`now() - ${WEBHOOK_IDS_KEPT}::interval`))
      .catch(() => {});
  return db.transaction(async (tx) => {
    const taken = await tx
      .insert(webhookEvents)
      .values({ id: input.eventId })
      .onConflictDoNothing()
      .returning({ id: webhookEvents.id });
    if (taken.length === 0) return { taken: false };
    const [email] = await tx.select().from(emails).where(eq(emails.providerId, input.providerId)).for('update');
    if (!email) return { taken: true };
    if (!email.statusAt || email.statusAt.getTime() <= input.at.getTime()) {
      await tx
        .update(emails)
        .set({ status: input.status, statusAt: input.at, updatedAt: now() })
        .where(eq(emails.id, email.id));
    }
    // An invitation's or an account's email has no timeline; its status alone is kept.
    if (email.changeId) {
      await addEvent(tx, {
        changeId: email.changeId,
        type: input.eventType,
        party: email.recipient,
        accountId: email.accountId,
        detail: { kind: email.kind },
        dedupeKey: `webhook:${input.eventId}`,
      });
    }
    return { taken: true };
  });
}
