import { eq } from 'drizzle-orm';
import type { Party, Role } from '../domain/contact-change.js';
import { holderOf } from '../domain/permissions.js';
import { contactChanges, pendingRoles, services } from '../db/schema.js';
import { addEvent, now } from './events.js';
import type { ActivityDeps } from './index.js';
import { notFound, projectionActivities } from './projection.js';

const column = { admin: 'adminId', tech: 'techId', billing: 'billingId' } as const;

export function commitActivities(deps: ActivityDeps) {
  const { db } = deps;
  const { recordDecision } = projectionActivities(deps);
  /**
   * Moves the roles in one transaction. The request row is locked and its state checked first,
   * so a retried or duplicated call commits once and answers the same.
   */
  const commitChange = async ({ changeId }: { changeId: string }): Promise<{ state: 'done' | 'error' }> => {
    return db.transaction(async (tx) => {
      const [change] = await tx.select().from(contactChanges).where(eq(contactChanges.id, changeId)).for('update');
      if (!change) throw notFound(changeId);
      if (change.state === 'done' || change.state === 'error') return { state: change.state };
      const [service] = await tx.select().from(services).where(eq(services.id, change.serviceId)).for('update');
      const roles = change.roles as Role[];
      const lost = roles.filter((role) => holderOf(service!, role) !== change.fromId);
      const end = { endedAt: now(), updatedAt: now(), failingStep: null, failingSince: null };
      if (lost.length > 0) {
        const reason = `the ${lost.join(', ')} role moved to someone else in the meantime`;
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
      return { state: 'done' };
    });
  };

  /**
   * `doing`, then the commit: the request shows `doing` while the commit is retried. Run again after the commit,
   * it writes nothing more and answers the same.
   */
  const commitRequest = async ({ changeId }: { changeId: string }): Promise<{ state: 'done' | 'error' }> => {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .select({ state: contactChanges.state })
        .from(contactChanges)
        .where(eq(contactChanges.id, changeId))
        .for('update');
      if (!row) throw notFound(changeId);
      if (row.state !== 'validatingByCustomers' && row.state !== 'doing') return;
      await tx.update(contactChanges).set({ state: 'doing', updatedAt: now() }).where(eq(contactChanges.id, changeId));
      await addEvent(tx, { changeId, type: 'state', detail: { state: 'doing' }, dedupeKey: `${changeId}:state:doing` });
    });
    return commitChange({ changeId });
  };

  return {
    commitChange,
    commitRequest,

    /** The acceptance that completes both, then `doing` and the commit: each part is written once however often it
     * runs. */
    async acceptAndCommit(input: {
      changeId: string;
      party: Party;
      noteId?: string;
    }): Promise<{ state: 'done' | 'error' }> {
      const [row] = await db
        .select({ state: contactChanges.state })
        .from(contactChanges)
        .where(eq(contactChanges.id, input.changeId));
      if (!row) throw notFound(input.changeId);
      // Run again after the commit: the decision is written already, and its time is kept.
      if (row.state === 'validatingByCustomers') await recordDecision({ ...input, decision: 'accepted' });
      return commitRequest({ changeId: input.changeId });
    },
  };
}
