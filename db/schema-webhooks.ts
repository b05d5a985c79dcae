import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, integer, jsonb, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { createdAt } from './schema-accounts.js';
import { contactChanges } from './schema.js';

/**
 * The outbox: one row per state change of a request, written in the transaction of the change. The id is the feed's
 * cursor and the webhooks' `webhook-id`; `handedOverAt` is set once Temporal has the delivery (the sweep takes the
 * others).
 */
export const events = pgTable(
  'events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    type: text('type').notNull(),
    changeId: text('change_id')
      .notNull()
      .references(() => contactChanges.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    /** Same key, one row: a retried activity does not tell its change twice. */
    dedupeKey: text('dedupe_key').notNull().unique(),
    handedOverAt: timestamp('handed_over_at', { withTimezone: true }),
  },
  (t) => [
    index('events_change_idx').on(t.changeId, t.id),
    index('events_not_handed_over_idx')
      .on(t.id)
      .where(sql`${t.handedOverAt} is null`),
  ],
);

/** Where the provider wants the events; its signing secrets sealed (domain/secret-box.ts, purpose `webhook`). */
export const webhookEndpoints = pgTable('webhook_endpoints', {
  id: text('id').primaryKey(),
  url: text('url').notNull(),
  /** The event types sent there; null: every type. */
  events: text('events').array(),
  description: text('description'),
  secret: text('secret').notNull(),
  /** The secret before the last rotation, which still signs until `previousUntil`. */
  previousSecret: text('previous_secret'),
  previousUntil: timestamp('previous_until', { withTimezone: true }),
  /** Set when a delivery failed for the whole retry period: nothing more is sent there. */
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
  createdAt: createdAt(),
});

/** One event for one endpoint. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id),
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => events.id),
    changeId: text('change_id')
      .notNull()
      .references(() => contactChanges.id),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] }).notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('webhook_deliveries_once').on(t.endpointId, t.eventId),
    index('webhook_deliveries_change_idx').on(t.changeId),
  ],
);

/** Each try of a delivery: the endpoint's status code, or why there was none. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    deliveryId: bigint('delivery_id', { mode: 'number' })
      .notNull()
      .references(() => webhookDeliveries.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    statusCode: integer('status_code'),
    error: text('error'),
  },
  (t) => [index('webhook_attempts_delivery_idx').on(t.deliveryId, t.id)],
);

export type OutboxEvent = typeof events.$inferSelect;
export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
export type WebhookAttempt = typeof webhookAttempts.$inferSelect;
