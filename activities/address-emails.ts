import { findEmailChange, requestsEndedBy } from '../db/email-changes.js';
import { loadChangeViews } from '../db/queries.js';
import { loadAccount } from '../db/recipients.js';
import type { Account, EmailChange } from '../db/schema.js';
import { renderAddressEmail, type AddressEmailData, type AddressEmailKind } from '../emails/address/render.js';
import type { Role } from '../emails/render.js';
import { EMAIL_CHANGE_HOURS } from '../domain/email-changes.js';
import { makeLinkToken, type LinkPurpose } from '../domain/tokens.js';
import type { AccountEmail, AccountEmailBuilder } from './account-emails.js';
import type { ActivityDeps } from './index.js';

const who = (a: Pick<Account, 'name' | 'handle'>) => `${a.name} (${a.handle})`;

interface Loaded {
  change: EmailChange;
  account: Account;
  data: Omit<AddressEmailData, 'at'>;
}

/** An address change with what every one of its emails says: whose address, from what to what, who asked. */
async function load(deps: ActivityDeps, id: string): Promise<Loaded | null> {
  const change = await findEmailChange(deps.db, id);
  const account = change && (await loadAccount(deps.db, change.accountId));
  if (!change || !account) return null;
  const keeper = account.keptById ? await loadAccount(deps.db, account.keptById) : null;
  const asker = change.requestedById === account.id ? null : await loadAccount(deps.db, change.requestedById);
  const kind = !keeper ? 'account' : account.access === 'none' ? 'contact' : 'subAccount';
  return {
    change,
    account,
    data: {
      recipientName: account.name,
      timeZone: account.timeZone,
      whose: { kind, name: account.name, handle: account.handle, keeper: keeper ? who(keeper) : undefined },
      oldEmail: change.oldEmail,
      newEmail: change.newEmail,
      by: asker ? who(asker) : undefined,
      expiresAt: change.expiresAt,
      hours: EMAIL_CHANGE_HOURS,
    },
  };
}

/** The page a link leads to, with its derived secret in the fragment (which no server sees). */
function link(deps: ActivityDeps, page: 'confirm' | 'cancel', purpose: LinkPurpose, loaded: Loaded): string {
  const { change, account } = loaded;
  const token = makeLinkToken(deps.config.tokenSecret, purpose, change.id);
  return `${deps.config.publicBaseUrl}/address/${page}/${change.id}?lang=${account.language}#token=${token}`;
}

function email(loaded: Loaded, kind: AddressEmailKind, to: string, data: AddressEmailData): AccountEmail {
  return {
    account: loaded.account,
    to,
    render: () => renderAddressEmail(kind, loaded.account.language, data),
    tags: { emailChange: loaded.change.id },
  };
}

/** The kinds of emails of an address change, by the id of the change; each sends nothing once it has no purpose. */
export const ADDRESS_EMAILS = {
  /** To the new address: the link that confirms it, while it works. */
  emailConfirm: async (deps, id) => {
    const loaded = await load(deps, id);
    const { change } = loaded ?? {};
    if (!loaded || !change || change.confirmedAt || change.cancelledAt || change.expiresAt.getTime() <= Date.now())
      return null;
    const url = link(deps, 'confirm', 'email-confirm', loaded);
    return email(loaded, 'confirm', change.newEmail, { ...loaded.data, at: change.createdAt, url });
  },
  /** To the address in use: a change was asked, and how to cancel it; said even once it is confirmed. */
  emailNotice: async (deps, id) => {
    const loaded = await load(deps, id);
    if (!loaded || loaded.change.cancelledAt) return null;
    const url = link(deps, 'cancel', 'email-cancel', loaded);
    return email(loaded, 'notice', loaded.change.oldEmail, { ...loaded.data, at: loaded.change.createdAt, url });
  },
  /** To the former address: the change is made, with the requests it ended. */
  emailChanged: async (deps, id) => {
    const loaded = await load(deps, id);
    if (!loaded?.change.confirmedAt) return null;
    const views = await loadChangeViews(deps.db, await requestsEndedBy(deps.db, loaded.account.id, id));
    const ended = views.map((v) => ({ service: v.service.name, roles: v.change.roles as Role[], id: v.change.id }));
    const data = { ...loaded.data, at: loaded.change.confirmedAt, ended };
    return email(loaded, 'changed', loaded.change.oldEmail, data);
  },
} satisfies Record<string, AccountEmailBuilder>;
