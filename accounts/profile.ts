import { and, eq, isNull, ne, or } from 'drizzle-orm';
import type { Context } from '../core/context.js';
import { actorOf, can } from '../domain/access.js';
import type { Newsletter, ProfileInput } from '../domain/contact.js';
import { hashPassword, verifyPassword } from '../domain/passwords.js';
import { isUniqueViolation } from '../db/client.js';
import { accounts, sessions, type Account } from '../db/schema.js';
import { Problem } from '../core/problems.js';

/**
 * The profile of a customer area: the account holder's details and preferences. A sub-account reaches its
 * keeper's profile with the profile permission; everyone changes their own password.
 */

export interface Profile {
  account: Account;
  billingContact: Account | null;
}

async function profileAccount(ctx: Context, viewer: Account): Promise<Account> {
  const actor = actorOf(viewer);
  if (!can(actor, 'profile'))
    throw new Problem(
      'profilePermissionRequired',
      'This sub-account may not see or change the profile; ask the account holder for the profile permission.',
    );
  // Read again: the account loaded for this request is stale once one of these functions has saved.
  const [account] = await ctx.db.select().from(accounts).where(eq(accounts.id, actor.principalId));
  return account!;
}

export async function getProfile(ctx: Context, viewer: Account): Promise<Profile> {
  const account = await profileAccount(ctx, viewer);
  const [billingContact] = account.billingContactId
    ? await ctx.db.select().from(accounts).where(eq(accounts.id, account.billingContactId))
    : [];
  return { account, billingContact: billingContact ?? null };
}

/** Names are not in the input: as at PlanetHoster, a change of first or last name goes through support. */
export async function updateProfile(
  ctx: Context,
  viewer: Account,
  input: ProfileInput & { firstName?: string; lastName?: string },
) {
  const account = await profileAccount(ctx, viewer);
  for (const field of ['firstName', 'lastName'] as const) {
    const given = input[field]?.trim();
    if (given !== undefined && given !== account[field]) {
      throw new Problem(
        'nameSetBySupport',
        'Your first and last name can only be changed by support: contact them with a proof of identity.',
        { field },
      );
    }
  }
  const { firstName: _f, lastName: _l, ...details } = input;
  try {
    await ctx.db
      .update(accounts)
      .set({ ...details, updatedAt: new Date() })
      .where(eq(accounts.id, account.id));
  } catch (err) {
    if (isUniqueViolation(err))
      throw new Problem('emailTaken', `${input.email} is already the email of one of your contacts.`, {
        field: 'email',
      });
    throw err;
  }
  return getProfile(ctx, viewer);
}

export async function updatePreferences(
  ctx: Context,
  viewer: Account,
  input: { billingContact: string | null; communication: 'email' | 'post'; language: 'fr' | 'en' | 'nl' },
) {
  const account = await profileAccount(ctx, viewer);
  let billingContactId: string | null = null;
  if (input.billingContact && input.billingContact.toLowerCase() !== account.handle) {
    const [contact] = await ctx.db
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
        'unknownContact',
        `${input.billingContact} is not one of your contacts; add it to your contacts first.`,
        { field: 'billingContact' },
      );
    billingContactId = contact.id;
  }
  await ctx.db
    .update(accounts)
    .set({ billingContactId, communication: input.communication, language: input.language, updatedAt: new Date() })
    .where(eq(accounts.id, account.id));
  return getProfile(ctx, viewer);
}

/** An empty list unsubscribes from every newsletter; service emails (token emails, outcomes) still go out. */
export async function updateNewsletters(ctx: Context, viewer: Account, newsletters: Newsletter[]) {
  const account = await profileAccount(ctx, viewer);
  await ctx.db.update(accounts).set({ newsletters, updatedAt: new Date() }).where(eq(accounts.id, account.id));
  return getProfile(ctx, viewer);
}

/** One's own password; the other sessions of the account end (the one making the change stays signed in). */
export async function changePassword(
  ctx: Context,
  viewer: Account,
  current: string,
  next: string,
  keepSessionId: string | null,
) {
  if (!(await verifyPassword(current, viewer.passwordHash))) {
    throw new Problem('wrongPassword', 'The current password is not right.', { field: 'currentPassword' });
  }
  if (current === next)
    throw new Problem('samePassword', 'The new password must differ from the current one.', {
      field: 'newPassword',
    });
  const passwordHash = await hashPassword(next);
  await ctx.db.transaction(async (tx) => {
    await tx.update(accounts).set({ passwordHash, updatedAt: new Date() }).where(eq(accounts.id, viewer.id));
    await tx
      .delete(sessions)
      .where(and(eq(sessions.accountId, viewer.id), keepSessionId ? ne(sessions.id, keepSessionId) : undefined));
  });
}

/** The contacts that may receive the billing information: the account itself and the contacts it keeps. */
export async function billingChoices(ctx: Context, account: Account): Promise<Account[]> {
  return ctx.db
    .select()
    .from(accounts)
    .where(and(or(eq(accounts.id, account.id), eq(accounts.keptById, account.id)), isNull(accounts.deletedAt)))
    .orderBy(accounts.lastName, accounts.firstName);
}
