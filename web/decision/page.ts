import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Language, Role } from '../../domain/contact-change.js';
import type { DecisionSummary } from '../../db/queries.js';
import { formatDate } from '../../i18n/format.js';
import { kindName, roleList, who } from '../shared/names.js';
import { decide, decisionSummary, decisionView } from '../../changes/decide.js';
import { Problem } from '../../core/problems.js';
import { isOutage } from '../../core/outages.js';
import { requesterOf } from '../../core/requester.js';
import { DECISION_COPY, type DecisionCopy } from './copy/index.js';
import { html, type Html } from '../shared/html.js';
import { pageLanguage } from '../shared/language.js';
import { renderPage } from '../shared/layout.js';

const form = z.object({
  token: z.string().trim().max(200).default(''),
  decision: z.enum(['accepted', 'refused']),
  reason: z.string().trim().max(1000).optional(),
});

function summary(view: DecisionSummary, lang: Language, t: DecisionCopy): Html {
  const { change, service, from, to, askedBy } = view;
  const roles = roleList(change.roles as Role[], lang);
  return html`
<p>${t.intro(who(askedBy), roles, service.name)}</p>
<dl>
  <dt>${t.service}</dt><dd>${service.name} (${kindName(service.kind, lang)})</dd>
  <dt>${t.roles}</dt><dd>${roles}</dd>
  <dt>${t.from}</dt><dd>${who(from)}</dd>
  <dt>${t.to}</dt><dd>${who(to)}</dd>
  <dt>${t.askedBy}</dt><dd>${who(askedBy)}</dd>
  <dt>${t.expires}</dt><dd>${formatDate(change.expiresAt, lang)}</dd>
  <dt>${t.state}</dt><dd>${t.states[change.state] ?? change.state}</dd>
</dl>`;
}

function decisionForm(view: DecisionSummary, lang: Language, t: DecisionCopy): Html {
  if (view.change.state !== 'validatingByCustomers') return html``;
  return html`
<form method="post" action="/requests/${view.change.id}/decision?lang=${lang}" autocomplete="off">
  <label for="token">${t.tokenLabel}</label>
  <input id="token" name="token" type="text" inputmode="text" spellcheck="false" autocapitalize="off" aria-describedby="token-hint">
  <p class="hint" id="token-hint">${t.tokenHint}</p>
  <label for="reason">${t.reasonLabel}</label>
  <textarea id="reason" name="reason" rows="2" maxlength="1000"></textarea>
  <div class="actions">
    <button class="accept" type="submit" name="decision" value="accepted">${t.accept}</button>
    <button class="refuse" type="submit" name="decision" value="refused">${t.refuse}</button>
  </div>
</form>
<p class="hint">${t.unexpected}</p>`;
}

function problemText(err: Problem, t: DecisionCopy): string {
  if (err.code === 'tokensLocked') return t.problems.locked;
  if (err.code === 'tooManyRequests') return t.problems.tooMany;
  if (err.code === 'tooManyWrongCodes')
    return t.problems.tooManyWrongCodes(Math.ceil(Number(err.extra.retryAfterSeconds ?? 60) / 60));
  // Whatever else refuses a code (malformed, used, superseded) is told as one invalid code: it tells a guesser nothing.
  return err.status < 500 ? t.problems.invalidToken : t.problems.unavailable;
}

/**
 * The page an email links to. GET and HEAD change nothing, since mail scanners open links and even run
 * scripts; only an explicit POST of Accept or Refuse decides. Encapsulated: its errors are pages, not JSON.
 */
export default async function decisionPage(app: FastifyInstance) {
  type Notice = { kind: 'ok' | 'error'; text: string };
  const show = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    view: DecisionSummary | null,
    notice?: Notice,
  ) => {
    const lang = pageLanguage(request);
    const t = DECISION_COPY[lang];
    const body = view
      ? html`<h1>${t.title}</h1>${notice ? html`<p class="notice ${notice.kind}" role="status">${notice.text}</p>` : ''}${summary(view, lang, t)}${decisionForm(view, lang, t)}`
      : html`<h1>${t.title}</h1><p class="notice error" role="alert">${notice?.text ?? t.problems.notFound}</p>`;
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
      return show(request, reply, 400, view, { kind: 'error', text: t.problems.missingToken });
    }
    try {
      const { token, decision, reason } = parsed.data;
      const result = await decide(app.ctx, { changeId: id, token, decision, reason, from: requesterOf(request) });
      const state = result.view.change.state;
      const text =
        state === 'validatingByCustomers'
          ? decision === 'accepted'
            ? t.results.awaiting
            : t.results.recorded
          : (t.results[state as keyof DecisionCopy['results']] ?? t.results.recorded);
      return show(request, reply, 200, result.view, { kind: 'ok', text });
    } catch (err) {
      if (!(err instanceof Problem)) {
        if (!isOutage(err)) request.log.error({ err, changeId: id }, 'decision failed');
        return show(request, reply, 503, view, { kind: 'error', text: t.problems.unavailable });
      }
      if (err.extra.retryAfterSeconds) reply.header('retry-after', String(err.extra.retryAfterSeconds));
      return show(request, reply, err.status, await decisionView(app.ctx, id), {
        kind: 'error',
        text: problemText(err, t),
      });
    }
  });

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const t = DECISION_COPY[pageLanguage(request)];
    if (error.statusCode === 429) return show(request, reply, 429, null, { kind: 'error', text: t.problems.tooMany });
    if (!isOutage(error)) request.log.error({ err: error }, 'decision page failed');
    return show(request, reply, 503, null, { kind: 'error', text: t.problems.unavailable });
  });
}
