import type { Context } from './context.js';
import { ping } from '../db/client.js';

const within = <T>(ms: number, work: Promise<T>) =>
  Promise.race([
    work,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref()),
  ]);

const check = (work: Promise<unknown>) =>
  within(2000, work).then(
    () => 'ok',
    (err: Error) => err.message,
  );

/** Whether PostgreSQL and Temporal answer within two seconds each: 'ok', or what went wrong. */
export async function health(ctx: Context) {
  const [postgres, temporal] = await Promise.all([
    check(ping(ctx.db)),
    check(ctx.temporal.connection.workflowService.getSystemInfo({})),
  ]);
  return { healthy: postgres === 'ok' && temporal === 'ok', postgres, temporal };
}
