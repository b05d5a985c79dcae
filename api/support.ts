import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, problemSchema, problemsFor } from './problems.js';
import { changeSchema, presentChange } from './contact-changes.js';
import { pendingChanges, type StuckReason } from '../changes/stuck.js';
import { formatSpan } from '../domain/durations.js';
import { extendChange, MAX_REASON_LENGTH } from '../changes/support.js';

const reasonSchema = z.object({
  code: z.enum(['pendingTooLong', 'emailFailed', 'stepFailing', 'tokensLocked', 'applyOverdue']),
  detail: z.string(),
  since: z.iso.datetime().nullable(),
});
/** The reason in English, for the API. */
export function describeReason(reason: StuckReason): string {
  switch (reason.code) {
    case 'pendingTooLong':
      return `pending for more than ${formatSpan(reason.afterMs, 'en')}`;
    case 'emailFailed':
      return `email to the ${reason.recipient} contact ${reason.status}${reason.error ? `: ${reason.error}` : ''}`;
    case 'stepFailing':
      return `${reason.step} keeps failing: ${reason.error ?? 'unknown error'}`;
    case 'tokensLocked':
      return `${reason.attempts} wrong tokens tried; a resend unlocks it`;
    case 'applyOverdue':
      return `both accepted, and the provider has not said it applied the change within ${formatSpan(reason.afterMs, 'en')}`;
  }
}

const extendBody = z.object({
  expiresAt: z.iso
    .datetime({ offset: true })
    .describe('the new expiry: later than the current one, at most 30 days from now'),
  reason: z
    .string()
    .trim()
    .regex(/\S/, 'not blank')
    .max(MAX_REASON_LENGTH)
    .describe("why; shown on the request's timeline"),
});
const errors = problemsFor(400, 401, 403, 404, 409, 422);

export default fp(
  async (appRoot: FastifyInstance) => {
    const app = appRoot.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/v1/support/contact-changes',
      {
        onRequest: app.requireSupport,
        schema: {
          tags: ['support'],
          summary: 'Pending requests, or only the stuck ones with why they are stuck',
          description:
            'Oldest first, by pages: pass `nextCursor` as `cursor` for the next one. Each request comes once along ' +
            'the pages; one that becomes stuck behind a page already read shows from the first page. A cursor this ' +
            'list did not give is 422 `invalidRequest`.',
          querystring: z.object({
            // The words z.stringbool() reads, listed so that the published schema states them.
            stuck: z
              .enum(['true', '1', 'yes', 'on', 'y', 'enabled', 'false', '0', 'no', 'off', 'n', 'disabled'])
              .default('true')
              .transform((v) => ['true', '1', 'yes', 'on', 'y', 'enabled'].includes(v))
              .describe('true (the default): only the stuck requests; false: every pending one'),
            limit: z.coerce.number().int().min(1).max(200).default(50),
            cursor: z
              .string()
              .regex(/^[A-Za-z0-9_-]{1,200}$/, 'a nextCursor this list gave')
              .optional()
              .describe('the `nextCursor` of the page before: the requests after it; from the oldest when left out'),
          }),
          response: {
            200: z.object({
              items: z.array(changeSchema.extend({ stuckReasons: z.array(reasonSchema) })),
              nextCursor: z.string().nullable().describe('pass it as `cursor` for the next page; null on the last'),
            }),
            401: problemSchema,
            403: problemSchema,
          },
        },
      },
      async (request) => {
        const { stuck, limit, cursor } = request.query;
        const found = await pendingChanges(app.ctx, request.account!, { stuck, limit, cursor });
        const items = found.items.map(({ view, reasons }) => ({
          ...presentChange(view),
          stuckReasons: reasons.map((r) => ({
            code: r.code,
            detail: describeReason(r),
            since: r.since?.toISOString() ?? null,
          })),
        }));
        return { items, nextCursor: found.next };
      },
    );

    app.post(
      '/api/v1/support/contact-changes/:id/extend',
      {
        onRequest: app.requireSupport,
        schema: {
          tags: ['support'],
          summary: 'Give the contacts more time to decide; the reason lands on the timeline',
          params: idParams,
          body: extendBody,
          response: { 200: changeSchema, ...errors },
        },
      },
      async (request) => {
        const { expiresAt, reason } = request.body;
        return presentChange(
          await extendChange(app.ctx, request.account!, request.params.id, new Date(expiresAt), reason),
        );
      },
    );
  },
  { name: 'support', dependencies: ['auth'] },
);
