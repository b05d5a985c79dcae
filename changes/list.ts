import type { Context } from '../core/context.js';
import { Problem } from '../core/problems.js';
import { loadTimeline } from '../db/queries.js';
import { decodeCursor, listRequests, type Direction, type ListPage } from '../db/request-list.js';
import type { Account } from '../db/schema.js';
import { actorOf } from '../domain/access.js';
import { visibleChange } from './requests.js';

export type { Direction, ListPage };

export interface MyRequestsInput {
  direction: Direction;
  states: string[];
  /** A cursor this list gave out: the page older than it. */
  after?: string;
  /** A cursor this list gave out: the page newer than it. */
  before?: string;
  limit: number;
}

const cursor = (text: string | undefined, name: string) => {
  const decoded = decodeCursor(text);
  if (text && !decoded) throw new Problem('invalidRequest', `${name}: this cursor is not one this list gave out`);
  return decoded;
};

/** My requests: sent (asked for) or received (as the outgoing or incoming contact), newest first, by keyset. */
export function myRequests(ctx: Context, account: Account, input: MyRequestsInput): Promise<ListPage> {
  const { direction, states, limit } = input;
  const after = cursor(input.after, 'query.cursor');
  const before = cursor(input.before, 'query.before');
  return listRequests(ctx.db, actorOf(account), { direction, states, after, before, limit });
}

/** One request that the account may see, with its timeline. */
export async function requestWithTimeline(ctx: Context, account: Account, id: string) {
  const view = await visibleChange(ctx, account, id);
  return { view, timeline: await loadTimeline(ctx.db, view.change.id) };
}
