import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from './client.js';
import { accounts, changeEvents, contactChanges, notes, services, type Account } from './schema.js';

export type ChangeView = NonNullable<Awaited<ReturnType<typeof loadChangeView>>>;

/** A request with its service and the accounts it names, as emails, pages and the API show it. */
export async function loadChangeView(db: Db, changeId: string) {
  const [change] = await db.select().from(contactChanges).where(eq(contactChanges.id, changeId));
  if (!change) return null;
  const [service] = await db.select().from(services).where(eq(services.id, change.serviceId));
  const ids = [...new Set([change.fromId, change.toId, change.askedById, change.endedById].filter((x): x is string => !!x))];
  const rows = await db.select().from(accounts).where(inArray(accounts.id, ids));
  const byId = new Map(rows.map((a) => [a.id, a]));
  const get = (id: string): Account => byId.get(id)!;
  return {
    change,
    service: service!,
    from: get(change.fromId),
    to: get(change.toId),
    askedBy: get(change.askedById),
    endedBy: change.endedById ? get(change.endedById) : null,
  };
}

export async function loadNote(db: Db, changeId: string, noteId: string | null): Promise<string | undefined> {
  if (!noteId) return undefined;
  const [note] = await db.select().from(notes).where(and(eq(notes.id, noteId), eq(notes.changeId, changeId)));
  return note?.text;
}

export async function loadTimeline(db: Db, changeId: string) {
  return db.select().from(changeEvents).where(eq(changeEvents.changeId, changeId)).orderBy(changeEvents.id);
}
