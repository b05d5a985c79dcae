import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { createActivities } from '../activities/index.js';
import { Errors } from '../domain/contact-change.js';

type Activities = ReturnType<typeof createActivities>;

/**
 * Sends one invitation email, retrying while the provider is down; the link's token is derived inside the
 * activity and never enters the history.
 */
export async function invitationEmail(input: { invitationId: string }): Promise<{ sent: boolean }> {
  const mail = proxyActivities<Activities>({
    taskQueue: `${workflowInfo().taskQueue}-email`,
    startToCloseTimeout: '30s',
    // An invitation is worth sending while its link is valid (7 days); past that the activity sends nothing.
    retry: {
      initialInterval: '1s',
      backoffCoefficient: 2,
      maximumInterval: '10m',
      nonRetryableErrorTypes: [Errors.EmailRejected, Errors.NotFound],
    },
  });
  return mail.sendInvitationEmail(input);
}
