import { and, eq, sql } from 'drizzle-orm';
import type { Decision, Party, Role, State } from '../domain/contact-change.js';
import { CANCEL_REASONS, type CancelReason } from '../domain/email-changes.js';
import { holderOf } from '../domain/permissions.js';
import { now, type Db } from './client.js';
import { changeEvents, contactChanges, notes, pendingRoles, services, type NewContactChange } from './schema.js';
import { addEvent } from './timeline.js';
import { addOutboxEvent } from './events.js';
import { endingEvent } from '../domain/events.js';

// The writes of a request (a row of contact_changes, its pending roles and its timeline). Each function takes the
// database first; one that returns false or null found no such request and wrote nothing.

export async function setState(db: Db, { changeId, state }: { changeId: string; state: State }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(contactChanges)
      .set({ state, updatedAt: now() })
      .where(eq(contactChanges.id, changeId))
      .returning({ id: contactChanges.id });
    if (updated.length === 0) return false;
    await addEvent(tx, { changeId, type: 'state', detail: { state }, dedupeKey: `${changeId}:state:${state}` });
    // Told once its workflow has taken it: a request whose workflow never started is taken back (removeChange) untold.
    if (state === 'checkValidity') {
      await addOutboxEvent(tx, { changeId, type: 'contact_change.created', dedupeKey: `${changeId}:created` });
    }
    return true;
  });
}

export async function recordDecision(
  db: Db,
  input: { changeId: string; party: Party; decision: Decision; noteId?: string },
): Promise<boolean> {
  const { changeId, party, decision, noteId } = input;
  const columns =
    party === 'from' ? { fromDecision: decision, fromDecidedAt: now() } : { toDecision: decision, toDecidedAt: now() };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(contactChanges)
      .set({ ...columns, updatedAt: now() })
      .where(eq(contactChanges.id, changeId))
      .returning({ fromId: contactChanges.fromId, toId: contactChanges.toId });
    if (!row) return false;
    await addEvent(tx, {
      changeId,
      type: decision,
      party,
      accountId: party === 'from' ? row.fromId : row.toId,
      detail: noteId ? { noteId } : null,
      dedupeKey: `${changeId}:decision:${party}`,
    });
    await addOutboxEvent(tx, {
      changeId,
      type: 'contact_change.decision',
      dedupeKey: `${changeId}:decision:${party}`,
      extra: { decision: { party, decision } },
    });
    return true;
  });
}

/** A new sending: older tokens stop working and the failed-attempt lock is lifted. */
export async function startSending(
  db: Db,
  input: { changeId: string; sending: number; by: string; noteId?: string },
): Promise<void> {
  const { changeId, sending, by, noteId } = input;
  await db.transaction(async (tx) => {
    await tx
      .update(contactChanges)
      .set({ sending, failedAttempts: 0, updatedAt: now() })
      .where(eq(contactChanges.id, changeId));
    await addEvent(tx, {
      changeId,
      type: 'resent',
      accountId: by,
      detail: { sending, ...(noteId ? { noteId } : {}) },
      dedupeKey: `${changeId}:resent:${sending}`,
    });
  });
}

/** Pushes the deadline back; the emails sent from now on show the new one. */
export async function recordExtension(
  db: Db,
  input: { changeId: string; expiresAt: number; by: string; noteId?: string },
): Promise<boolean> {
  const { changeId, expiresAt, by, noteId } = input;
  const at = new Date(expiresAt);
  return db.transaction(async (tx) => {
    // Extensions only ever move later: two of them finishing out of order must leave the later one.
    const updated = await tx
      .update(contactChanges)
      .set({
        expiresAt: sql`greatest(${contactChanges.expiresAt}, ${at.toISOString()}::timestamptz)`,
        updatedAt: now(),
      })
      .where(eq(contactChanges.id, changeId))
      .returning({ id: contactChanges.id });
    if (updated.length === 0) return false;
    await addEvent(tx, {
      changeId,
      type: 'extended',
      accountId: by,
      detail: { expiresAt: at.toISOString(), ...(noteId ? { noteId } : {}) },
      dedupeKey: `${changeId}:extended:${expiresAt}`,
    });
    return true;
  });
}

/**
 * Ends a request that changed nothing, and frees its roles for another request. A request the system cancels
 * (`cancelReason`) is ended by nobody: its reason is written in English, with its code for the pages and emails.
 */
