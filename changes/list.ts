import type { Context } from '../core/context.js';
import { Problem } from '../core/problems.js';
import { findAccountsById } from '../db/accounts.js';
import { loadChangeViews, loadTimeline, type ChangeView } from '../db/queries.js';
import { decodeCursor, eventCounts, listRequests, type Direction, type ListPage } from '../db/request-list.js';
import type { Account } from '../db/schema.js';
import { actorOf } from '../domain/access.js';
import { maySee, visibleChange } from './requests.js';

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

/** The requests among `ids` the account may see, each with how many timeline entries it has (a page polls this). */
export async function requestStatuses(ctx: Context, account: Account, ids: string[]) {
  const views = (await loadChangeViews(ctx.db, ids)).filter((v) => maySee(account, v));
  const counts = await eventCounts(
    ctx.db,
    views.map((v) => v.change.id),
  );
  return views.map((view) => ({ view, events: counts.get(view.change.id) ?? 0 }));
}

/** A request's timeline, with the name and handle of every account it mentions. */
export async function timelineOf(ctx: Context, view: ChangeView) {
  const events = await loadTimeline(ctx.db, view.change.id);
  const ids = [...new Set(events.map((e) => e.accountId).filter((id): id is string => !!id))];
  const people = await findAccountsById(ctx.db, ids);
  return { events, people: new Map(people.map((p) => [p.id, { name: p.name, handle: p.handle }])) };
}
