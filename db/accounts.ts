import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { ContactInput, Newsletter, Permission, ProfileInput } from '../domain/contact.js';
import { newHandle, newId } from '../domain/ids.js';
import type { Db } from './client.js';
import { withdrawOpenInvitations } from './invitations.js';
import { accounts, type Account, type NewAccount } from './schema.js';
import { deleteSessionsOf } from './sessions.js';

/** The database or a transaction. */
type Executor = Pick<Db, 'update'>;

export async function findAccount(db: Db, id: string): Promise<Account | null> {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, id));
  return row ?? null;
}

export async function findAccountByHandle(db: Db, handle: string): Promise<Account | null> {
  const [row] = await db.select().from(accounts).where(eq(accounts.handle, handle));
  return row ?? null;
}

export function findAccountsByHandle(db: Db, handles: string[]): Promise<Account[]> {
  return handles.length ? db.select().from(accounts).where(inArray(accounts.handle, handles)) : Promise.resolve([]);
}

export function findAccountsById(db: Db, ids: string[]): Promise<Account[]> {
  return ids.length ? db.select().from(accounts).where(inArray(accounts.id, ids)) : Promise.resolve([]);
}

/** Raises a unique violation (see isUniqueViolation) when the handle is taken. */
export async function insertAccount(db: Db, values: NewAccount): Promise<Account> {
  const [row] = await db.insert(accounts).values(values).returning();
  return row!;
}

/**
 * A new password, which ends every web session of the account but `keepSessionId` (the one making the change stays
 * signed in); false when there is no such account.
 */
export async function setPassword(
  db: Db,
  accountId: string,
  passwordHash: string,
  keepSessionId?: string | null,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(accounts)
      .set({ passwordHash, updatedAt: new Date() })
      .where(eq(accounts.id, accountId))
      .returning({ id: accounts.id });
    if (updated.length === 0) return false;
    await deleteSessionsOf(tx, accountId, keepSessionId);
    return true;
  });
}

/**
 * The same password hashed again at today's cost; sessions stay. Only while the hash is still `previous`: a password
 * changed meanwhile is never overwritten.
 */
export async function upgradePasswordHash(db: Db, accountId: string, previous: string, passwordHash: string) {
  await db
    .update(accounts)
    .set({ passwordHash })
    .where(and(eq(accounts.id, accountId), eq(accounts.passwordHash, previous)));
}

/** Changes an account and marks it updated; the account as it is now. */
async function updateAccount(db: Executor, id: string, changes: Partial<NewAccount>): Promise<Account> {
  const [row] = await db
    .update(accounts)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(accounts.id, id))
    .returning();
  return row!;
}

/** The contacts an account keeps, by name: its book. */
export function listContactsOf(db: Db, keeperId: string): Promise<Account[]> {
  return db
    .select()
    .from(accounts)
    .where(and(eq(accounts.keptById, keeperId), isNull(accounts.deletedAt)))
    .orderBy(asc(accounts.lastName), asc(accounts.firstName), asc(accounts.id));
}

/** A contact of this book, by id or by handle; null for another book's contact and for a deleted one. */
export async function findContactOf(
  db: Db,
  keeperId: string,
  by: { id: string } | { handle: string },
): Promise<Account | null> {
  const [row] = await db
    .select()
    .from(accounts)
    .where(
      and(
        'id' in by ? eq(accounts.id, by.id) : eq(accounts.handle, by.handle),
        eq(accounts.keptById, keeperId),
        isNull(accounts.deletedAt),
      ),
    );
  return row ?? null;
}

/**
 * A new contact in the book: an account of its own (its own handle) without access to the customer area. Raises a
 * unique violation (see isUniqueViolation) when the email is already used in the book.
 */
export async function insertContact(db: Db, keeperId: string, input: ContactInput): Promise<Account> {
  const [row] = await db
    .insert(accounts)
    .values({ id: newId(), handle: newHandle(), ...input, role: 'customer', keptById: keeperId, access: 'none' })
    .returning();
  return row!;
}

/** A person's details (email, phone, address…); raises a unique violation when the email is already in the book. */
export function updateDetails(db: Db, id: string, details: ContactInput | ProfileInput): Promise<Account> {
  return updateAccount(db, id, details);
}

export function setAccountPermissions(db: Db, id: string, permissions: Permission[]): Promise<Account> {
  return updateAccount(db, id, { permissions });
}

export function setPreferences(
  db: Db,
  id: string,
  preferences: Pick<Account, 'billingContactId' | 'communication' | 'language'> & Partial<Pick<Account, 'timeZone'>>,
): Promise<Account> {
  return updateAccount(db, id, preferences);
}

export function setTimeZone(db: Db, id: string, timeZone: string | null): Promise<Account> {
  return updateAccount(db, id, { timeZone });
}

/** The zone a browser reported at sign-in, for an account that has none yet; a chosen zone is never replaced. */
export async function setTimeZoneIfUnset(db: Db, id: string, timeZone: string): Promise<void> {
  await db
    .update(accounts)
    .set({ timeZone })
    .where(and(eq(accounts.id, id), isNull(accounts.timeZone)));
}

export function setNewsletters(db: Db, id: string, newsletters: Newsletter[]): Promise<Account> {
  return updateAccount(db, id, { newsletters });
}

export function reactivateSubAccount(db: Db, id: string): Promise<Account> {
  return updateAccount(db, id, { access: 'active' });
}

/** Stops a sub-account: its access, and its sessions at once, together. */
export async function deactivateSubAccount(db: Db, id: string): Promise<Account> {
  return db.transaction(async (tx) => {
    const row = await updateAccount(tx, id, { access: 'deactivated' });
    await deleteSessionsOf(tx, id);
    return row;
  });
}

/**
 * Takes a contact out of its book; the row stays for the history of past requests. A sub-account's access ends with
 * it: its open invitations are withdrawn and its sessions end, in the same transaction.
 */
export async function softDeleteContact(db: Db, contact: Pick<Account, 'id' | 'access'>): Promise<void> {
  await db.transaction(async (tx) => {
    await updateAccount(tx, contact.id, {
      deletedAt: new Date(),
      active: false,
      access: contact.access === 'none' ? 'none' : 'deactivated',
    });
    await withdrawOpenInvitations(tx, contact.id);
    await deleteSessionsOf(tx, contact.id);
  });
}

/** Whether the account receives the billing information of another. */
export async function isBillingContact(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.billingContactId, id)).limit(1);
  return row !== undefined;
}

/** The account itself and the contacts it keeps, by name. */
export function accountAndContacts(db: Db, accountId: string): Promise<Account[]> {
  return db
    .select()
    .from(accounts)
    .where(and(or(eq(accounts.id, accountId), eq(accounts.keptById, accountId)), isNull(accounts.deletedAt)))
    .orderBy(accounts.lastName, accounts.firstName);
}
