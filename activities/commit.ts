import { eq } from 'drizzle-orm';
import type { Role } from '../domain/contact-change.js';
import { holderOf } from '../domain/permissions.js';
import { contactChanges, pendingRoles, services } from '../db/schema.js';
import { addEvent, now } from './events.js';
import type { ActivityDeps } from './index.js';
import { notFound } from './projection.js';

const column = { admin: 'adminId', tech: 'techId', billing: 'billingId' } as const;

export function commitActivities({ db }: ActivityDeps) {
  return {
    /**
     * Moves the roles in one transaction. The request row is locked and its state checked first,
     * so a retried or duplicated call commits once and answers the same.
     */
    async commitChange({ changeId }: { changeId: string }): Promise<{ state: 'done' | 'error' }> {
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
          await tx.update(contactChanges).set({ ...end, state: 'error', endReason: reason }).where(eq(contactChanges.id, changeId));
          await tx.delete(pendingRoles).where(eq(pendingRoles.changeId, changeId));
          await addEvent(tx, { changeId, type: 'state', detail: { state: 'error', reason }, dedupeKey: `${changeId}:state:error` });
          return { state: 'error' };
        }
        const moved = Object.fromEntries(roles.map((role) => [column[role], change.toId]));
        await tx.update(services).set({ ...moved, updatedAt: now() }).where(eq(services.id, change.serviceId));
        await tx.update(contactChanges).set({ ...end, state: 'done' }).where(eq(contactChanges.id, changeId));
        await tx.delete(pendingRoles).where(eq(pendingRoles.changeId, changeId));
        await addEvent(tx, {
          changeId, type: 'state', detail: { state: 'done', roles },
          dedupeKey: `${changeId}:state:done`,
        });
        return { state: 'done' };
      });
    },
  };
}
