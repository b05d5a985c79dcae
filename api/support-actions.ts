import type { WorkflowUpdateFailedError } from '@temporalio/client';
import type { ApplicationFailure } from '@temporalio/common';
import type { FastifyInstance } from 'fastify';
import { Errors } from '../domain/contact-change.js';
import { loadChangeView, type ChangeView } from '../db/queries.js';
import type { Account } from '../db/schema.js';
import { extendUpdate } from '../workflows/messages.js';
import { cancelChange, resendChange, visibleChange } from './change-actions.js';
import { Problem } from './problems.js';
import { actionProblem, rejectionType, runUpdate, withNote } from './workflow-calls.js';

/**
 * What support staff do to someone else's request. Each action says why: the reason lands on the timeline.
 * Refusals are Problems with `field` (the input concerned) and `code` (for pages to word in their language).
 */

export const MAX_REASON_LENGTH = 1000;

export function assertSupport(account: Account): void {
  if (account.role !== 'support') throw new Problem(403, 'Forbidden', 'Only support staff may do this.');
}

export function requiredReason(reason: string | undefined): string {
  const text = reason?.trim() ?? '';
  if (!text) {
    throw new Problem(422, 'Reason required', "Write why you do this; the reason is shown on the request's timeline.", {
      field: 'reason',
      code: 'reasonRequired',
    });
  }
  if (text.length > MAX_REASON_LENGTH) {
    throw new Problem(422, 'Reason too long', `Keep the reason under ${MAX_REASON_LENGTH} characters.`, {
      field: 'reason',
      code: 'reasonTooLong',
    });
  }
  return text;
}

/** Maps a refused extension to an answer; the workflow's validator is the one that knows the current expiry. */
function extendProblem(err: unknown): Problem | null {
  if (rejectionType(err) !== Errors.InvalidExpiry) return actionProblem(err);
  const cause = (err as WorkflowUpdateFailedError).cause as ApplicationFailure;
  return new Problem(422, 'Invalid expiry', cause.message, {
    field: 'expiresAt',
    code: String(cause.details?.[0] ?? 'invalid'),
  });
}

/** Gives the contacts until `expiresAt` to decide: later than now and than the current expiry, at most 30 days ahead.
 * */
export async function extendChange(
  app: FastifyInstance,
  account: Account,
  id: string,
  expiresAt: Date,
  reason: string,
): Promise<ChangeView> {
  assertSupport(account);
  const text = requiredReason(reason);
  const view = await visibleChange(app, account, id);
  if (view.change.state !== 'validatingByCustomers') {
    throw new Problem(
      409,
      'Not possible now',
      `This request is ${view.change.state}; only a request waiting for its contacts can be extended.`,
      { code: 'notPending' },
    );
  }
  const changeId = view.change.id;
  await withNote(app.db, { changeId, accountId: account.id, text }, (noteId) =>
    runUpdate(app.temporal, changeId, extendUpdate, { by: account.id, noteId, expiresAt: expiresAt.getTime() }),
  ).catch((err) => {
    throw extendProblem(err) ?? err;
  });
  return (await loadChangeView(app.db, changeId))!;
}

export async function supportResend(
  app: FastifyInstance,
  account: Account,
  id: string,
  reason: string,
): Promise<ChangeView> {
  assertSupport(account);
  return resendChange(app, account, id, requiredReason(reason));
}

export async function supportCancel(
  app: FastifyInstance,
  account: Account,
  id: string,
  reason: string,
): Promise<ChangeView> {
  assertSupport(account);
  return cancelChange(app, account, id, requiredReason(reason));
}
