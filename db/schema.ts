import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { accounts, createdAt, invitations, updatedAt } from './schema-accounts.js';

/**
 * The database's tables: accounts and their sessions and tokens (schema-accounts.ts), what guards an account
 * (schema-account-security.ts), and here services, contact changes, their timeline and emails. One module to import.
 */
export * from './schema-accounts.js';
export * from './schema-account-security.js';

/** The email provider's webhook deliveries already taken in, by their id: a replay is taken once. */
export const webhookEvents = pgTable('webhook_events', {
  id: text('id').primaryKey(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
});

export const services = pgTable(
  'services',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    holderId: text('holder_id')
      .notNull()
      .references(() => accounts.id),
    adminId: text('admin_id')
      .notNull()
      .references(() => accounts.id),
    techId: text('tech_id')
      .notNull()
      .references(() => accounts.id),
    billingId: text('billing_id')
      .notNull()
      .references(() => accounts.id),
    /** The provider's own id for this service (its registry or billing system); unique when set. */
    externalId: text('external_id').unique(),
    /** A service the provider removed: out of customers' pages, kept for the history of past requests. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('services_holder_idx').on(t.holderId),
    index('services_admin_idx').on(t.adminId),
    index('services_tech_idx').on(t.techId),
    index('services_billing_idx').on(t.billingId),
  ],
);

export const contactChanges = pgTable(
  'contact_changes',
  {
    id: text('id').primaryKey(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id),
    roles: text('roles').array().notNull(),
    fromId: text('from_id')
      .notNull()
      .references(() => accounts.id),
    toId: text('to_id')
      .notNull()
      .references(() => accounts.id),
    askedById: text('asked_by_id')
      .notNull()
      .references(() => accounts.id),
    state: text('state').notNull(),
    /** Which sending of the token emails is current; a token from an older sending no longer works. */
    sending: integer('sending').notNull().default(1),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    fromDecision: text('from_decision', { enum: ['accepted', 'refused'] }),
    fromDecidedAt: timestamp('from_decided_at', { withTimezone: true }),
    toDecision: text('to_decision', { enum: ['accepted', 'refused'] }),
    toDecidedAt: timestamp('to_decided_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedById: text('ended_by_id').references(() => accounts.id),
    endNoteId: text('end_note_id'),
    /** Why the engine itself ended the request in `error`; written by the system, never by a person. */
    endReason: text('end_reason'),
    /** Set while a step keeps failing, cleared when it succeeds; the support view reads it. */
    failingStep: text('failing_step'),
    failingSince: timestamp('failing_since', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('contact_changes_asked_by_idx').on(t.askedById, t.createdAt.desc(), t.id.desc()),
    index('contact_changes_from_idx').on(t.fromId, t.createdAt.desc(), t.id.desc()),
    index('contact_changes_to_idx').on(t.toId, t.createdAt.desc(), t.id.desc()),
    index('contact_changes_service_idx').on(t.serviceId),
    index('contact_changes_pending_idx')
      .on(t.createdAt)
      .where(sql`${t.state} in ('todo', 'checkValidity', 'validatingByCustomers', 'doing')`),
  ],
);

/** One row per role a pending request moves: the primary key makes a second request on that role fail. */
export const pendingRoles = pgTable(
  'pending_roles',
  {
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id),
    role: text('role').notNull(),
    changeId: text('change_id')
      .notNull()
      .references(() => contactChanges.id),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.role] }), index('pending_roles_change_idx').on(t.changeId)],
);

/** The timeline of a request. */
export const changeEvents = pgTable(
  'change_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    changeId: text('change_id')
      .notNull()
      .references(() => contactChanges.id),
    type: text('type').notNull(),
    party: text('party'),
    accountId: text('account_id').references(() => accounts.id),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    /** Makes a retried activity write its event once. */
    dedupeKey: text('dedupe_key').unique(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('change_events_change_idx').on(t.changeId, t.id)],
);

/** Free text written by people (a refusal or cancel reason), kept out of workflow history. */
export const notes = pgTable('notes', {
  id: text('id').primaryKey(),
  changeId: text('change_id')
    .notNull()
    .references(() => contactChanges.id),
  accountId: text('account_id').references(() => accounts.id),
  text: text('text').notNull(),
  createdAt: createdAt(),
});

export const emails = pgTable(
  'emails',
  {
    id: text('id').primaryKey(),
    /** The request an email is about, or the invitation it carries. */
    changeId: text('change_id').references(() => contactChanges.id),
    invitationId: text('invitation_id').references(() => invitations.id),
    /** The parties, the asker, a contact subscribed to copies, or a contact invited to become a sub-account. */
    recipient: text('recipient', { enum: ['from', 'to', 'asker', 'copy', 'invitee', 'account'] }).notNull(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    kind: text('kind').notNull(),
    sending: integer('sending').notNull(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    providerId: text('provider_id'),
    status: text('status', { enum: ['sending', 'sent', 'delivered', 'bounced', 'complained', 'failed'] }).notNull(),
    /** When the provider's event that set `status` happened: an older event never overwrites a newer one. */
    statusAt: timestamp('status_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('emails_change_idx').on(t.changeId), index('emails_provider_idx').on(t.providerId)],
);

/** Fixed-window counters shared by every API instance. */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  resetAt: timestamp('reset_at', { withTimezone: true }).notNull(),
});

export type Service = typeof services.$inferSelect;
export type NewService = typeof services.$inferInsert;
export type ContactChange = typeof contactChanges.$inferSelect;
export type NewContactChange = typeof contactChanges.$inferInsert;
export type ChangeEvent = typeof changeEvents.$inferSelect;
export type Email = typeof emails.$inferSelect;
export * from './schema-webhooks.js';
