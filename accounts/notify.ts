import type { AccountEmailInput } from '../activities/account-emails.js';
import type { Context } from '../core/context.js';
import type { accountEmail } from '../workflows/account-email.js';

/**
 * Starts the email about an account named by `kind` and `id`, through Temporal (retried while the provider is
 * down). Sent once per kind and id, however often this is called. Throws when Temporal cannot be reached: the caller
 * decides whether what it did stands without the email.
 */
export async function sendAccountEmail(ctx: Context, input: AccountEmailInput): Promise<void> {
  await ctx.temporal.workflow
    .start<typeof accountEmail>('accountEmail', {
      workflowId: `account-email-${input.kind}-${input.id}`,
      taskQueue: ctx.config.temporal.taskQueue,
      args: [input],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    })
    .catch((err: unknown) => {
      if ((err as { name?: string }).name === 'WorkflowExecutionAlreadyStartedError') return;
      throw err;
    });
}
