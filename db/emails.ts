import { eq, sql } from 'drizzle-orm';
import { newId } from '../domain/ids.js';
import { now, type Db } from './client.js';
import { emails, type Email } from './schema.js';
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

/** What the provider reports after sending (Resend's delivery webhook): the email's status and its timeline entry. */
export async function recordDelivery(
  db: Db,
  input: { providerId: string; status: Email['status']; eventType: string; dedupeKey: string },
): Promise<void> {
  const [email] = await db
    .update(emails)
    .set({ status: input.status, updatedAt: now() })
    .where(eq(emails.providerId, input.providerId))
    .returning();
  // An invitation's email has no timeline; its status alone is kept.
  if (email?.changeId) {
    await addEvent(db, {
      changeId: email.changeId,
      type: input.eventType,
      party: email.recipient,
      accountId: email.accountId,
      detail: { kind: email.kind },
      dedupeKey: input.dedupeKey,
    });
  }
}
