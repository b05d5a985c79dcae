import { and, count, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from './client.js';
import { loadChangeViews, type ChangeView } from './queries.js';
import { changeEvents, contactChanges } from './schema.js';
import { requestsBranches, type Direction } from './scope.js';
import type { Actor } from '../domain/access.js';

export type { Direction };

/** A position in the list: the creation time (to the microsecond, as PostgreSQL keeps it) and id of a request. */
export interface Cursor {
  t: string;
  id: string;
}

const INSTANT = /^[1-9]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

export const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

/** A real calendar instant (PostgreSQL refuses 30 February, which Date.parse rolls over). */
const validDate = (t: string) =>
  !Number.isNaN(Date.parse(t)) && new Date(t).toISOString().slice(0, 19) === t.slice(0, 19);

/** The cursor, or null when the text is not one this list gave out. */
export function decodeCursor(text: string | undefined): Cursor | null {
  if (!text) return null;
  try {
    const c = JSON.parse(Buffer.from(text, 'base64url').toString()) as Cursor;
    if (
      typeof c.t === 'string' &&
      typeof c.id === 'string' &&
      /^[A-Za-z0-9_-]{1,64}$/.test(c.id) &&
      INSTANT.test(c.t) &&
      validDate(c.t)
    )
      return c;
  } catch {
    /* answered below */
  }
  return null;
}

export interface ListInput {
  direction: Direction;
  states: string[];
  /** Older than this request (the next page). */
  after?: Cursor | null;
  /** Newer than this request (the previous page). */
  before?: Cursor | null;
  limit: number;
}

export interface ListPage {
  views: ChangeView[];
  older: string | null;
  newer: string | null;
}

/** Beyond the cursor, as a row comparison the (account, created_at, id) indexes answer directly. */
const beyond = (c: Cursor, side: 'older' | 'newer'): SQL =>
  sql`(${contactChanges.createdAt}, ${contactChanges.id}) ${sql.raw(side === 'older' ? '<' : '>')} (${c.t}::timestamptz, ${c.id})`;

const cursorOf = (row: { id: string; createdAt: string } | undefined) =>
  row ? encodeCursor({ t: row.createdAt, id: row.id }) : null;

/**
 * The requests an actor sent (asked for) or received (as the outgoing or incoming contact), newest first,
 * by keyset: the same query as GET /api/v1/contact-changes, which also walks back to newer pages.
 */
export async function listRequests(db: Db, actor: Actor, input: ListInput): Promise<ListPage> {
  const { rows, more, before, after } = await listIds(db, actor, input);
  const page = rows.slice(0, input.limit);
  if (before) page.reverse();
  const views = await loadChangeViews(
    db,
    page.map((r) => r.id),
  );
  return {
    views,
    older: (before ? true : more) ? cursorOf(page.at(-1)) : null,
    newer: (before ? more : !!after) ? cursorOf(page[0]) : null,
  };
}

/** The page's ids: one ordered, limited index read per branch (see requestsBranches), merged. */
export function listIdsQuery(actor: Actor, input: ListInput): SQL {
  const before = input.before ?? null;
  const after = before ? null : (input.after ?? null);
  // The indexes are (account, created_at DESC NULLS LAST, id DESC NULLS LAST): the same order, or its exact reverse,
  // lets PostgreSQL read only the page's rows from each instead of all of an account's and sorting them.
  const order = sql.raw(before ? 'asc nulls first' : 'desc nulls last');
  const n = input.limit + 1;
  const filters: SQL[] = [];
  if (input.states.length) filters.push(inArray(contactChanges.state, input.states));
  if (after) filters.push(beyond(after, 'older'));
  if (before) filters.push(beyond(before, 'newer'));
  const branches = requestsBranches(actor, input.direction).map(
    (branch) => sql`(select ${contactChanges.id} as id, ${contactChanges.createdAt} as created_at
    from ${contactChanges} where ${and(branch, ...filters)}
    order by ${contactChanges.createdAt} ${order}, ${contactChanges.id} ${order} limit ${n})`,
  );
  // The cursor keeps the microseconds: a millisecond Date would skip or repeat requests made in the same millisecond.
  return sql`select id, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_at
    from (${sql.join(branches, sql` union `)}) as mine order by mine.created_at ${order}, id ${order} limit ${n}`;
}

async function listIds(db: Db, actor: Actor, input: ListInput) {
  const before = input.before ?? null;
  const after = before ? null : (input.after ?? null);
  const rows = (await db.execute<{ id: string; created_at: string }>(listIdsQuery(actor, input))).map((r) => ({
    id: r.id,
    createdAt: r.created_at,
  }));
  return { rows, more: rows.length > input.limit, before, after };
}

/** How many timeline entries each request has: a page can tell that its timeline grew. */
export async function eventCounts(db: Db, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ changeId: changeEvents.changeId, n: count() })
    .from(changeEvents)
    .where(inArray(changeEvents.changeId, ids))
    .groupBy(changeEvents.changeId);
  return new Map(rows.map((r) => [r.changeId, r.n]));
}
