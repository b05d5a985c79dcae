import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { Mailer } from '../emails/mailer.js';
import { bookEmailActivities } from './book-emails.js';
import { commitActivities } from './commit.js';
import { emailActivities } from './send-email.js';
import { projectionActivities } from './projection.js';

export interface ActivityDeps {
  db: Db;
  mailer: Mailer;
  config: Pick<Config, 'publicBaseUrl' | 'tokenSecret'>;
}

export function createActivities(deps: ActivityDeps) {
  return {
    ...projectionActivities(deps),
    ...commitActivities(deps),
    ...emailActivities(deps),
    ...bookEmailActivities(deps),
  };
}
