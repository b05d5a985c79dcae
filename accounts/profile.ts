import type { Context, Requester } from '../core/context.js';
import { actorOf, can } from '../domain/access.js';
import type { Newsletter, ProfileInput } from '../domain/contact.js';
import { hashPassword, verifyPassword } from '../domain/passwords.js';
import {
  accountAndContacts,
  findAccount,
  findContactOf,
  setNewsletters,
  setPassword,
  setPreferences,
  setTimeZone as saveTimeZone,
  updateDetails,
} from '../db/accounts.js';
import { isUniqueViolation } from '../db/client.js';
import type { Account, EmailChange } from '../db/schema.js';
import { sameAddress } from '../domain/email-changes.js';
import { pendingAddress, requireAddressHolder, startEmailChange } from './email-changes.js';
import { Problem } from '../core/problems.js';
import { recordActivity } from './activity.js';
import { requireStrongPassword } from './passwords.js';
import { timeZoneInput } from '../domain/time-zones.js';

/**
 * The profile of a customer area: the account holder's details and preferences. A sub-account reaches its
 * keeper's profile with the profile permission; everyone changes their own password.
 */

export interface Profile {
  account: Account;
  billingContact: Account | null;
  /** The address change that waits for its confirmation, if any. */
  pendingEmail: EmailChange | null;
}

async function profileAccount(ctx: Context, viewer: Account): Promise<Account> {
  const actor = actorOf(viewer);
  if (!can(actor, 'profile'))
    throw new Problem(
      'profilePermissionRequired',
      'This sub-account may not see or change the profile; ask the account holder for the profile permission.',
    );
  // Read again: the account loaded for this request is stale once one of these functions has saved.
  return (await findAccount(ctx.db, actor.principalId))!;
}

export async function getProfile(ctx: Context, viewer: Account): Promise<Profile> {
  const account = await profileAccount(ctx, viewer);
  const billingContact = account.billingContactId ? await findAccount(ctx.db, account.billingContactId) : null;
  return { account, billingContact, pendingEmail: await pendingAddress(ctx, account.id) };
}

/**
 * Names are not in the input: as at PlanetHoster, a change of first or last name goes through support. A new address
 * needs the account holder's password and waits for its confirmation (`pendingEmail`); the other details are saved
 * at once. `emailChange` says whether this call started one.
 */
export async function updateProfile(
  ctx: Context,
  viewer: Account,
  input: ProfileInput & { firstName?: string; lastName?: string; currentPassword?: string },
  from: Requester,
): Promise<Profile & { emailChange: EmailChange | null }> {
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
  const { firstName: _f, lastName: _l, currentPassword, ...details } = input;
  const moving = !sameAddress(details.email, account.email);
  if (moving) {
    requireAddressHolder(viewer);
    if (!currentPassword)
      throw new Problem('passwordRequired', 'Give your current password to change the email address.', {
        field: 'currentPassword',
      });
    if (!(await verifyPassword(currentPassword, viewer.passwordHash)))
      throw new Problem('wrongPassword', 'The current password is not right.', { field: 'currentPassword' });
  }
  const emailChange = moving ? await startEmailChange(ctx, account, viewer, details.email, from) : null;
  try {
    // The address in use stays until the new one is confirmed; only its spelling may change here.
    await updateDetails(ctx.db, account.id, { ...details, email: moving ? account.email : details.email });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new Problem('emailTaken', `${input.email} is already the email of one of your contacts.`, {
        field: 'email',
      });
    throw err;
  }
  return { ...(await getProfile(ctx, viewer)), emailChange };
}

export async function updatePreferences(
  ctx: Context,
  viewer: Account,
  input: {
    billingContact: string | null;
    communication: 'email' | 'post';
    language: 'fr' | 'en' | 'nl';
    /** Absent: unchanged; null: none (UTC). */
    timeZone?: string | null;
  },
) {
  const account = await profileAccount(ctx, viewer);
  let billingContactId: string | null = null;
  if (input.billingContact && input.billingContact.toLowerCase() !== account.handle) {
    const contact = await findContactOf(ctx.db, account.id, { handle: input.billingContact.toLowerCase() });
    if (!contact)
      throw new Problem(
        'unknownContact',
        `${input.billingContact} is not one of your contacts; add it to your contacts first.`,
        { field: 'billingContact' },
      );
    billingContactId = contact.id;
  }
  await setPreferences(ctx.db, account.id, {
    billingContactId,
    communication: input.communication,
    language: input.language,
    ...(input.timeZone === undefined ? {} : { timeZone: checkedTimeZone(input.timeZone) }),
  });
  return getProfile(ctx, viewer);
}

/** An IANA zone of the list (domain/time-zones.ts), or null for none: dates are then shown in UTC. */
export function checkedTimeZone(value: string | null): string | null {
  const parsed = timeZoneInput.safeParse(value);
  if (!parsed.success)
    throw new Problem(
      'unknownTimeZone',
      `${String(value)} is not an IANA time zone; choose one such as Europe/Paris.`,
      {
        field: 'timeZone',
      },
    );
  return parsed.data;
}

/** The time zone of the profile's dates and emails; null unsets it (UTC). */
export async function setTimeZone(ctx: Context, viewer: Account, timeZone: string | null): Promise<Profile> {
  const account = await profileAccount(ctx, viewer);
  await saveTimeZone(ctx.db, account.id, checkedTimeZone(timeZone));
  return getProfile(ctx, viewer);
}

/** An empty list unsubscribes from every newsletter; service emails (token emails, outcomes) still go out. */
export async function updateNewsletters(ctx: Context, viewer: Account, newsletters: Newsletter[]) {
  const account = await profileAccount(ctx, viewer);
  await setNewsletters(ctx.db, account.id, newsletters);
  return getProfile(ctx, viewer);
}

/**
 * One's own password, strong enough (`weakPassword`); the other sessions of the account end (the one making the
 * change stays signed in), and the account's activity says so.
 */
export async function changePassword(
  ctx: Context,
  viewer: Account,
  current: string,
  next: string,
  keepSessionId: string | null,
  from: Requester,
) {
  if (!(await verifyPassword(current, viewer.passwordHash))) {
    throw new Problem('wrongPassword', 'The current password is not right.', { field: 'currentPassword' });
  }
  if (current === next)
    throw new Problem('samePassword', 'The new password must differ from the current one.', {
      field: 'newPassword',
    });
  await requireStrongPassword(viewer, next, 'newPassword');
  const passwordHash = await hashPassword(next);
  await setPassword(ctx.db, viewer.id, passwordHash, keepSessionId);
  await recordActivity(ctx, viewer.id, 'passwordChanged', from);
}

/** The contacts that may receive the billing information: the account itself and the contacts it keeps. */
export async function billingChoices(ctx: Context, account: Account): Promise<Account[]> {
  return accountAndContacts(ctx.db, account.id);
}
