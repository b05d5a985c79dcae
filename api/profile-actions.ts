import { and, eq, isNull, ne, or } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { actorOf, can } from '../domain/access.js';
import type { Newsletter, ProfileInput } from '../domain/contact.js';
import { hashPassword, verifyPassword } from '../domain/passwords.js';
import { isUniqueViolation } from '../db/client.js';
import { accounts, sessions, type Account } from '../db/schema.js';
import { Problem } from './problems.js';

/**
 * The profile of a customer area: the account holder's details and preferences. A sub-account reaches its
 * keeper's profile with the profile permission; everyone changes their own password.
 */

export interface Profile {
  account: Account;
  billingContact: Account | null;
}

async function profileAccount(app: FastifyInstance, viewer: Account): Promise<Account> {
  const actor = actorOf(viewer);
  if (!can(actor, 'profile'))
    throw new Problem(
      403,
      'Forbidden',
      'This sub-account may not see or change the profile; ask the account holder for the profile permission.',
    );
  // Read again: the account loaded for this request is stale once one of these functions has saved.
  const [account] = await app.db.select().from(accounts).where(eq(accounts.id, actor.principalId));
  return account!;
}

export async function getProfile(app: FastifyInstance, viewer: Account): Promise<Profile> {
  const account = await profileAccount(app, viewer);
  const [billingContact] = account.billingContactId
    ? await app.db.select().from(accounts).where(eq(accounts.id, account.billingContactId))
    : [];
  return { account, billingContact: billingContact ?? null };
}

/** Names are not in the input: as at PlanetHoster, a change of first or last name goes through support. */
export async function updateProfile(
  app: FastifyInstance,
  viewer: Account,
  input: ProfileInput & { firstName?: string; lastName?: string },
) {
  const account = await profileAccount(app, viewer);
  for (const field of ['firstName', 'lastName'] as const) {
    const given = input[field]?.trim();
    if (given !== undefined && given !== account[field]) {
      throw new Problem(
        422,
        'Name set by support',
        'Your first and last name can only be changed by support: contact them with a proof of identity.',
        { field },
      );
    }
  }
  const { firstName: _f, lastName: _l, ...details } = input;
  try {
    await app.db
      .update(accounts)
      .set({ ...details, updatedAt: new Date() })
      .where(eq(accounts.id, account.id));
  } catch (err) {
    if (isUniqueViolation(err))
      throw new Problem(
        409,
        'Email already in your contacts',
        `${input.email} is already the email of one of your contacts.`,
        { field: 'email' },
      );
    throw err;
  }
  return getProfile(app, viewer);
}

export async function updatePreferences(
  app: FastifyInstance,
  viewer: Account,
  input: { billingContact: string | null; communication: 'email' | 'post'; language: 'fr' | 'en' | 'nl' },
) {
  const account = await profileAccount(app, viewer);
  let billingContactId: string | null = null;
  if (input.billingContact && input.billingContact.toLowerCase() !== account.handle) {
    const [contact] = await app.db
      .select({ id: accounts.id })
      .from(accounts)
      .where(
        and(
          eq(accounts.handle, input.billingContact.toLowerCase()),
          eq(accounts.keptById, account.id),
          isNull(accounts.deletedAt),
        ),
      );
    if (!contact)
      throw new Problem(
        422,
        'Unknown contact',
        `${input.billingContact} is not one of your contacts; add it to your contacts first.`,
        { field: 'billingContact' },
      );
    billingContactId = contact.id;
  }
  await app.db
    .update(accounts)
    .set({ billingContactId, communication: input.communication, language: input.language, updatedAt: new Date() })
    .where(eq(accounts.id, account.id));
  return getProfile(app, viewer);
}

/** An empty list unsubscribes from every newsletter; service emails (token emails, outcomes) still go out. */
export async function updateNewsletters(app: FastifyInstance, viewer: Account, newsletters: Newsletter[]) {
  const account = await profileAccount(app, viewer);
  await app.db.update(accounts).set({ newsletters, updatedAt: new Date() }).where(eq(accounts.id, account.id));
  return getProfile(app, viewer);
}

/** One's own password; the other sessions of the account end (the one making the change stays signed in). */
export async function changePassword(
  app: FastifyInstance,
  viewer: Account,
  current: string,
  next: string,
  keepSessionId: string | null,
) {
  if (!(await verifyPassword(current, viewer.passwordHash))) {
    throw new Problem(422, 'Wrong password', 'The current password is not right.', { field: 'currentPassword' });
  }
  if (current === next)
    throw new Problem(422, 'Same password', 'The new password must differ from the current one.', {
      field: 'newPassword',
    });
  const passwordHash = await hashPassword(next);
  await app.db.transaction(async (tx) => {
    await tx.update(accounts).set({ passwordHash, updatedAt: new Date() }).where(eq(accounts.id, viewer.id));
    await tx
      .delete(sessions)
      .where(and(eq(sessions.accountId, viewer.id), keepSessionId ? ne(sessions.id, keepSessionId) : undefined));
  });
}

/** The contacts that may receive the billing information: the account itself and the contacts it keeps. */
export async function billingChoices(app: FastifyInstance, account: Account): Promise<Account[]> {
  return app.db
    .select()
    .from(accounts)
    .where(and(or(eq(accounts.id, account.id), eq(accounts.keptById, account.id)), isNull(accounts.deletedAt)))
    .orderBy(accounts.lastName, accounts.firstName);
}
