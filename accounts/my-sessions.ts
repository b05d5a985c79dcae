import type { Context, Requester } from '../core/context.js';
import { Problem } from '../core/problems.js';
import type { Account } from '../db/schema.js';
import { deleteSessionsOf, liveSessionsOf } from '../db/sessions.js';
import { publicSessionId } from '../domain/sessions.js';
import { recordActivity } from './activity.js';
import { endSessionById } from './sessions.js';

/** "My sessions": one's own web sessions, where and when each signed in, and signing them out. */

export interface SessionView {
  /** Its public id (domain/sessions.ts), never the stored digest. */
  id: string;
  ip: string | null;
  userAgent: string | null;
  signedInAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  /** The session asking (`currentId`): "this one". */
  current: boolean;
}

/** The live, signed-in sessions of the account, the most recently used first; `currentId` is the asker's digest. */
export async function listSessions(ctx: Context, account: Account, currentId: string | null): Promise<SessionView[]> {
  const rows = await liveSessionsOf(ctx.db, account.id, ctx.config.session.idleTimeoutMs);
  return rows
    .filter((s) => s.stage === 'complete')
    .map((s) => ({
      id: publicSessionId(ctx.config.tokenSecret, s.id),
      ip: s.ip,
      userAgent: s.userAgent,
      signedInAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      expiresAt: s.expiresAt,
      current: s.id === currentId,
    }));
}

/**
 * Signs out one of the account's sessions, by its public id; `notFound` when the account has no such live session
 * (another account's included). Whether it was the asker's own: it then has to take its cookie back.
 */
export async function signOutSession(
  ctx: Context,
  account: Account,
  publicId: string,
  currentId: string | null,
  from: Requester,
): Promise<{ wasCurrent: boolean }> {
  const rows = await liveSessionsOf(ctx.db, account.id, ctx.config.session.idleTimeoutMs);
  const found = rows.find((s) => publicSessionId(ctx.config.tokenSecret, s.id) === publicId);
  if (!found || !(await endSessionById(ctx, found.id, from, 'endedFromList')))
    throw new Problem('notFound', 'You have no such session; it may have ended already.');
  return { wasCurrent: found.id === currentId };
}

/** Signs out every session of the account but `keepId` (the asker's, on the pages; none from the API). */
export async function signOutOtherSessions(
  ctx: Context,
  account: Account,
  keepId: string | null,
  from: Requester,
): Promise<number> {
  const ended = await deleteSessionsOf(ctx.db, account.id, keepId);
  const how = keepId ? 'endedOthers' : 'endedAll';
  if (ended > 0) await recordActivity(ctx, account.id, 'sessionEnded', from, { sessions: ended, how });
  return ended;
}
