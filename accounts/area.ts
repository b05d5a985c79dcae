import type { Context } from '../core/context.js';
import { findAccount } from '../db/accounts.js';
import type { Account } from '../db/schema.js';

/** Whose customer area an account acts in, when it is not its own: a sub-account's keeper, by name and handle. */
export async function areaKeeper(
  ctx: Context,
  account: Pick<Account, 'keptById'>,
): Promise<{ name: string; handle: string } | null> {
  if (!account.keptById) return null;
  const keeper = await findAccount(ctx.db, account.keptById);
  return keeper ? { name: keeper.name, handle: keeper.handle } : null;
}
