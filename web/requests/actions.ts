import type { Context } from '../../core/context.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { PARTIES, isFinal } from '../../domain/contact-change.js';
import { cancelChange, resendChange, visibleChange } from '../../changes/requests.js';
import { Problem } from '../../core/problems.js';
import type { ChangeView } from '../../db/queries.js';
import type { Account } from '../../db/schema.js';
import type { RequestsCopy } from './copy/index.js';
import { setFlash, setRefusal } from '../shared/flash.js';
import { safeNext } from '../shared/language.js';
import { renderDetail } from './detail.js';
import { ctxOf, notice, stateText, type Ctx } from './parts.js';

const actionBody = z.object({
  back: z.string().max(1000).optional().catch(undefined),
  reason: z
    .string()
    .trim()
    .transform((text) => text.slice(0, 1000))
    .optional()
    .catch(undefined),
});
type Done = 'resent' | 'cancelled';

/** Back to the page the form was on; only a page of "My requests". */
function backTo(baseUrl: string, back: string | undefined, id: string): string {
  const url = new URL(safeNext(back, baseUrl, `/requests/${id}`), 'http://countersign.invalid');
  const path = /^\/requests(\/(?!status$)[\w-]+)?$/.test(url.pathname) ? url : new URL(`/requests/${id}`, url);
  return `${path.pathname}${path.search}`;
}

/** The seconds to wait before resending, as the refusal gave them. */
const waitOf = (err: Problem, cooldownMs: number) =>
  Math.max(1, Math.ceil(Number(err.extra.retryAfterSeconds ?? cooldownMs / 1000)));

/** A cancel's refusal in the reader's words, in place; the engine's own text is English. */
function problemText(err: Problem, view: ChangeView, t: RequestsCopy): string {
  if (err.status === 403) return t.problems.forbidden;
  const decided = PARTIES.every((p) => view.change[`${p}Decision` as const] !== null);
  return !isFinal(view.change.state) && decided
    ? t.problems.bothDecided
    : t.problems.notNow(stateText(view.change.state, t));
}

type Run = (ctx: Context, viewer: Account, id: string, reason?: string) => Promise<unknown>;

/**
 * Resend and cancel from the pages: the same actions as the API. Done, they redirect back with a confirmation;
 * refused with nothing typed (the resend button, a cancel without a reason), they redirect back too, with the refusal
 * said once there (and the seconds to wait for a resend too soon). A cancel whose reason was typed is refused in
 * place: the request under the refusal's status.
 */
export default async function requestActions(app: FastifyInstance) {
  const failed = async (ctx: Ctx, reply: FastifyReply, id: string, body: z.infer<typeof actionBody>, err: unknown) => {
    if (!(err instanceof Problem) || err.status === 404 || err.status >= 500) throw err;
    if (!body.reason) {
      const wait = err.code === 'resendTooSoon' ? waitOf(err, app.ctx.config.resendCooldownMs) : undefined;
      setRefusal(reply, err.code, wait);
      return reply.redirect(backTo(app.ctx.config.publicBaseUrl, body.back, id), 303);
    }
    const view = await visibleChange(app.ctx, ctx.viewer, id);
    const text = problemText(err, view, ctx.t);
    return renderDetail(ctx, reply, view, notice('error', text), err.status);
  };
  const act = (done: Done, run: Run) => async (request: FastifyRequest, reply: FastifyReply) => {
    const ctx = ctxOf(app, request);
    const { id } = request.params as { id: string };
    const parsed = actionBody.safeParse(request.body);
    const body = parsed.success ? parsed.data : {};
    try {
      await run(app.ctx, ctx.viewer, id, body.reason || undefined);
    } catch (err) {
      return failed(ctx, reply, id, body, err);
    }
    // Our confirmation waits for the page it leads back to: a reload of that page neither posts nor says it again.
    setFlash(reply, 'requests', done);
    return reply.redirect(backTo(app.ctx.config.publicBaseUrl, body.back, id), 303);
  };
  const options = { schema: { hide: true }, onRequest: app.requireViewer, preHandler: app.verifyCsrf };

  app.post(
    '/requests/:id/resend',
    { ...options, config: { rateLimit: {} } },
    act('resent', (c, viewer, id) => resendChange(c, viewer, id)),
  );
  app.post('/requests/:id/cancel', options, act('cancelled', cancelChange));
}
