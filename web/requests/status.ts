import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PARTIES, isFinal } from '../../domain/contact-change.js';
import type { ChangeView } from '../../db/queries.js';
import type { RequestsCopy } from './copy/index.js';
import { requestStatuses } from '../../changes/list.js';
import { actionsFor, badgeClass, ctxOf, deadline, progressText, stateText, type Ctx } from './parts.js';

const MAX_IDS = 100;
const statusQuery = z.object({
  ids: z
    .string()
    .max(MAX_IDS * 65)
    .catch(''),
});
const ID = /^[A-Za-z0-9_-]{1,64}$/;

function decisionText(view: ChangeView, party: 'from' | 'to', t: RequestsCopy) {
  const decision = view.change[`${party}Decision` as const];
  const at = view.change[`${party}DecidedAt` as const];
  return { text: decision ? t.detail[decision] : t.detail.undecided, at: at?.toISOString() ?? null };
}

function statusOf(view: ChangeView, ctx: Ctx, events: number) {
  const { change } = view;
  const { t } = ctx;
  const ends = deadline(view, t);
  return {
    id: change.id,
    state: change.state,
    final: isFinal(change.state),
    badge: badgeClass(change.state),
    stateText: stateText(change.state, t),
    progress: progressText(view, ctx.viewer, t),
    deadline: { label: ends.label, at: ends.at.toISOString() },
    actions: actionsFor(view, ctx.viewer).now,
    decisions: Object.fromEntries(PARTIES.map((p) => [p, decisionText(view, p, t)])),
    events,
  };
}

/**
 * What the pages' poll asks every few seconds: each request's state and who must still decide, in the reader's
 * words. Requests the reader may not see are left out, exactly like requests that do not exist.
 */
export default async function requestsStatus(app: FastifyInstance) {
  app.get('/requests/status', { schema: { hide: true }, onRequest: app.requireViewer }, async (request, reply) => {
    const ctx = ctxOf(app, request);
    const { ids } = statusQuery.parse(request.query ?? {});
    const wanted = [...new Set(ids.split(','))].filter((id) => ID.test(id)).slice(0, MAX_IDS);
    const found = await requestStatuses(app.ctx, ctx.viewer, wanted);
    return reply
      .header('cache-control', 'no-store')
      .send({ items: found.map(({ view, events }) => statusOf(view, ctx, events)) });
  });
}
