import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from './client.js';
import { accounts, changeEvents, contactChanges, notes, services, type Account } from './schema.js';

export type ChangeView = NonNullable<Awaited<ReturnType<typeof loadChangeView>>>;

/** Requests with their service and the accounts they name, in the order of `ids`: three queries in all. */
export async function loadChangeViews(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  const changes = await db.select().from(contactChanges).where(inArray(contactChanges.id, ids));
  const serviceRows = await db.select().from(services).where(inArray(services.id, [...new Set(changes.map((c) => c.serviceId))]));
  const accountIds = changes.flatMap((c) => [c.fromId, c.toId, c.askedById, c.endedById].filter((x): x is string => !!x));
  const accountRows = await db.select().from(accounts).where(inArray(accounts.id, [...new Set(accountIds)]));
  const serviceById = new Map(serviceRows.map((s) => [s.id, s]));
  const accountById = new Map(accountRows.map((a) => [a.id, a]));
  const get = (id: string): Account => accountById.get(id)!;
  const byId = new Map(changes.map((change) => [change.id, {
    change,
    service: serviceById.get(change.serviceId)!,
    from: get(change.fromId),
    to: get(change.toId),
    askedBy: get(change.askedById),
    endedBy: change.endedById ? get(change.endedById) : null,
  }]));
  return ids.map((id) => byId.get(id)).filter((v) => v !== undefined);
}

/** A request with its service and the accounts it names, as emails, pages and the API show it. */
export async function loadChangeView(db: Db, changeId: string) {
  const [view] = await loadChangeViews(db, [changeId]);
  return view ?? null;
}

export async function loadNote(db: Db, changeId: string, noteId: string | null): Promise<string | undefined> {
  if (!noteId) return undefined;
  const [note] = await db.select().from(notes).where(and(eq(notes.id, noteId), eq(notes.changeId, changeId)));
  return note?.text;
}

/** The timeline, with the reasons people wrote (kept apart, by note id) put back in place. */
export async function loadTimeline(db: Db, changeId: string) {
  const events = await db.select().from(changeEvents).where(eq(changeEvents.changeId, changeId)).orderBy(changeEvents.id);
  const written = await db.select().from(notes).where(eq(notes.changeId, changeId));
  const textOf = new Map(written.map((n) => [n.id, n.text]));
  return events.map((event) => {
    const { noteId, ...detail } = event.detail ?? {};
    if (typeof noteId !== 'string') return event;
    return { ...event, detail: { ...detail, reason: textOf.get(noteId) ?? null } };
  });
}
