import { ApplicationFailure } from '@temporalio/common';
import { Errors, type Decision, type Party, type Role, type State } from '../domain/contact-change.js';
import type { CancelReason } from '../domain/email-changes.js';
import { holderOf } from '../domain/permissions.js';
import * as changes from '../db/changes.js';
import { loadChangeState, loadChangeView } from '../db/queries.js';
import type { ActivityDeps } from './index.js';
import { handOverAfter } from './webhooks.js';

export const notFound = (changeId: string) =>
  ApplicationFailure.create({
    type: Errors.NotFound,
    message: `Contact change ${changeId} does not exist`,
    nonRetryable: true,
  });

type Validity = { ok: true } | { ok: false; reason: string };

export function projectionActivities(deps: ActivityDeps) {
  const { db } = deps;
  const setState = async (input: { changeId: string; state: State }): Promise<void> => {
    if (!(await changes.setState(db, input))) throw notFound(input.changeId);
    await handOverAfter(deps, input.changeId);
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
      const state = await loadChangeState(db, changeId);
      if (!state) throw notFound(changeId);
      if (state === 'validatingByCustomers') return { ok: true };
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
      if (!(await changes.recordDecision(db, input))) throw notFound(input.changeId);
      await handOverAfter(deps, input.changeId);
    },

    /** A new sending: older tokens stop working and the failed-attempt lock is lifted. */
    async startSending(input: { changeId: string; sending: number; by: string; noteId?: string }): Promise<void> {
      await changes.startSending(db, input);
    },

    /** Pushes the deadline back; the emails sent from now on show the new one. */
    async recordExtension(input: { changeId: string; expiresAt: number; by: string; noteId?: string }): Promise<void> {
      if (!(await changes.recordExtension(db, input))) throw notFound(input.changeId);
    },

    /** Ends a request that changed nothing, and frees its roles for another request. */
    async finish(input: {
      changeId: string;
      state: State;
      by?: string;
      noteId?: string;
      reason?: string;
      cancelReason?: CancelReason;
    }): Promise<void> {
      await changes.finish(db, input);
      await handOverAfter(deps, input.changeId);
    },
  };
}
