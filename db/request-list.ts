import { and, asc, count, desc, eq, gt, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { Db } from './client.js';
import { loadChangeViews, type ChangeView } from './queries.js';
import { changeEvents, contactChanges } from './schema.js';
import { requestsScope, type Direction } from './scope.js';
import type { Actor } from '../domain/access.js';

export type { Direction };

/** A position in the list: the creation time and id of a request, newest first. */
export interface Cursor { t: string; id: string }

export const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

/** The cursor, or null when the text is not one this list gave out. */
export function decodeCursor(text: string | undefined): Cursor | null {
  if (!text) return null;
  try {
    const c = JSON.parse(Buffer.from(text, 'base64url').toString()) as Cursor;
    if (typeof c.t === 'string' && typeof c.id === 'string' && !Number.isNaN(Date.parse(c.t))) return c;
  } catch { /* answered below */ }
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

export interface ListPage { views: ChangeView[]; older: string | null; newer: string | null }

function beyond(c: Cursor, side: 'older' | 'newer'): SQL {
  const t = new Date(c.t);
  const cmp = side === 'older' ? lt : gt;
  return or(cmp(contactChanges.createdAt, t), and(eq(contactChanges.createdAt, t), cmp(contactChanges.id, c.id)))!;
}

const cursorOf = (row: { id: string; createdAt: Date } | undefined) =>
  row ? encodeCursor({ t: row.createdAt.toISOString(), id: row.id }) : null;

/**
 * The requests an actor sent (asked for) or received (as the outgoing or incoming contact), newest first,
 * by keyset: the same query as GET /api/v1/contact-changes, which also walks back to newer pages.
 */
export async function listRequests(db: Db, actor: Actor, input: ListInput): Promise<ListPage> {
  const { limit, before } = input;
  const after = before ? null : input.after;
  const filters: SQL[] = [requestsScope(actor, input.direction)];
  if (input.states.length) filters.push(inArray(contactChanges.state, input.states));
  if (after) filters.push(beyond(after, 'older'));
  if (before) filters.push(beyond(before, 'newer'));
  const order = before ? [asc(contactChanges.createdAt), asc(contactChanges.id)] : [desc(contactChanges.createdAt), desc(contactChanges.id)];
  const rows = await db.select({ id: contactChanges.id, createdAt: contactChanges.createdAt }).from(contactChanges)
    .where(and(...filters)).orderBy(...order).limit(limit + 1);
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  if (before) page.reverse();
  const views = await loadChangeViews(db, page.map((r) => r.id));
  return {
    views,
    older: (before ? true : more) ? cursorOf(page.at(-1)) : null,
    newer: (before ? more : !!after) ? cursorOf(page[0]) : null,
  };
}

/** How many timeline entries each request has: a page can tell that its timeline grew. */
export async function eventCounts(db: Db, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ changeId: changeEvents.changeId, n: count() }).from(changeEvents)
    .where(inArray(changeEvents.changeId, ids)).groupBy(changeEvents.changeId);
  return new Map(rows.map((r) => [r.changeId, r.n]));
}
