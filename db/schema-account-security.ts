import { bigserial, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { accounts, createdAt } from './schema-accounts.js';

// What guards an account beyond its password: two-step recovery codes, address changes, resets, its activity.

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

export type EmailChange = typeof emailChanges.$inferSelect;
export type PasswordReset = typeof passwordResets.$inferSelect;
export type AccountEvent = typeof accountEvents.$inferSelect;
