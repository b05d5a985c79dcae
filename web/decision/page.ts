import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { DecisionSummary } from '../../db/queries.js';
import { decide, decisionSummary, decisionView } from '../../changes/decide.js';
import { Problem } from '../../core/problems.js';
import { isOutage } from '../../core/outages.js';
import { requesterOf } from '../../core/requester.js';
import { DECISION_COPY } from './copy/index.js';
import { html } from '../shared/html.js';
import { banner, decisionForm, problemText, summary, type Typed, type You } from './view.js';
import { pageLanguage } from '../shared/language.js';
import { renderPage } from '../shared/layout.js';

const form = z.object({
  token: z.string().trim().max(200).default(''),
  decision: z.enum(['accepted', 'refused']),
  reason: z.string().trim().max(1000).optional(),
});

/**
 * The page an email links to. GET and HEAD change nothing, since mail scanners open links and even run
 * scripts; only an explicit POST of Accept or Refuse decides. Encapsulated: its errors are pages, not JSON.
 */
export default async function decisionPage(app: FastifyInstance) {
  interface Shown {
    /** A problem that concerns the whole page, above it. */
    error?: string;
    you?: You;
    typed?: Typed;
  }
  const show = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    view: DecisionSummary | null,
    shown: Shown = {},
  ) => {
    const lang = pageLanguage(request);
    const t = DECISION_COPY[lang];
    const error = shown.error ? html`<p class="notice error" role="alert">${shown.error}</p>` : '';
    const body = view
      ? html`<h1>${t.title}</h1>${error}${banner(view, lang, t, shown.you)}${summary(view, lang, t)}${shown.you ? '' : decisionForm(view, lang, t, shown.typed)}`
      : html`<h1>${t.title}</h1><p class="notice error" role="alert">${shown.error ?? t.problems.notFound}</p>`;
    return renderPage(app, request, reply, {
      status,
      title: t.title,
      body,
      scripts: view ? ['/assets/decision.js'] : [],
    });
  };

  app.get('/requests/:id/decision', { schema: { hide: true } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const view = await decisionSummary(app.ctx, id);
    return show(request, reply, view ? 200 : 404, view);
  });

  app.post('/requests/:id/decision', { schema: { hide: true }, config: { rateLimit: {} } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const parsed = form.safeParse(request.body);
    const t = DECISION_COPY[pageLanguage(request)];
    const view = await decisionView(app.ctx, id);
    if (!view) return show(request, reply, 404, null);
    if (!parsed.success || parsed.data.token === '') {
      const typed = { token: parsed.data?.token ?? '', reason: parsed.data?.reason, error: t.problems.missingToken };
      return show(request, reply, 400, view, { typed });
    }
    const { token, decision, reason } = parsed.data;
    try {
      const result = await decide(app.ctx, { changeId: id, token, decision, reason, from: requesterOf(request) });
      const you = { party: result.party, decision: result.decision, at: result.decidedAt };
      return show(request, reply, 200, result.view, { you });
    } catch (err) {
      if (!(err instanceof Problem)) {
        if (!isOutage(err)) request.log.error({ err, changeId: id }, 'decision failed');
        return show(request, reply, 503, view, { error: t.problems.unavailable, typed: { token, reason } });
      }
      if (err.extra.retryAfterSeconds) reply.header('retry-after', String(err.extra.retryAfterSeconds));
      const { text, field } = problemText(err, t);
      const typed = { token, reason, error: field ? text : undefined };
      return show(request, reply, err.status, await decisionView(app.ctx, id), {
        error: field ? undefined : text,
        typed,
      });
    }
  });

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const t = DECISION_COPY[pageLanguage(request)];
    if (error.statusCode === 429) return show(request, reply, 429, null, { error: t.problems.tooMany });
    if (!isOutage(error)) request.log.error({ err: error }, 'decision page failed');
    return show(request, reply, 503, null, { error: t.problems.unavailable });
  });
}
