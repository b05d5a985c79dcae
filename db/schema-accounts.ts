import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';

/** The columns every table keeps of its rows' life. */
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

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
    /** The IANA time zone emails are written in (e.g. Europe/Paris); null: UTC. Taken from the browser at sign-in. */
    timeZone: text('time_zone'),
    /** The provider's own id for this account (its customer database); unique when set. */
    externalId: text('external_id').unique(),
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

export type Account = typeof accounts.$inferSelect;
export type NewAccount = typeof accounts.$inferInsert;
export type Invitation = typeof invitations.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type ApiToken = typeof apiTokens.$inferSelect;
