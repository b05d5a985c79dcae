import type { AccountEmailInput } from '../activities/account-emails.js';
import { oneEmailActivities } from './invitation.js';

/**
 * Sends one email about an account (an address to confirm, a password reset, a warning), retrying while the
 * provider is down; the activity builds it from the id, and sends nothing once its link no longer works.
 */
export async function accountEmail(input: AccountEmailInput): Promise<{ sent: boolean }> {
  return oneEmailActivities().sendAccountEmail(input);
}
