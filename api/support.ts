import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_FAILED_ATTEMPTS } from '../domain/contact-change.js';
import { loadChangeViews } from '../db/queries.js';
import { problemSchema } from './problems.js';
import { changeSchema, presentChange } from './present.js';

const reasonSchema = z.object({
  code: z.enum(['pendingTooLong', 'emailFailed', 'stepFailing', 'tokensLocked']),
  detail: z.string(),
  since: z.iso.datetime().nullable(),
});
type Reason = z.infer<typeof reasonSchema>;

interface StuckRow {
  id: string; created_at: string; failing_step: string | null; failing_since: string | null; last_error: string | null;
  failed_attempts: number; email_problems: { recipient: string; status: string; error: string | null; at: string }[] | null;
  [key: string]: unknown;
}

function reasonsOf(row: StuckRow, stuckAfterMs: number, now: number): Reason[] {
  const reasons: Reason[] = [];
  // Raw queries through drizzle return timestamps as text.
  const createdAt = new Date(row.created_at);
  if (now - createdAt.getTime() > stuckAfterMs) {
    reasons.push({ code: 'pendingTooLong', detail: `pending for more than ${Math.round(stuckAfterMs / 3_600_000)} h`, since: createdAt.toISOString() });
  }
  for (const e of row.email_problems ?? []) {
    reasons.push({ code: 'emailFailed', detail: `email to the ${e.recipient} contact ${e.status}${e.error ? `: ${e.error}` : ''}`, since: new Date(e.at).toISOString() });
  }
  if (row.failing_step) {
    reasons.push({ code: 'stepFailing', detail: `${row.failing_step} keeps failing: ${row.last_error ?? 'unknown error'}`, since: row.failing_since ? new Date(row.failing_since).toISOString() : null });
  }
  if (row.failed_attempts >= MAX_FAILED_ATTEMPTS) {
    reasons.push({ code: 'tokensLocked', detail: `${row.failed_attempts} wrong tokens tried; a resend unlocks it`, since: null });
  }
  return reasons;
}

export default fp(async (appRoot: FastifyInstance) => {
  const app = appRoot.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/support/contact-changes', {
    onRequest: app.requireSupport,
    schema: {
      tags: ['support'], summary: 'Pending requests, or only the stuck ones with why they are stuck',
      querystring: z.object({ stuck: z.stringbool().default(true), limit: z.coerce.number().int().min(1).max(200).default(50) }),
      response: {
        200: z.object({ items: z.array(changeSchema.extend({ stuckReasons: z.array(reasonSchema) })) }),
        401: problemSchema, 403: problemSchema,
      },
    },
  }, async (request) => {
    const { stuck, limit } = request.query;
    const stuckSince = new Date(Date.now() - app.config.stuckAfterMs).toISOString();
    const emailProblems = sql`from emails e
          where e.change_id = c.id and e.sending = c.sending and e.kind in ('request', 'reminder')
            and e.status in ('failed', 'bounced', 'complained')`;
    const stuckOnly = stuck ? sql`and (c.created_at < ${stuckSince}::timestamptz or c.failing_step is not null
      or c.failed_attempts >= ${MAX_FAILED_ATTEMPTS} or exists (select 1 ${emailProblems}))` : sql``;
    const rows = await app.db.execute<StuckRow>(sql`
      select c.id, c.created_at, c.failing_step, c.failing_since, c.last_error, c.failed_attempts,
        (select json_agg(json_build_object('recipient', e.recipient, 'status', e.status, 'error', e.last_error, 'at', e.updated_at))
           ${emailProblems}) as email_problems
      from contact_changes c
      where c.state in ('todo', 'checkValidity', 'validatingByCustomers', 'doing') ${stuckOnly}
      order by c.created_at asc
      limit ${limit}
    `);
    const now = Date.now();
    const views = await loadChangeViews(app.db, rows.map((row) => row.id));
    const rowById = new Map(rows.map((row) => [row.id, row]));
    const items = views.map((view) => ({
      ...presentChange(view), stuckReasons: reasonsOf(rowById.get(view.change.id)!, app.config.stuckAfterMs, now),
    }));
    return { items };
  });
}, { name: 'support', dependencies: ['auth'] });
