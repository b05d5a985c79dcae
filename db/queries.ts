import { and, eq, sql } from 'drizzle-orm';
import { alias, type SelectedFields } from 'drizzle-orm/pg-core';
import { preparedPerDb, type Db } from './client.js';
import { accounts, changeEvents, contactChanges, notes, services, type Account } from './schema.js';

export type ChangeView = NonNullable<Awaited<ReturnType<typeof loadChangeView>>>;

/** What a request's view holds of each account it names: who it is and how to write to it, nothing else. */
export type Person = Pick<
  Account,
  'id' | 'handle' | 'email' | 'name' | 'language' | 'timeZone' | 'role' | 'keptById' | 'active' | 'externalId'
>;
type AccountsAlias<N extends string> = ReturnType<typeof alias<typeof accounts, N>>;
const personOf = <N extends string>(a: AccountsAlias<N>) => ({
  id: a.id,
  handle: a.handle,
  email: a.email,
  name: a.name,
  language: a.language,
  timeZone: a.timeZone,
  role: a.role,
  keptById: a.keptById,
  active: a.active,
  externalId: a.externalId,
});

/**
 * A request with its service and the accounts it names, with `extra` fields: the select and its joins, from
 * `contact_changes` on, for a query to filter (by id here, by a page of ids in request-list.ts).
 */
export function selectViews<E extends SelectedFields>(qb: Pick<Db, 'select'>, extra: E) {
  const [from, to, askedBy, endedBy] = (
    ['from_account', 'to_account', 'asked_by_account', 'ended_by_account'] as const
  ).map((name) => alias(accounts, name));
  return qb
    .select({
      change: contactChanges,
      service: services,
      from: personOf(from!),
      to: personOf(to!),
      askedBy: personOf(askedBy!),
      endedBy: personOf(endedBy!),
      ...extra,
    })
    .from(contactChanges)
    .innerJoin(services, eq(services.id, contactChanges.serviceId))
    .innerJoin(from!, eq(from!.id, contactChanges.fromId))
    .innerJoin(to!, eq(to!.id, contactChanges.toId))
    .innerJoin(askedBy!, eq(askedBy!.id, contactChanges.askedById))
    .leftJoin(endedBy!, eq(endedBy!.id, contactChanges.endedById))
    .$dynamic();
}

type ViewRow = Awaited<ReturnType<typeof selectViews<Record<never, never>>>>[number];

/** Inner joins: only the ended-by account can be missing (drizzle types every joined field as nullable). */
export const viewOf = ({ change, service, from, to, askedBy, endedBy }: ViewRow) => ({
  change,
  service,
  from: from as Person,
  to: to as Person,
  askedBy: askedBy as Person,
  endedBy: endedBy as Person | null,
});

const viewQuery = preparedPerDb((db) =>
  selectViews(db, {})
    .where(sql`${contactChanges.id} = any(${sql.placeholder('ids')}::text[])`)
    .prepare('change_views'),
);

/** Requests with their service and the accounts they name, in the order of `ids`: one prepared query. */
export async function loadChangeViews(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await viewQuery(db).execute({ ids });
  const byId = new Map(rows.map((r) => [r.change.id, viewOf(r)]));
  return ids.map((id) => byId.get(id)).filter((v) => v !== undefined);
}

/** A request with its service and the accounts it names, as emails, pages and the API show it. */
export async function loadChangeView(db: Db, changeId: string) {
  const [view] = await loadChangeViews(db, [changeId]);
  return view ?? null;
}

/** What the decision page shows of a request: no email address, no decision, nothing the page does not print. */
export interface DecisionSummary {
  change: Pick<ChangeView['change'], 'id' | 'roles' | 'state' | 'expiresAt' | 'updatedAt'>;
  service: Pick<ChangeView['service'], 'name' | 'kind'>;
  from: Pick<Person, 'handle' | 'name'>;
  to: Pick<Person, 'handle' | 'name'>;
  askedBy: Pick<Person, 'handle' | 'name'>;
}

