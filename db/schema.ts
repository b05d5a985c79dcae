import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/**
 * Everyone a request can name: customer accounts, support staff, and the contacts a customer keeps in its book.
 * A contact is an account kept by another (`keptById`) that cannot sign in until it is made a sub-account.
 */
export const accounts = pgTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    handle: text('handle').notNull().unique(),
    email: text('email').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    /** Derived from the first and last name; what pages and emails show. */
    name: text('name')
      .notNull()
      .generatedAlwaysAs(sql`btrim(first_name || ' ' || last_name)`),
    language: text('language', { enum: ['fr', 'en', 'nl'] }).notNull(),
    role: text('role', { enum: ['customer', 'support'] })
      .notNull()
      .default('customer'),
    active: boolean('active').notNull().default(true),
    /** scrypt; null until a password is set (admin API, or a sub-account's invitation). */
    passwordHash: text('password_hash'),
    phone: text('phone'),
    company: text('company'),
    street: text('street'),
    postalCode: text('postal_code'),
    city: text('city'),
    country: text('country'),
    /** The categories of emails a contact receives copies of: general, billing, support, product, domain. */
    emailCategories: text('email_categories')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The account whose book this contact is in; null for a customer account itself and for support staff. */
    keptById: text('kept_by_id').references((): AnyPgColumn => accounts.id),
    /** A contact's access to the customer area: none, invited, active (a sub-account) or deactivated. */
    access: text('access', { enum: ['none', 'invited', 'active', 'deactivated'] })
      .notNull()
      .default('none'),
    /** What a sub-account may do in its keeper's customer area. */
    permissions: text('permissions')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Account preferences (customer accounts): who gets billing information, how and in which language we write. */
    billingContactId: text('billing_contact_id').references((): AnyPgColumn => accounts.id),
    communication: text('communication', { enum: ['email', 'post'] })
      .notNull()
      .default('email'),
    newsletters: text('newsletters')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** A deleted contact is kept for the history of past requests, out of its book and unable to take a role. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    /** Wrong passwords in a row; each one past the first few makes the next sign-in wait longer. */
    failedSignIns: integer('failed_sign_ins').notNull().default(0),
    /** No sign-in is tried for this account before this time (the growing delay after wrong passwords). */
    signInBlockedUntil: timestamp('sign_in_blocked_until', { withTimezone: true }),
    /** The authenticator app's secret, sealed with a key derived from TOKEN_SECRET (AES-256-GCM); null: no two-step. */
    totpSecret: text('totp_secret'),
    /** When two-step sign-in was turned on; null while the secret is being enrolled. */
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** The last time step whose code was accepted: a code works once. */
    totpLastStep: integer('totp_last_step'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('accounts_kept_by_idx').on(t.keptById),
    // One contact per email address in a book (the account itself and the contacts it keeps).
    uniqueIndex('accounts_book_email_idx')
      .on(sql`coalesce(${t.keptById}, ${t.id})`, sql`lower(${t.email})`)
      .where(sql`${t.deletedAt} is null`),
  ],
);

/** A single-use link that lets a contact set its password and become a sub-account; its token is never stored. */
export const invitations = pgTable(
  'invitations',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    invitedById: text('invited_by_id')
      .notNull()
      .references(() => accounts.id),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('invitations_account_idx').on(t.accountId)],
);

/**
 * Web sessions, keyed by a SHA-256 digest of the cookie's value. A session at stage `twoStep` has passed the
 * password and waits for the authenticator code: it signs nobody in.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    stage: text('stage', { enum: ['twoStep', 'complete'] })
      .notNull()
      .default('complete'),
    createdAt: createdAt(),
    /** The absolute end of the session, whatever its use. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** The idle timeout counts from here. */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** Where the session signed in from, for "My sessions": the client address and the browser's user agent. */
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_account_idx').on(t.accountId)],
);

/** Account API tokens, kept only as a SHA-256 digest. A `read` token may only read. */
export const apiTokens = pgTable('api_tokens', {
  id: text('id').primaryKey(),
  accountId: text('account_id')
    .notNull()
    .references(() => accounts.id),
  tokenHash: text('token_hash').notNull().unique(),
  name: text('name').notNull().default('API token'),
  scope: text('scope', { enum: ['read', 'full'] })
    .notNull()
    .default('full'),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  createdAt: createdAt(),
});

/** Two-step sign-in's single-use recovery codes, kept only as a digest. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.codeHash] })],
);

/**
 * An address change waiting for its confirmation. The links' secrets are derived from the id (as an invitation's),
 * never stored: one confirms at the new address, one cancels from the old.
 */
export const emailChanges = pgTable(
  'email_changes',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    oldEmail: text('old_email').notNull(),
    newEmail: text('new_email').notNull(),
    requestedById: text('requested_by_id')
      .notNull()
      .references(() => accounts.id),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('email_changes_account_idx').on(t.accountId)],
);

/** A password reset link; its secret is derived from the id, never stored. */
export const passwordResets = pgTable(
  'password_resets',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('password_resets_account_idx').on(t.accountId)],
);

/** What happened to an account, for its owner to review: sign-ins, failures, address, password, two-step, tokens. */
export const accountEvents = pgTable(
  'account_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    type: text('type').notNull(),
    /** Ids and names only; never a password, code or token. */
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('account_events_account_idx').on(t.accountId, t.id.desc())],
);

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

export type Account = typeof accounts.$inferSelect;
export type NewAccount = typeof accounts.$inferInsert;
export type Invitation = typeof invitations.$inferSelect;
export type Service = typeof services.$inferSelect;
export type NewService = typeof services.$inferInsert;
export type ContactChange = typeof contactChanges.$inferSelect;
export type NewContactChange = typeof contactChanges.$inferInsert;
export type ChangeEvent = typeof changeEvents.$inferSelect;
export type Email = typeof emails.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type ApiToken = typeof apiTokens.$inferSelect;
export type EmailChange = typeof emailChanges.$inferSelect;
export type PasswordReset = typeof passwordResets.$inferSelect;
export type AccountEvent = typeof accountEvents.$inferSelect;
