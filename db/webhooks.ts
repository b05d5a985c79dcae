import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { events, webhookAttempts, webhookDeliveries, webhookEndpoints, type WebhookEndpoint } from './schema.js';

// The writes and reads of outgoing webhooks: endpoints (secrets sealed by the caller), deliveries and their attempts.

export async function insertEndpoint(db: Db, endpoint: typeof webhookEndpoints.$inferInsert): Promise<WebhookEndpoint> {
  const [row] = await db.insert(webhookEndpoints).values(endpoint).returning();
  return row!;
}

export async function listEndpoints(db: Db): Promise<WebhookEndpoint[]> {
  return db
    .select()
    .from(webhookEndpoints)
    .where(isNull(webhookEndpoints.deletedAt))
    .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
}

export async function findEndpoint(db: Db, id: string): Promise<WebhookEndpoint | null> {
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), isNull(webhookEndpoints.deletedAt)));
  return row ?? null;
}

/** Removed from every new delivery; kept for the deliveries already made to it. */
export async function deleteEndpoint(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .update(webhookEndpoints)
    .set({ deletedAt: sql`now()` })
    .where(and(eq(webhookEndpoints.id, id), isNull(webhookEndpoints.deletedAt)))
    .returning({ id: webhookEndpoints.id });
  return rows.length > 0;
}

/** The new secret signs from now on; the current one goes on signing beside it until `overlapUntil`. */
export async function rotateSecret(db: Db, id: string, sealed: string, overlapUntil: Date): Promise<boolean> {
  const rows = await db
    .update(webhookEndpoints)
    .set({ previousSecret: sql`${webhookEndpoints.secret}`, previousUntil: overlapUntil, secret: sealed })
    .where(and(eq(webhookEndpoints.id, id), isNull(webhookEndpoints.deletedAt)))
    .returning({ id: webhookEndpoints.id });
  return rows.length > 0;
}

export async function disableEndpoint(db: Db, id: string): Promise<void> {
  await db
    .update(webhookEndpoints)
    .set({ disabledAt: sql`coalesce(${webhookEndpoints.disabledAt}, now())` })
    .where(eq(webhookEndpoints.id, id));
}

/**
 * Enables an endpoint again, if it was disabled: each event handed over while it was (which it therefore never got) is
 * given a delivery, marked failed like those given up before it was disabled, so that they are all sent again
 * together. Null: no such endpoint.
 */
export async function enableEndpoint(db: Db, id: string): Promise<WebhookEndpoint | null> {
  return db.transaction(async (tx) => {
    const [endpoint] = await tx
      .select()
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.id, id), isNull(webhookEndpoints.deletedAt)))
      .for('update');
    if (!endpoint?.disabledAt) return endpoint ?? null;
    // A hand-over's now() is its transaction's start, which may come a little before the endpoint was disabled.
    await tx.execute(sql`
      insert into ${webhookDeliveries} (endpoint_id, event_id, change_id, status)
      select ep.id, ${events.id}, ${events.changeId}, 'failed' from ${events}, ${webhookEndpoints} ep
      where ep.id = ${id}
        and ${events.handedOverAt} >= ep.disabled_at - interval '1 minute'
        and ${events.at} >= ep.created_at
        and (ep.events is null or ${events.type} = any(ep.events))
      on conflict do nothing`);
    const [enabled] = await tx
      .update(webhookEndpoints)
      .set({ disabledAt: null })
      .where(eq(webhookEndpoints.id, id))
      .returning();
    return enabled!;
  });
}

/** An endpoint's deliveries given up (or never tried while it was disabled), oldest event first. */
export async function failedDeliveries(db: Db, endpointId: string) {
  return db
    .select({
      deliveryId: webhookDeliveries.id,
      eventId: webhookDeliveries.eventId,
      changeId: webhookDeliveries.changeId,
    })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.status, 'failed')))
    .orderBy(asc(webhookDeliveries.eventId));
}

/** The endpoints that take an event of this type now: not deleted, not disabled, and subscribed to it. */
export async function endpointsFor(db: Db, type: string): Promise<WebhookEndpoint[]> {
  return db
    .select()
    .from(webhookEndpoints)
    .where(
      and(
        isNull(webhookEndpoints.deletedAt),
        isNull(webhookEndpoints.disabledAt),
        sql`(${webhookEndpoints.events} is null or ${type} = any(${webhookEndpoints.events}))`,
      ),
    );
}

/** The delivery of an event to an endpoint, made once however often it is asked for. */
export async function ensureDelivery(
  db: Db,
  input: { endpointId: string; eventId: number; changeId: string },
): Promise<number> {
  await db
    .insert(webhookDeliveries)
    .values({ ...input, status: 'pending' })
    .onConflictDoNothing();
  const [row] = await db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.endpointId, input.endpointId), eq(webhookDeliveries.eventId, input.eventId)));
  return row!.id;
}

/** A delivery with what sending it needs: its event and its endpoint (secrets still sealed). */
export async function loadDelivery(db: Db, id: number) {
  const [row] = await db
    .select({ delivery: webhookDeliveries, event: events, endpoint: webhookEndpoints })
    .from(webhookDeliveries)
    .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.id, id));
  return row ?? null;
}

export async function recordAttempt(
  db: Db,
  input: { deliveryId: number; statusCode: number | null; error: string | null },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(webhookAttempts).values(input);
    if (input.statusCode !== null && input.statusCode >= 200 && input.statusCode < 300) {
      await tx
        .update(webhookDeliveries)
        .set({ status: 'delivered', deliveredAt: sql`now()` })
        .where(eq(webhookDeliveries.id, input.deliveryId));
    }
  });
}

export async function setDeliveryStatus(db: Db, ids: number[], status: 'pending' | 'failed'): Promise<void> {
  if (ids.length === 0) return;
  await db.update(webhookDeliveries).set({ status }).where(inArray(webhookDeliveries.id, ids));
}

/** A request's deliveries, newest event first, each with its endpoint's address and its attempts. */
export async function deliveriesOf(db: Db, changeId: string) {
  const rows = await db
    .select({
      id: webhookDeliveries.id,
      status: webhookDeliveries.status,
      deliveredAt: webhookDeliveries.deliveredAt,
      eventId: events.id,
      type: events.type,
      endpointId: webhookEndpoints.id,
      url: webhookEndpoints.url,
      disabledAt: webhookEndpoints.disabledAt,
    })
    .from(webhookDeliveries)
    .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.changeId, changeId))
    .orderBy(desc(events.id), asc(webhookEndpoints.id));
  const attempts = rows.length
    ? await db
        .select()
        .from(webhookAttempts)
        .where(
          inArray(
            webhookAttempts.deliveryId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(webhookAttempts.id))
    : [];
  return rows.map((r) => ({ ...r, attempts: attempts.filter((a) => a.deliveryId === r.id) }));
}

export type DeliveryRow = Awaited<ReturnType<typeof deliveriesOf>>[number];
