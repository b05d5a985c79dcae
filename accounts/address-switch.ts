import { setTimeout as sleep } from 'node:timers/promises';
import { cannotEnd, endForReason } from '../changes/system-cancel.js';
import type { Context } from '../core/context.js';
import { Problem } from '../core/problems.js';
import { isUniqueViolation } from '../db/client.js';
import { switchAddress as switchInDb } from '../db/email-changes.js';
import type { Account, NewAccount } from '../db/schema.js';

/**
 * A code never follows an address change: before an address changes, every request still waiting for a decision of
 * that account (as the outgoing or incoming contact) ends `aborted`, "the contact's address changed". When they cannot
 * be ended (Temporal out of reach), the address does not change either.
 */

/** Rounds of "end what is pending, then switch": a request made meanwhile is found by the next one. */
const ROUNDS = 5;

export const addressTaken = (email: string) =>
  new Problem('emailTaken', `${email} is already the address of someone in this contact book.`, { field: 'email' });

export const linkNotValid = () =>
  new Problem(
    'emailChangeNotValid',
    'This link is no longer valid: it was already used, replaced by a newer change, withdrawn, or it expired.',
  );

const NOT_CHANGED = 'the address was not changed';

/**
 * Gives the account its new address, with the other `changes` (a contact's details), once the requests that wait for
 * it have ended; with `emailChangeId`, the confirmed change is used in the same step (once). Answers the account as it
 * is now and the requests that were ended.
 */
export async function switchAddress(
  ctx: Context,
  account: Account,
  changes: Partial<NewAccount> & { email: string },
  emailChangeId?: string,
): Promise<{ account: Account; ended: string[] }> {
  const ended: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const result = await switchInDb(ctx.db, { accountId: account.id, changes, emailChangeId }).catch((err) => {
      throw isUniqueViolation(err) ? addressTaken(changes.email) : err;
    });
    if ('account' in result) return { account: result.account, ended };
    if ('stale' in result) throw linkNotValid();
    let waiting = false;
    for (const changeId of result.pending) {
      if (await endForReason(ctx, changeId, 'addressChanged', account.id, NOT_CHANGED)) ended.push(changeId);
      else waiting = true;
    }
    // A request whose workflow is still being started: it can be ended in a moment.
    if (waiting) await sleep(100 * (round + 1));
  }
  throw cannotEnd(NOT_CHANGED);
}
