import type { Party } from '../domain/contact-change.js';
import * as changes from '../db/changes.js';
import { loadChangeState } from '../db/queries.js';
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
  };
}
