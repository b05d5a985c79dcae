import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { createActivities } from '../activities/index.js';
import { Errors } from '../domain/contact-change.js';

type Activities = ReturnType<typeof createActivities>;

/**
 * The email activities of a one-email workflow, on the email queue: retried while the provider is down, not when it
 * refuses the email or the row is gone. The activity sends nothing once the link it carries no longer works.
 */
export const oneEmailActivities = () =>
  proxyActivities<Activities>({
    taskQueue: `${workflowInfo().taskQueue}-email`,
    startToCloseTimeout: '30s',
    retry: {
      initialInterval: '1s',
      backoffCoefficient: 2,
      maximumInterval: '10m',
      nonRetryableErrorTypes: [Errors.EmailRejected, Errors.NotFound],
    },
  });

/**
 * Sends one invitation email, retrying while the provider is down; the link's token is derived inside the
 * activity and never enters the history. An invitation is worth sending while its link is valid (7 days).
 */
export async function invitationEmail(input: { invitationId: string }): Promise<{ sent: boolean }> {
  return oneEmailActivities().sendInvitationEmail(input);
}
