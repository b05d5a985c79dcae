import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { AccountEmailInput } from '../activities/account-emails.js';
import type { createActivities } from '../activities/index.js';
import { Errors } from '../domain/contact-change.js';

type Activities = ReturnType<typeof createActivities>;

/**
 * Sends one email about an account (an address to confirm, a password reset, a warning), retrying while the
 * provider is down; the activity builds it from the id, and sends nothing once its link no longer works.
 */
export async function accountEmail(input: AccountEmailInput): Promise<{ sent: boolean }> {
  const mail = proxyActivities<Activities>({
    taskQueue: `${workflowInfo().taskQueue}-email`,
    startToCloseTimeout: '30s',
    retry: {
      initialInterval: '1s',
      backoffCoefficient: 2,
      maximumInterval: '10m',
      nonRetryableErrorTypes: [Errors.EmailRejected, Errors.NotFound],
    },
  });
  return mail.sendAccountEmail(input);
}
