import { findPasswordReset } from '../db/password-resets.js';
import { maySignIn } from '../domain/access.js';
import { makeLinkToken } from '../domain/tokens.js';
import { renderPasswordReset } from '../emails/password/reset.js';
import type { AccountEmailBuilder } from './account-emails.js';

/** The account emails about passwords, by kind (see BUILDERS in ./account-emails.ts). */
export const PASSWORD_EMAILS = {
  /** A reset link, to the account's address in its language; not sent once the link no longer works. */
  async passwordReset({ db, config }, id) {
    const found = await findPasswordReset(db, id);
    if (!found) return null;
    const { reset, account } = found;
    if (reset.usedAt || reset.expiresAt.getTime() <= Date.now() || !maySignIn(account)) return null;
    const token = makeLinkToken(config.tokenSecret, 'password-reset', reset.id);
    return {
      account,
      to: account.email,
      render: () =>
        renderPasswordReset(account.language, {
          recipientName: account.name,
          timeZone: account.timeZone,
          handle: account.handle,
          url: `${config.publicBaseUrl}/password/reset/${reset.id}?lang=${account.language}#token=${token}`,
          expiresAt: reset.expiresAt,
        }),
      tags: { reset: reset.id },
    };
  },
} satisfies Record<string, AccountEmailBuilder>;
