import type { Account } from '../db/schema.js';
import { ADDRESS_EMAILS } from './address-emails.js';
import type { RenderedEmail } from '../emails/render.js';
import { GUARDS_EMAIL_BUILDERS } from './guards-emails.js';
import type { ActivityDeps } from './index.js';
import { PASSWORD_EMAILS } from './password-emails.js';
import { notFound } from './projection.js';
import { deliverOnce } from './send-email.js';
import { SIGN_IN_EMAILS } from './signin-emails.js';

/**
 * Emails about an account rather than a request: address confirmations and notices, password resets, sign-in
 * warnings. Each kind is built from the id of the row it is about (an address change, a reset...), so that a retry
 * builds the same email and link secrets are derived inside the activity, never passed through workflow history.
 */
export interface AccountEmail {
  /** Who it is about; the email's row names this account. */
  account: Account;
  /** Where it goes: usually the account's address, the new address for a confirmation. */
  to: string;
  render: () => RenderedEmail;
  tags?: Record<string, string>;
}

/** Builds one kind of account email from its id, or null when it is no longer worth sending (a link gone stale). */
export type AccountEmailBuilder = (deps: ActivityDeps, id: string) => Promise<AccountEmail | null>;

/** The kinds of account emails; each area adds its builders here. */
const BUILDERS = {
  ...PASSWORD_EMAILS,
  ...GUARDS_EMAIL_BUILDERS,
  ...ADDRESS_EMAILS,
  ...SIGN_IN_EMAILS,
} satisfies Record<string, AccountEmailBuilder>;

export type AccountEmailKind = keyof typeof BUILDERS;
export interface AccountEmailInput {
  kind: AccountEmailKind;
  id: string;
}

export function accountEmailActivities(deps: ActivityDeps) {
  return {
    async sendAccountEmail({ kind, id }: AccountEmailInput): Promise<{ sent: boolean }> {
      const build: AccountEmailBuilder | undefined = (BUILDERS as Record<string, AccountEmailBuilder>)[kind];
      if (!build) throw notFound(`${kind} ${id}`);
      const email = await build(deps, id);
      if (!email) return { sent: false };
      return deliverOnce(deps.db, deps.mailer, {
        row: {
          recipient: 'account',
          accountId: email.account.id,
          kind,
          sending: 1,
          idempotencyKey: `account-${kind}-${id}`,
        },
        to: email.to,
        render: email.render,
        tags: { kind, ...email.tags },
      });
    },
  };
}
