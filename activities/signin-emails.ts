import { findAccountEvent } from '../db/account-events.js';
import { loadAccount } from '../db/recipients.js';
import { renderSignInThrottled } from '../emails/signin/throttled.js';
import type { AccountEmailBuilder } from './account-emails.js';

/**
 * The account emails of signing in, by kind. `signInThrottled` is named by the activity entry of a streak's first
 * wait (accounts/sign-in-refusals.ts): the email tells when and from where, as that entry does.
 */
export const SIGN_IN_EMAILS = {
  signInThrottled: (async (deps, id) => {
    const event = await findAccountEvent(deps.db, Number(id));
    if (!event || event.type !== 'signInThrottled') return null;
    const account = await loadAccount(deps.db, event.accountId);
    if (!account) return null;
    const failures = Number(event.detail?.failures ?? 0);
    return {
      account,
      to: account.email,
      render: () =>
        renderSignInThrottled(account.language, {
          recipientName: account.name,
          timeZone: account.timeZone,
          handle: account.handle,
          failures,
          at: event.at,
          ip: event.ip,
          url: `${deps.config.publicBaseUrl}/profile?lang=${account.language}#password`,
        }),
      tags: { event: String(event.id) },
    };
  }) satisfies AccountEmailBuilder,
};
