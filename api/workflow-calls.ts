import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError, type UpdateDefinition } from '@temporalio/common';
import { eq } from 'drizzle-orm';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { notes } from '../db/schema.js';
import { newId, workflowIdOf } from '../domain/ids.js';
import { Errors } from '../domain/contact-change.js';
import type { contactChange } from '../workflows/contact-change.js';
import type { ChangeStatus } from '../workflows/messages.js';
import { Problem } from './problems.js';

export async function startChangeWorkflow(
  temporal: Client, config: Config, change: { id: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await temporal.workflow.start<typeof contactChange>('contactChange', {
    workflowId: workflowIdOf(change.id),
    taskQueue: config.temporal.taskQueue,
    workflowIdConflictPolicy: 'FAIL',
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
    args: [{
      changeId: change.id,
      createdAt: change.createdAt.getTime(),
      expiresAt: change.expiresAt.getTime(),
      reminderAfterMs: config.reminderAfterMs,
      resendCooldownMs: config.resendCooldownMs,
    }],
  });
}

/** The failure type a workflow's update validator gave, or null when the failure came from elsewhere. */
export function rejectionType(err: unknown): Errors | null {
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    return (err.cause.type as Errors | undefined) ?? null;
  }
  return null;
}

export async function runUpdate<Arg>(
  temporal: Client, changeId: string, update: UpdateDefinition<ChangeStatus, [Arg]>, arg: Arg,
): Promise<ChangeStatus> {
  return temporal.workflow.getHandle(workflowIdOf(changeId)).executeUpdate(update, { args: [arg] });
}

/** Maps a refused cancel or resend to the answer an asker understands. */
export function actionProblem(err: unknown): Problem | null {
  if (err instanceof WorkflowNotFoundError) return new Problem(409, 'Not possible now', 'This request has already ended.');
  const type = rejectionType(err);
  if (!type) return null;
  const detail = (err as WorkflowUpdateFailedError).cause?.message ?? 'The request cannot do this now.';
  if (type === Errors.ResendTooSoon) return new Problem(429, 'Too soon', detail);
  return new Problem(409, 'Not possible now', detail);
}

/**
 * Runs a call that may carry a person's words. The text is stored as a note first, because only its id may enter
 * workflow history; the note is removed again when the call fails.
 */
export async function withNote<T>(
  db: Db, note: { changeId: string; accountId: string; text?: string }, run: (noteId: string | undefined) => Promise<T>,
): Promise<T> {
  const noteId = note.text ? newId() : undefined;
  if (noteId) await db.insert(notes).values({ id: noteId, changeId: note.changeId, accountId: note.accountId, text: note.text! });
  try {
    return await run(noteId);
  } catch (err) {
    if (noteId) await db.delete(notes).where(eq(notes.id, noteId));
    throw err;
  }
}
