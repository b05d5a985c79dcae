import { ApplicationFailure } from '@temporalio/common';
import { eq, sql } from 'drizzle-orm';
import { Errors, type Decision, type Party, type Role, type State } from '../domain/contact-change.js';
import { holderOf } from '../domain/permissions.js';
import { loadChangeView } from '../db/queries.js';
import { contactChanges, pendingRoles } from '../db/schema.js';
import { addEvent, now } from './events.js';
import type { ActivityDeps } from './index.js';

export const notFound = (changeId: string) =>
  ApplicationFailure.create({
    type: Errors.NotFound,
    message: `Contact change ${changeId} does not exist`,
    nonRetryable: true,
  });

type Validity = { ok: true } | { ok: false; reason: string };

export function projectionActivities({ db }: ActivityDeps) {
  const setState = async ({ changeId, state }: { changeId: string; state: State }): Promise<void> => {
    await db.transaction(async (tx) => {
      const updated = await tx
        .update(contactChanges)
        .set({ state, updatedAt: now() })
        .where(eq(contactChanges.id, changeId))
        .returning({ id: contactChanges.id });
      if (updated.length === 0) throw notFound(changeId);
      await addEvent(tx, { changeId, type: 'state', detail: { state }, dedupeKey: `${changeId}:state:${state}` });
    });
  };

  /** Checks again, before any token is sent, what the API checked when the request was made. */
  const checkValidity = async ({ changeId }: { changeId: string }): Promise<Validity> => {
    const view = await loadChangeView(db, changeId);
    if (!view) throw notFound(changeId);
    const { change, service, from, to } = view;
    const lost = change.roles.filter((role) => holderOf(service, role as Role) !== from.id);
    if (lost.length > 0)
      return { ok: false, reason: `${from.handle} no longer holds the ${lost.join(', ')} role of ${service.name}` };
    if (!to.active) return { ok: false, reason: `${to.handle} is no longer active` };
    if (to.id === from.id) return { ok: false, reason: `${to.handle} already holds these roles` };
    return { ok: true };
  };

  return {
    setState,
    checkValidity,

    /**
     * Opens a request in one step: `checkValidity`, the check, then `validatingByCustomers` when it passes (a failed
     * check is ended by `finish`). Run again once it has opened the request, it answers the same and writes nothing.
     */
    async openRequest({ changeId }: { changeId: string }): Promise<Validity> {
      const [row] = await db
        .select({ state: contactChanges.state })
        .from(contactChanges)
        .where(eq(contactChanges.id, changeId));
      if (!row) throw notFound(changeId);
      if (row.state === 'validatingByCustomers') return { ok: true };
      await setState({ changeId, state: 'checkValidity' });
      const check = await checkValidity({ changeId });
      if (check.ok) await setState({ changeId, state: 'validatingByCustomers' });
      return check;
    },

    async recordDecision(input: {
      changeId: string;
      party: Party;
      decision: Decision;
      noteId?: string;
    }): Promise<void> {
      const { changeId, party, decision, noteId } = input;
      const columns =
        party === 'from'
          ? { fromDecision: decision, fromDecidedAt: now() }
          : { toDecision: decision, toDecidedAt: now() };
      await db.transaction(async (tx) => {
        const [row] = await tx
          .update(contactChanges)
          .set({ ...columns, updatedAt: now() })
          .where(eq(contactChanges.id, changeId))
          .returning({ fromId: contactChanges.fromId, toId: contactChanges.toId });
        if (!row) throw notFound(changeId);
        await addEvent(tx, {
          changeId,
          type: decision,
          party,
          accountId: party === 'from' ? row.fromId : row.toId,
          detail: noteId ? { noteId } : null,
          dedupeKey: `${changeId}:decision:${party}`,
        });
      });
    },

    /** A new sending: older tokens stop working and the failed-attempt lock is lifted. */
    async startSending(input: { changeId: string; sending: number; by: string; noteId?: string }): Promise<void> {
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
    },

    /** Pushes the deadline back; the emails sent from now on show the new one. */
    async recordExtension(input: { changeId: string; expiresAt: number; by: string; noteId?: string }): Promise<void> {
      const { changeId, expiresAt, by, noteId } = input;
      const at = new Date(expiresAt);
      await db.transaction(async (tx) => {
        // Extensions only ever move later: two of them finishing out of order must leave the later one.
        const updated = await tx
          .update(contactChanges)
          .set({
            expiresAt: sql`greatest(${contactChanges.expiresAt}, ${at.toISOString()}::timestamptz)`,
            updatedAt: now(),
          })
          .where(eq(contactChanges.id, changeId))
          .returning({ id: contactChanges.id });
        if (updated.length === 0) throw notFound(changeId);
        await addEvent(tx, {
          changeId,
          type: 'extended',
          accountId: by,
          detail: { expiresAt: at.toISOString(), ...(noteId ? { noteId } : {}) },
          dedupeKey: `${changeId}:extended:${expiresAt}`,
        });
      });
    },

    /** Ends a request that changed nothing, and frees its roles for another request. */
    async finish(input: {
      changeId: string;
      state: State;
      by?: string;
      noteId?: string;
      reason?: string;
    }): Promise<void> {
      const { changeId, state, by, noteId, reason } = input;
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
          detail: { state, ...(reason ? { reason } : {}), ...(noteId ? { noteId } : {}) },
          dedupeKey: `${changeId}:state:${state}`,
        });
      });
    },
  };
}