const summaryQuery = preparedPerDb((db) => {
  const [from, to, askedBy] = (['from_account', 'to_account', 'asked_by_account'] as const).map((name) =>
    alias(accounts, name),
  );
  const named = <N extends string>(a: AccountsAlias<N>) => ({ handle: a.handle, name: a.name });
  return db
    .select({
      change: {
        id: contactChanges.id,
        roles: contactChanges.roles,
        state: contactChanges.state,
        expiresAt: contactChanges.expiresAt,
        updatedAt: contactChanges.updatedAt,
      },
      service: { name: services.name, kind: services.kind },
      from: named(from!),
      to: named(to!),
      askedBy: named(askedBy!),
    })
    .from(contactChanges)
    .innerJoin(services, eq(services.id, contactChanges.serviceId))
    .innerJoin(from!, eq(from!.id, contactChanges.fromId))
    .innerJoin(to!, eq(to!.id, contactChanges.toId))
    .innerJoin(askedBy!, eq(askedBy!.id, contactChanges.askedById))
    .where(eq(contactChanges.id, sql.placeholder('id')))
    .prepare('decision_summary');
});

/** The decision page's summary of a request, read on every opening of an emailed link: one narrow prepared query. */
export async function loadDecisionSummary(db: Db, changeId: string): Promise<DecisionSummary | null> {
  const [row] = await summaryQuery(db).execute({ id: changeId });
  return row ? (row as DecisionSummary) : null;
}

/** What checking a code needs of a request, and nothing more: read on every guess, so one narrow prepared query. */
export interface TokenCheck {
  id: string;
  state: ChangeView['change']['state'];
  sending: number;
  failedAttempts: number;
  fromId: string;
  toId: string;
  fromDecision: ChangeView['change']['fromDecision'];
  fromDecidedAt: Date | null;
  toDecision: ChangeView['change']['toDecision'];
  toDecidedAt: Date | null;
}

const tokenCheckQuery = preparedPerDb((db) =>
  db
    .select({
      id: contactChanges.id,
      state: contactChanges.state,
      sending: contactChanges.sending,
      failedAttempts: contactChanges.failedAttempts,
      fromId: contactChanges.fromId,
      toId: contactChanges.toId,
      fromDecision: contactChanges.fromDecision,
      fromDecidedAt: contactChanges.fromDecidedAt,
      toDecision: contactChanges.toDecision,
      toDecidedAt: contactChanges.toDecidedAt,
    })
    .from(contactChanges)
    .where(eq(contactChanges.id, sql.placeholder('id')))
    .prepare('token_check'),
);

export async function loadTokenCheck(db: Db, changeId: string): Promise<TokenCheck | null> {
  const [row] = await tokenCheckQuery(db).execute({ id: changeId });
  return row ?? null;
}

/** A request's state alone, or null when there is no such request. */
export async function loadChangeState(db: Db, changeId: string): Promise<ChangeView['change']['state'] | null> {
  const [row] = await db
    .select({ state: contactChanges.state })
    .from(contactChanges)
    .where(eq(contactChanges.id, changeId));
  return row?.state ?? null;
}

export async function loadNote(db: Db, changeId: string, noteId: string | null): Promise<string | undefined> {
  if (!noteId) return undefined;
  const [note] = await db
    .select()
    .from(notes)
    .where(and(eq(notes.id, noteId), eq(notes.changeId, changeId)));
  return note?.text;
}

/** The timeline, with the reasons people wrote (kept apart, by note id) put back in place. */
export async function loadTimeline(db: Db, changeId: string) {
  const events = await db
    .select()
    .from(changeEvents)
    .where(eq(changeEvents.changeId, changeId))
    .orderBy(changeEvents.id);
  const written = await db.select().from(notes).where(eq(notes.changeId, changeId));
  const textOf = new Map(written.map((n) => [n.id, n.text]));
  return events.map((event) => {
    const { noteId, ...detail } = event.detail ?? {};
    if (typeof noteId !== 'string') return event;
    return { ...event, detail: { ...detail, reason: textOf.get(noteId) ?? null } };
  });
}
