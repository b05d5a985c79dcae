import { WorkflowUpdateFailedError, isGrpcServiceError, type Client } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError, type UpdateDefinition } from '@temporalio/common';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { addNote, removeNote } from '../db/changes.js';
import { newId, workflowIdOf } from '../domain/ids.js';
import { Errors } from '../domain/contact-change.js';
import type { contactChange } from '../workflows/contact-change.js';
import type { ChangeStatus } from '../workflows/messages.js';
import { Problem, type ProblemCode } from '../core/problems.js';

export async function startChangeWorkflow(
  temporal: Client,
  config: Config,
  change: { id: string; createdAt: Date; expiresAt: Date },
  kind: string,
): Promise<void> {
  await temporal.workflow.start<typeof contactChange>('contactChange', {
    workflowId: workflowIdOf(change.id),
    taskQueue: config.temporal.taskQueue,
    workflowIdConflictPolicy: 'FAIL',
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
    args: [
      {
        changeId: change.id,
        createdAt: change.createdAt.getTime(),
        expiresAt: change.expiresAt.getTime(),
        reminderAfterMs: config.reminderAfterMs,
        resendCooldownMs: config.resendCooldownMs,
        ...(config.providerApplies.includes(kind.trim().toLowerCase()) ? { providerApplies: true } : {}),
      },
    ],
  });
}

/** The failure type a workflow's update validator gave, or null when the failure came from elsewhere. */
export function rejectionType(err: unknown): Errors | null {
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    return (err.cause.type as Errors | undefined) ?? null;
  }
  return null;
}

/**
 * Temporal's answers to an update that it did not hand to the workflow and that may simply be sent again: more than
 * 10 updates in flight on one workflow (a burst of clicks on one request), or an update lost when Temporal cleared the
 * workflow's update registry (as after a workflow task that failed under such a burst). They say nothing of an
 * outage: Temporal out of reach is another error, and still ends in a 503 at once.
 */
function isContention(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if (!isGrpcServiceError(e)) continue;
    const detail = e.details ?? e.message;
    if (e.code === 8 && /concurrent in-flight updates/i.test(detail)) return true;
    if (e.code === 14 && /workflow update was aborted/i.test(detail)) return true;
  }
  return false;
}

/**
 * How long an update is sent again while its workflow is busy with others, before the API gives up with a 503: longer
 * than a workflow task's 10 s timeout, after which Temporal clears the registry and the updates must be sent again.
 */
const CONTENTION_BUDGET_MS = 15_000;

export async function runUpdate<Arg>(
  temporal: Client,
  changeId: string,
  update: UpdateDefinition<ChangeStatus, [Arg]>,
  arg: Arg,
  /** Given, it makes every call with it one update: the first applies it, the others get its answer. */
  updateId = newId(),
): Promise<ChangeStatus> {
  // One id for every attempt: an update that did reach the workflow is answered, never applied twice.
  const deadline = Date.now() + CONTENTION_BUDGET_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await temporal.workflow.getHandle(workflowIdOf(changeId)).executeUpdate(update, { args: [arg], updateId });
    } catch (err) {
      if (!isContention(err) || Date.now() > deadline) throw err;
      // Spread out, so that the updates a burst sent together do not all come back at the same instant.
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 1.5 ** attempt) * (0.5 + Math.random())));
    }
  }
}

const REJECTIONS: Partial<Record<Errors, ProblemCode>> = {
  [Errors.NotPending]: 'notPending',
  [Errors.Expired]: 'alreadyEnded',
  [Errors.NothingToResend]: 'bothDecided',
  [Errors.ResendTooSoon]: 'resendTooSoon',
  [Errors.ResendLimit]: 'resendLimit',
  [Errors.ExtensionLimit]: 'extensionLimit',
};

/** Maps a refused cancel, resend or extension to its coded problem, with the workflow's facts. */
export function actionProblem(err: unknown): Problem | null {
  if (err instanceof WorkflowNotFoundError) return new Problem('alreadyEnded', 'This request has already ended.');
  const type = rejectionType(err);
  if (!type) return null;
  const failure = (err as WorkflowUpdateFailedError).cause as ApplicationFailure;
  const detail = failure.message || 'The request cannot do this now.';
  if (type === Errors.ResendTooSoon) {
    const seconds = Number(failure.details?.[0]);
    return new Problem('resendTooSoon', detail, Number.isFinite(seconds) ? { retryAfterSeconds: seconds } : {});
  }
  if (type === Errors.InvalidExpiry) {
    const code = String(failure.details?.[0]);
    const known = (['past', 'notLater', 'tooLate'] as const).find((c) => c === code) ?? 'past';
    return new Problem(known, detail, { field: 'expiresAt' });
  }
  return new Problem(REJECTIONS[type] ?? 'notPossibleNow', detail);
}

/**
 * Runs a call that may carry a person's words. The text is stored as a note first, because only its id may enter
 * workflow history; the note is removed again when the call fails.
 */
export async function withNote<T>(
  db: Db,
  note: { changeId: string; accountId: string | null; text?: string },
  run: (noteId: string | undefined) => Promise<T>,
): Promise<T> {
  const noteId = note.text ? newId() : undefined;
  if (noteId) await addNote(db, { id: noteId, changeId: note.changeId, accountId: note.accountId, text: note.text! });
  try {
    return await run(noteId);
  } catch (err) {
    if (noteId) await removeNote(db, noteId);
    throw err;
  }
}