export async function finish(
  db: Db,
  input: { changeId: string; state: State; by?: string; noteId?: string; reason?: string; cancelReason?: CancelReason },
): Promise<void> {
  const { changeId, state, noteId, cancelReason } = input;
  const by = cancelReason ? undefined : input.by;
  const reason = input.reason ?? (cancelReason ? CANCEL_REASONS[cancelReason] : undefined);
  await db.transaction(async (tx) => {
    await tx
      .update(contactChanges)
      .set({
        state,
        endedAt: now(),
        updatedAt: now(),
        endedById: by ?? null,
        endNoteId: noteId ?? null,
        endReason: reason ?? null,
        failingStep: null,
        failingSince: null,
      })
      .where(eq(contactChanges.id, changeId));
    await tx.delete(pendingRoles).where(eq(pendingRoles.changeId, changeId));
    await addEvent(tx, {
      changeId,
      type: 'state',
      accountId: by ?? null,
      detail: {
        state,
        ...(reason ? { reason } : {}),
        ...(cancelReason ? { reasonCode: cancelReason } : {}),
        ...(noteId ? { noteId } : {}),
      },
      dedupeKey: `${changeId}:state:${state}`,
    });
    if (state === 'refused' || state === 'expired' || state === 'aborted' || state === 'error') {
      await addOutboxEvent(tx, { changeId, type: endingEvent(state), dedupeKey: `${changeId}:end` });
    }
  });
}

/** `doing`, before the commit: the request row is locked, and only a pending or `doing` request becomes `doing`. */
export async function markDoing(db: Db, changeId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ state: contactChanges.state })
      .from(contactChanges)
      .where(eq(contactChanges.id, changeId))
      .for('update');
    if (!row) return false;
    // Already `doing` (a step run again): written once, and the time it became so (APPLY_TIMEOUT's start) is kept.
    if (row.state !== 'validatingByCustomers') return true;
    await tx.update(contactChanges).set({ state: 'doing', updatedAt: now() }).where(eq(contactChanges.id, changeId));
    await addEvent(tx, { changeId, type: 'state', detail: { state: 'doing' }, dedupeKey: `${changeId}:state:doing` });
    await addOutboxEvent(tx, { changeId, type: 'contact_change.applying', dedupeKey: `${changeId}:applying` });
    return true;
  });
}

const column = { admin: 'adminId', tech: 'techId', billing: 'billingId' } as const;

/**
 * Moves the roles in one transaction. The request row is locked and its state checked first,
 * so a retried or duplicated call commits once and answers the same.
 */
export async function commitChange(db: Db, changeId: string): Promise<{ state: 'done' | 'error' } | null> {
  return db.transaction(async (tx) => {
    const [change] = await tx.select().from(contactChanges).where(eq(contactChanges.id, changeId)).for('update');
    if (!change) return null;
    if (change.state === 'done' || change.state === 'error') return { state: change.state };
    const [service] = await tx.select().from(services).where(eq(services.id, change.serviceId)).for('update');
    const roles = change.roles as Role[];
    const lost = roles.filter((role) => holderOf(service!, role) !== change.fromId);
    const end = { endedAt: now(), updatedAt: now(), failingStep: null, failingSince: null };
    if (lost.length > 0 || service!.deletedAt) {
      const reason = service!.deletedAt
        ? 'the provider removed the service in the meantime'
        : `the ${lost.join(', ')} role moved to someone else in the meantime`;
      await tx
        .update(contactChanges)
        .set({ ...end, state: 'error', endReason: reason })
        .where(eq(contactChanges.id, changeId));
      await tx.delete(pendingRoles).where(eq(pendingRoles.changeId, changeId));
      await addEvent(tx, {
        changeId,
        type: 'state',
        detail: { state: 'error', reason },
        dedupeKey: `${changeId}:state:error`,
      });
      await addOutboxEvent(tx, { changeId, type: 'contact_change.error', dedupeKey: `${changeId}:end` });
      return { state: 'error' };
    }
    const moved = Object.fromEntries(roles.map((role) => [column[role], change.toId]));
    await tx
      .update(services)
      .set({ ...moved, updatedAt: now() })
      .where(eq(services.id, change.serviceId));
    await tx
      .update(contactChanges)
      .set({ ...end, state: 'done' })
      .where(eq(contactChanges.id, changeId));
    await tx.delete(pendingRoles).where(eq(pendingRoles.changeId, changeId));
    await addEvent(tx, {
      changeId,
      type: 'state',
      detail: { state: 'done', roles },
      dedupeKey: `${changeId}:state:done`,
    });
    await addOutboxEvent(tx, { changeId, type: 'contact_change.done', dedupeKey: `${changeId}:end` });
    return { state: 'done' };
  });
}

