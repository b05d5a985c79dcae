import type { Party } from '../domain/contact-change.js';
import * as changes from '../db/changes.js';
import { loadChangeState, loadNote } from '../db/queries.js';
import type { ActivityDeps } from './index.js';
import { notFound, projectionActivities } from './projection.js';
import { handOverAfter } from './webhooks.js';

export function commitActivities(deps: ActivityDeps) {
  const { db } = deps;
  const { recordDecision } = projectionActivities(deps);
  /** Moves the roles (`commitChange` in db/changes.ts): once however often it runs, and always the same answer. */
  const commitChange = async ({ changeId }: { changeId: string }): Promise<{ state: 'done' | 'error' }> => {
    const committed = await changes.commitChange(db, changeId);
    if (!committed) throw notFound(changeId);
    await handOverAfter(deps, changeId);
    return committed;
  };

  /**
   * `doing`, then the commit: the request shows `doing` while the commit is retried. Run again after the commit,
   * it writes nothing more and answers the same.
   */
  const commitRequest = async ({ changeId }: { changeId: string }): Promise<{ state: 'done' | 'error' }> => {
    if (!(await changes.markDoing(db, changeId))) throw notFound(changeId);
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
      const state = await loadChangeState(db, input.changeId);
      if (!state) throw notFound(input.changeId);
      // Run again after the commit: the decision is written already, and its time is kept.
      if (state === 'validatingByCustomers') await recordDecision({ ...input, decision: 'accepted' });
      return commitRequest({ changeId: input.changeId });
    },

    /**
     * For a change the provider applies (PROVIDER_APPLIES): the acceptance that completes both, then `doing`, where
     * the request waits for the provider's word. Written once however often it runs.
     */
    async acceptAndAwaitProvider(input: { changeId: string; party: Party; noteId?: string }): Promise<void> {
      const state = await loadChangeState(db, input.changeId);
      if (!state) throw notFound(input.changeId);
      if (state === 'validatingByCustomers') await recordDecision({ ...input, decision: 'accepted' });
      if (!(await changes.markDoing(db, input.changeId))) throw notFound(input.changeId);
      await handOverAfter(deps, input.changeId);
    },

    /** Both accepted (their decisions written apart): `doing`, waiting for the provider's word. */
    async awaitProvider({ changeId }: { changeId: string }): Promise<void> {
      if (!(await changes.markDoing(db, changeId))) throw notFound(changeId);
      await handOverAfter(deps, changeId);
    },

    /**
     * The provider could not apply the change: `error`, roles unchanged, the provider's reason (a note, kept out of
     * the workflow's history) written as the request's end reason. Once however often it runs.
     */
    async applyFailed({ changeId, noteId }: { changeId: string; noteId?: string }): Promise<void> {
      const reason = (await loadNote(db, changeId, noteId ?? null)) ?? 'the provider could not apply the change';
      await changes.finish(db, { changeId, state: 'error', reason });
      await handOverAfter(deps, changeId);
    },
  };
}
