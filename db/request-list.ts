import { and, count, desc, eq, inArray, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Db } from './client.js';
import { selectViews, viewOf, type ChangeView } from './queries.js';
import { changeEvents, contactChanges } from './schema.js';
import { requestsBranches, requestsShape, type Direction } from './scope.js';
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
  /** Only the requests of this service. */
  serviceId?: string;
  /** Only the requests made at or after this instant. */
  since?: Date;
  /** Only the requests made before this instant. */
  until?: Date;
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

const cursorIn = (input: ListInput) => input.before ?? input.after ?? null;

/** What a list statement is given, by name: the actor's ids, the cursor, the states, the page's size and one more. */
const paramsOf = (actor: Actor, input: ListInput): Record<string, string | number> => ({
  own: actor.id,
  keeper: actor.principalId,
  ...cursorIn(input),
  ...Object.fromEntries(input.states.map((state, i) => [`state${i}`, state])),
  ...(input.serviceId ? { service: input.serviceId } : {}),
  ...(input.since ? { since: input.since.toISOString() } : {}),
  ...(input.until ? { until: input.until.toISOString() } : {}),
  limit: input.limit,
  read: input.limit + 1,
});

type Value = string | number | Placeholder;

/**
 * The statement's values, each as it is or as a placeholder of its name: with placeholders, one statement, built
 * and prepared once, serves every list of the same shape.
 */
const valuesOf = (input: ListInput, value: (name: string) => Value) => {
  // Ids, times and states are text: only the limits are numbers.
  const text = (name: string) => value(name) as string | Placeholder;
  return {
    who: { own: text('own'), keeper: text('keeper') },
    cursor: cursorIn(input) && { t: text('t'), id: text('id') },
    states: input.states.map((_, i) => text(`state${i}`)),
    service: input.serviceId ? text('service') : null,
    since: input.since ? text('since') : null,
    until: input.until ? text('until') : null,
    limit: value('limit'),
    read: value('read'),
  };
};
type ListValues = ReturnType<typeof valuesOf>;

/** Beyond the cursor, as a row comparison the (account, created_at, id) indexes answer directly. */
const beyond = (c: NonNullable<ListValues['cursor']>, side: 'older' | 'newer'): SQL =>
  sql`(${contactChanges.createdAt}, ${contactChanges.id}) ${sql.raw(side === 'older' ? '<' : '>')} (${c.t}::timestamptz, ${c.id})`;

/** A row's creation time as a cursor keeps it: to the microsecond, in UTC. */
export const cursorTime = (column: SQL) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const cursorOf = (row: { change: { id: string }; cursorAt: string } | undefined) =>
  row ? encodeCursor({ t: row.cursorAt, id: row.change.id }) : null;

/**
 * The requests an actor sent (asked for) or received (as the outgoing or incoming contact), newest first,
 * by keyset: the same query as GET /api/v1/contact-changes, which also walks back to newer pages.
 */
export async function listRequests(db: Db, actor: Actor, input: ListInput): Promise<ListPage> {
  const before = input.before ?? null;
  const after = before ? null : (input.after ?? null);
  const rows = await listStatement(db, actor, input).execute(paramsOf(actor, input));
  const more = (rows[0]?.found ?? 0) > input.limit;
  return {
    views: rows.map(viewOf),
    older: (before ? true : more) ? cursorOf(rows.at(-1)) : null,
    newer: (before ? more : !!after) ? cursorOf(rows[0]) : null,
  };
}

type ListStatement = ReturnType<ReturnType<typeof listQuery>['prepare']>;
const statements = new WeakMap<Db, Map<string, ListStatement>>();

/**
 * The list's statement for the shape of `input`, built once per database handle: building its SQL, and having
 * PostgreSQL plan it, would each cost more than running it.
 */
function listStatement(db: Db, actor: Actor, input: ListInput): ListStatement {
  const side = input.before ? 'before' : input.after ? 'after' : '';
  const narrowed = [input.serviceId && 'service', input.since && 'since', input.until && 'until'].filter(Boolean);
  const shape = [requestsShape(actor), input.direction, input.states.length, side, ...narrowed].join(':');
  let byShape = statements.get(db);
  if (!byShape) statements.set(db, (byShape = new Map()));
  let statement = byShape.get(shape);
  if (!statement) {
    statement = listQuery(db, actor, input, valuesOf(input, sql.placeholder)).prepare(`my_requests:${shape}`);
    byShape.set(shape, statement);
  }
  return statement;
}

/** The page in one statement: its ids (see pageQuery) joined to the columns of their views, newest first. */
export function listQuery(db: Db, actor: Actor, input: ListInput, values?: ListValues) {
  const params = paramsOf(actor, input);
  values ??= valuesOf(input, (name) => params[name]!);
  // Drizzle names a CTE's columns without the CTE's name: names of their own keep them from meeting the tables'.
  const page = db
    .$with('page', {
      id: sql<string>``.as('page_id'),
      at: sql<string>``.as('page_at'),
      cursorAt: sql<string>``.as('cursor_at'),
      found: sql<number>``.as('found'),
    })
    .as(pageQuery(actor, input, values));
  return selectViews(db.with(page), { cursorAt: page.cursorAt, found: page.found })
    .innerJoin(page, eq(page.id, contactChanges.id))
    .orderBy(desc(page.at), desc(page.id));
}

/**
 * The page's ids: one ordered, limited index read per branch (see requestsBranches), merged. One more than the
 * page is read, to tell whether there is more: `found` counts it, and the page leaves it out.
 */
function pageQuery(actor: Actor, input: ListInput, values: ListValues): SQL {
  const before = !!input.before;
  const after = !before && !!input.after;
  // The indexes are (account, created_at DESC NULLS LAST, id DESC NULLS LAST): the same order, or its exact reverse,
  // lets PostgreSQL read only the page's rows from each instead of all of an account's and sorting them.
  const order = sql.raw(before ? 'asc nulls first' : 'desc nulls last');
  const { read: n, limit } = values;
  const filters: SQL[] = [];
  if (values.states.length) filters.push(inArray(contactChanges.state, values.states));
  if (values.service) filters.push(eq(contactChanges.serviceId, values.service));
  if (values.since) filters.push(sql`${contactChanges.createdAt} >= ${values.since}::timestamptz`);
  if (values.until) filters.push(sql`${contactChanges.createdAt} < ${values.until}::timestamptz`);
  if (after) filters.push(beyond(values.cursor!, 'older'));
  if (before) filters.push(beyond(values.cursor!, 'newer'));
  const branches = requestsBranches(actor, input.direction, values.who).map(
    (branch) => sql`(select ${contactChanges.id} as id, ${contactChanges.createdAt} as created_at
    from ${contactChanges} where ${and(branch, ...filters)}
    order by ${contactChanges.createdAt} ${order}, ${contactChanges.id} ${order} limit ${n})`,
  );
  // The cursor keeps the microseconds: a millisecond Date would skip or repeat requests made in the same millisecond.
  return sql`select id as page_id, created_at as page_at, (count(*) over ())::int as found,
      ${cursorTime(sql`created_at`)} as cursor_at
    from (select id, created_at from (${sql.join(branches, sql` union `)}) as mine
      order by mine.created_at ${order}, id ${order} limit ${n}) as mine
    order by created_at ${order}, id ${order} limit ${limit}`;
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
