import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import { and, eq, gt, sql as drizzleSql } from 'drizzle-orm';
import type { Sql } from 'postgres';
import type { Db } from './client.js';
import { rateLimits } from './schema.js';

/** How long an instance may keep counts to itself before it adds them to the shared counter. */
export const RATE_LIMIT_FLUSH_MS = 100;

/** Adds `$2` to the count of key `$1`, in a new window of `$3` ms when the last one has ended; the count, ms left. */
const ADD_COUNT = `insert into rate_limits (key, count, reset_at) values ($1, $2, now() + $3 * interval '1 millisecond')
  on conflict (key) do update set
    count = case when rate_limits.reset_at <= now() then $2 else rate_limits.count + $2 end,
    reset_at = case when rate_limits.reset_at <= now() then excluded.reset_at else rate_limits.reset_at end
  returning count, ceil(extract(epoch from reset_at - now()) * 1000)::int as ttl`;

async function addCount(sql: Sql, key: string, n: number, windowMs: number) {
  const [row] = await sql.unsafe<{ count: number; ttl: number }[]>(ADD_COUNT, [key, n, windowMs], { prepare: true });
  if (Math.random() < 0.01) sql`delete from rate_limits where reset_at < now() - interval '1 hour'`.catch(() => {});
  return { count: row!.count, resetAt: Date.now() + row!.ttl };
}

/**
 * One more attempt under `key` (a use-case's own limit, such as wrong codes per address and request), counted at
 * once in a fixed window of `windowMs`: the count with this one, and the ms until the window ends. Counting before
 * looking lets no burst of attempts sent together past the limit.
 */
export async function countAttempt(db: Db, key: string, windowMs: number) {
  const { count, resetAt } = await addCount(db.$client, key, 1, windowMs);
  return { count, retryAfterMs: Math.max(0, resetAt - Date.now()) };
}

/** Takes back an attempt `countAttempt` counted: it turned out not to be one that the limit is about. */
export async function forgetAttempt(db: Db, key: string): Promise<void> {
  await db
    .update(rateLimits)
    .set({ count: drizzleSql`${rateLimits.count} - 1` })
    .where(and(eq(rateLimits.key, key), gt(rateLimits.count, 0)));
}

interface Window {
  /** The shared count at the last write, ours included. */
  shared: number;
  /** Counted here since then. */
  pending: number;
  /** Counted here and being written: in neither of the above until the write answers. */
  writing: number;
  resetAt: number;
  /** When the shared count was last read. */
  syncedAt: number;
  /** A write that every count waits for: the window's first, or the first after a quiet spell. */
  opening: Promise<void> | null;
  flushing: boolean;
}

type Result = { current: number; ttl: number };

/**
 * A fixed-window counter per key, kept in PostgreSQL so that every API instance counts together. Each instance
 * writes a burst's counts in one upsert per key every RATE_LIMIT_FLUSH_MS, not one per request: a burst of guesses
 * from one address would otherwise queue on the lock of one row. The first count after a quiet spell is written at
 * once. An instance alone counts exactly; instances together may let through, beyond the limit, what the others
 * counted in the last RATE_LIMIT_FLUSH_MS.
 */
export function postgresRateLimitStore(sql: Sql) {
  const windows = new Map<string, Window>();

  const add = (key: string, n: number, windowMs: number) => addCount(sql, key, n, windowMs);

  const flush = (key: string, w: Window, windowMs: number) => {
    if (w.flushing) return;
    w.flushing = true;
    setTimeout(() => {
      const n = w.pending;
      w.pending = 0;
      w.writing = n;
      add(key, n, windowMs)
        .then(
          ({ count, resetAt }) => {
            w.writing = 0;
            w.shared = count;
            w.resetAt = resetAt;
            w.syncedAt = Date.now();
          },
          () => {
            w.writing = 0;
            // PostgreSQL is away: keep the counts for the next write, while their window lasts.
            if (w.resetAt > Date.now()) w.pending += n;
          },
        )
        .finally(() => {
          w.flushing = false;
          if (w.pending > 0) flush(key, w, windowMs);
        });
    }, RATE_LIMIT_FLUSH_MS).unref();
  };

  // Windows that ended with nothing left to write are forgotten once a minute.
  let sweeper: NodeJS.Timeout | null = null;
  const sweep = () => {
    const now = Date.now();
    for (const [key, w] of windows)
      if (w.resetAt <= now && !w.opening && !w.flushing && w.pending === 0) windows.delete(key);
  };

  const count = async (key: string, windowMs: number): Promise<Result> => {
    sweeper ??= setInterval(sweep, 60_000).unref();
    const w = windows.get(key);
    if (w?.opening) {
      // The window's first write is under way: count once it is done (or fail with it).
      await w.opening;
      return count(key, windowMs);
    }
    const now = Date.now();
    // Within a burst, counted here and written with the next flush; after a quiet spell, written at once, so that
    // what the other instances counted meanwhile is known.
    if (w && w.resetAt > now && (w.flushing || now - w.syncedAt <= RATE_LIMIT_FLUSH_MS)) {
      w.pending += 1;
      flush(key, w, windowMs);
      // What is being written counts too: without it, a count made while a write is under way came out short by it.
      return { current: w.shared + w.writing + w.pending, ttl: w.resetAt - Date.now() };
    }
    // A new window, or a quiet one (nothing left to write): this count is written at once, and tells what the
    // other instances have counted.
    const opened: Window = {
      shared: 0,
      pending: 0,
      writing: 0,
      resetAt: 0,
      syncedAt: 0,
      opening: null,
      flushing: false,
    };
    opened.opening = add(key, 1, windowMs)
      .then(({ count: shared, resetAt }) => {
        opened.shared = shared;
        opened.resetAt = resetAt;
        opened.syncedAt = Date.now();
      })
      .finally(() => {
        opened.opening = null;
      });
    windows.set(key, opened);
    try {
      await opened.opening;
    } catch (err) {
      if (windows.get(key) === opened) windows.delete(key);
      throw err;
    }
    return { current: opened.shared + opened.writing + opened.pending, ttl: opened.resetAt - Date.now() };
  };

  return class PostgresRateLimitStore implements FastifyRateLimitStore {
    constructor(
      _options?: unknown,
      private readonly prefix = '',
    ) {}

    incr(key: string, callback: (error: Error | null, result?: Result) => void, timeWindow?: number) {
      count(this.prefix + key, timeWindow ?? 60_000).then((result) => callback(null, result), callback);
    }

    // The plugin passes the route's merged options, with the route itself under `routeInfo`.
    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]) {
      const route = (routeOptions as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo ?? {};
      return new PostgresRateLimitStore(undefined, `${route.method}:${route.url}:`);
    }
  };
}
