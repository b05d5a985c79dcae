import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { Mailer } from '../emails/mailer.js';
import { accountEmailActivities } from './account-emails.js';
import { bookEmailActivities } from './book-emails.js';
import { commitActivities } from './commit.js';
import { emailBatchActivities } from './email-batch.js';
import { emailActivities } from './send-email.js';
import { projectionActivities } from './projection.js';
import { webhookActivities } from './webhooks.js';

export interface ActivityDeps {
  db: Db;
  mailer: Mailer;
  config: Pick<Config, 'publicBaseUrl' | 'tokenSecret'>;
  /** The email queue's rate: the emails of one batch are spaced out to match it. Unset: no spacing. */
  mailRatePerSecond?: number;
  /** WEBHOOK_RETRY_FOR, for the deliveries the activities hand over. */
  webhookRetryForMs?: number;
  /** WEBHOOK_ALLOW_PRIVATE (or not production): deliveries may go to this machine or a private network. */
  webhookAllowPrivate?: boolean;
}

export function createActivities(deps: ActivityDeps) {
  return {
    ...projectionActivities(deps),
    ...commitActivities(deps),
    ...emailActivities(deps),
    ...emailBatchActivities(deps),
    ...bookEmailActivities(deps),
    ...accountEmailActivities(deps),
    ...webhookActivities(deps),
  };
}