/** The step that keeps failing, since when (the first time it was marked) and the last error, for the support view. */
export async function markFailingStep(db: Db, input: { changeId: string; step: string; error: string }): Promise<void> {
  await db
    .update(contactChanges)
    .set({
      failingStep: input.step,
      failingSince: sql`coalesce(${contactChanges.failingSince}, now())`,
      lastError: input.error,
    })
    .where(eq(contactChanges.id, input.changeId));
}

/** Clears the mark once the step succeeds; a mark another step has set since stays. */
export async function clearFailingStep(db: Db, input: { changeId: string; step: string }): Promise<void> {
  await db
    .update(contactChanges)
    .set({ failingStep: null, failingSince: null })
    .where(and(eq(contactChanges.id, input.changeId), eq(contactChanges.failingStep, input.step)));
}

/** Rolls back insertChange's transaction when another request holds some of the roles. */
class ServiceChanged extends Error {}

class RolesTaken extends Error {
  constructor(readonly roles: Role[]) {
    super('roles taken');
  }
}

/**
 * A new request with its pending roles and its `created` entry, in one transaction. The `pending_roles` primary key
 * decides between two requests made at the same moment: the roles already taken are returned, and nothing is written.
 */
export async function insertChange(
  db: Db,
  change: Omit<NewContactChange, 'roles'> & { roles: Role[] },
  created: { accountId: string; detail: Record<string, unknown> },
): Promise<{ busy: Role[]; stale?: true }> {
  try {
    await db.transaction(async (tx) => {
      // The service as it is now, kept so until the request exists: the provider changing its contacts or removing it
      // (which locks it for update) waits for this request, and then finds it pending; or this one finds the change.
      const [service] = await tx.select().from(services).where(eq(services.id, change.serviceId)).for('share');
      if (!service || service.deletedAt || change.roles.some((role) => holderOf(service, role) !== change.fromId)) {
        throw new ServiceChanged();
      }
      await tx.insert(contactChanges).values(change);
      const taken = await tx
        .insert(pendingRoles)
        .values(change.roles.map((role) => ({ serviceId: change.serviceId, role, changeId: change.id! })))
        .onConflictDoNothing()
        .returning();
      if (taken.length < change.roles.length) {
        throw new RolesTaken(change.roles.filter((r) => !taken.some((t) => t.role === r)));
      }
      await tx.insert(changeEvents).values({ changeId: change.id!, type: 'created', ...created });
    });
  } catch (err) {
    if (err instanceof RolesTaken) return { busy: err.roles };
    if (err instanceof ServiceChanged) return { busy: [], stale: true };
    throw err;
  }
  return { busy: [] };
}

/** Takes back a request whose workflow could not start: as if it had never been asked. */
export async function removeChange(db: Db, changeId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(pendingRoles).where(eq(pendingRoles.changeId, changeId));
    await tx.delete(changeEvents).where(eq(changeEvents.changeId, changeId));
    await tx.delete(contactChanges).where(eq(contactChanges.id, changeId));
  });
}

/** One more wrong code tried on the request; the count after it, or null when there is no such request. */
export async function countWrongCode(db: Db, changeId: string): Promise<number | null> {
  const [row] = await db
    .update(contactChanges)
    .set({ failedAttempts: sql`${contactChanges.failedAttempts} + 1` })
    .where(eq(contactChanges.id, changeId))
    .returning({ failedAttempts: contactChanges.failedAttempts });
  return row?.failedAttempts ?? null;
}

/** A person's words (a reason), kept apart from the workflow history, which holds only the note's id. */
/** `accountId` null: the provider's own words (through the admin API). */
export async function addNote(db: Db, note: { id: string; changeId: string; accountId: string | null; text: string }) {
  await db.insert(notes).values(note);
}

export async function removeNote(db: Db, noteId: string): Promise<void> {
  await db.delete(notes).where(eq(notes.id, noteId));
}
