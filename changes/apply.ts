import type { Context } from '../core/context.js';
import { Problem } from '../core/problems.js';
import { loadChangeView, type ChangeView } from '../db/queries.js';
import type { Account } from '../db/schema.js';
import { appliedUpdate, failedUpdate } from '../workflows/messages.js';
import { assertSupport, requiredReason } from './support.js';
import { actionProblem, runUpdate, withNote } from './workflow.js';

/**
 * The provider's word on a change it applies (PROVIDER_APPLIES): it applied it (the roles move, `done`) or failed
 * (`error`, its reason on the request). Both are idempotent: the same word again answers the request as it is; the
 * other word, once one is taken, is 409 `notPending` (the first of two racing words wins). Support may say either for
 * the provider when it never answers.
 */

type Word = 'applied' | 'failed';

/** Whether the provider applies the changes of this kind of service (PROVIDER_APPLIES). */
export const providerAppliesTo = (ctx: Context, kind: string): boolean =>
  ctx.config.providerApplies.includes(kind.trim().toLowerCase());

/** What the request became for this word, when it already did: the same word sent again. */
const settledBy = (view: ChangeView, word: Word) =>
  (word === 'applied' && view.change.state === 'done') || (word === 'failed' && view.change.state === 'error');

async function say(ctx: Context, id: string, word: Word, by: Account | null, reason?: string): Promise<ChangeView> {
  const view = await loadChangeView(ctx.db, id);
  if (!view) throw new Problem('notFound', `There is no contact change ${id}.`);
  if (!providerAppliesTo(ctx, view.service.kind)) {
    throw new Problem(
      'notPending',
      `Countersign applies the changes of a ${view.service.kind} itself (PROVIDER_APPLIES); it waits for no word.`,
    );
  }
  if (settledBy(view, word)) return view;
  const changeId = view.change.id;
  const update = word === 'applied' ? appliedUpdate : failedUpdate;
  await withNote(ctx.db, { changeId, accountId: by?.id ?? null, text: reason }, (noteId) =>
    // One update id per word: racing calls of the same word are one update, answered alike.
    runUpdate(ctx.temporal, changeId, update, { by: by?.id ?? 'provider', noteId }, `${changeId}-${word}`),
  ).catch(async (err: unknown) => {
    const problem = actionProblem(err);
    // Ended meanwhile, by this very word (a retry after a timeout): the answer is the request as it is.
    const now = problem ? await loadChangeView(ctx.db, changeId) : null;
    if (now && settledBy(now, word)) return;
    throw problem ?? err;
  });
  return (await loadChangeView(ctx.db, changeId))!;
}

export const providerApplied = (ctx: Context, id: string) => say(ctx, id, 'applied', null);

export const providerFailed = (ctx: Context, id: string, reason: string) =>
  say(ctx, id, 'failed', null, requiredReason(reason));

export function supportApplied(ctx: Context, account: Account, id: string, reason: string) {
  assertSupport(account);
  return say(ctx, id, 'applied', account, requiredReason(reason));
}

export function supportFailed(ctx: Context, account: Account, id: string, reason: string) {
  assertSupport(account);
  return say(ctx, id, 'failed', account, requiredReason(reason));
}
