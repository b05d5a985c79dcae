import type { Context } from '../core/context.js';
import { Problem } from '../core/problems.js';
import { findAccountsById } from '../db/accounts.js';
import { loadChangeViews, loadTimeline, type ChangeView } from '../db/queries.js';
import { decodeCursor, eventCounts, listRequests, type Direction, type ListPage } from '../db/request-list.js';
import type { Account } from '../db/schema.js';
import { actorOf } from '../domain/access.js';
import { calendarDay, dayStart } from '../domain/days.js';
import { maySee, visibleChange } from './requests.js';

export type { Direction, ListPage };

export interface MyRequestsInput {
  direction: Direction;
  states: string[];
  /** Only the requests of this service (any id: the list stays the account's own requests). */
  service?: string;
  /** Only the requests made on or after this day (YYYY-MM-DD), in the account's time zone (UTC if it has none). */
  createdFrom?: string;
  /** Only the requests made on or before this day, likewise. */
  createdTo?: string;
  /** A cursor this list gave out: the page older than it. */
  after?: string;
  /** A cursor this list gave out: the page newer than it. */
  before?: string;
  limit: number;
}

/** The cursor `text` names, null without one (My requests and support's stuck list share the form). */
export const givenCursor = (text: string | undefined, name: string) => {
  const decoded = decodeCursor(text);
  // Text of a cursor's form to the schema; one this list did not give out is a value refused (422).
  if (text && !decoded)
    throw new Problem('invalidRequest', `${name}: this cursor is not one this list gave out`, {}, 422);
  return decoded;
};

const day = (text: string, name: string) => {
  if (!calendarDay.safeParse(text).success) throw new Problem('invalidRequest', `${name}: a date as YYYY-MM-DD`);
  return text;
};

/** My requests: sent (asked for) or received (as the outgoing or incoming contact), newest first, by keyset. */
export function myRequests(ctx: Context, account: Account, input: MyRequestsInput): Promise<ListPage> {
  const { direction, states, limit } = input;
  const after = givenCursor(input.after, 'query.cursor');
  const before = givenCursor(input.before, 'query.before');
  const zone = account.timeZone;
  const since = input.createdFrom ? dayStart(day(input.createdFrom, 'query.createdFrom'), zone) : undefined;
  const until = input.createdTo ? dayStart(day(input.createdTo, 'query.createdTo'), zone, 1) : undefined;
  const narrowed = { serviceId: input.service || undefined, since, until };
  return listRequests(ctx.db, actorOf(account), { direction, states, ...narrowed, after, before, limit });
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
