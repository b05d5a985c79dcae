import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { LANGUAGES, type Language, type Role } from '../domain/contact-change.js';
import { loadChangeView, type ChangeView } from '../db/queries.js';
import { formatDate, roleName } from '../emails/render.js';
import { decide } from '../api/decide.js';
import { Problem } from '../api/problems.js';
import { DECISION_COPY, type DecisionCopy } from './decision-strings.js';
import { html, page, sendSensitivePage, type Html } from './html.js';

const form = z.object({
  token: z.string().trim().max(200).default(''),
  decision: z.enum(['accepted', 'refused']),
  reason: z.string().trim().max(1000).optional(),
});

function languageOf(request: FastifyRequest): Language {
  const asked = (request.query as { lang?: string } | undefined)?.lang;
  if (LANGUAGES.includes(asked as Language)) return asked as Language;
  const header = request.headers['accept-language'] ?? '';
  const found = header.split(',').map((part) => part.trim().slice(0, 2).toLowerCase()).find((l) => LANGUAGES.includes(l as Language));
  return (found as Language | undefined) ?? 'en';
}

const who = (a: { name: string; handle: string }) => `${a.name} (${a.handle})`;

function summary(view: ChangeView, lang: Language, t: DecisionCopy): Html {
  const { change, service, from, to, askedBy } = view;
  const names = (change.roles as Role[]).map((r) => roleName(r, lang));
  const roles = names.length > 1 ? `${names.slice(0, -1).join(', ')} ${t.and} ${names.at(-1)}` : names[0] ?? '';
  return html`
<p>${t.intro(who(askedBy), roles, service.name)}</p>
<dl>
  <dt>${t.service}</dt><dd>${service.name} (${service.kind})</dd>
  <dt>${t.roles}</dt><dd>${roles}</dd>
  <dt>${t.from}</dt><dd>${who(from)}</dd>
  <dt>${t.to}</dt><dd>${who(to)}</dd>
  <dt>${t.askedBy}</dt><dd>${who(askedBy)}</dd>
  <dt>${t.expires}</dt><dd>${formatDate(change.expiresAt, lang)}</dd>
  <dt>${t.state}</dt><dd>${t.states[change.state] ?? change.state}</dd>
</dl>`;
}

function decisionForm(view: ChangeView, lang: Language, t: DecisionCopy): Html {
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
  if (err.title === 'Invalid token') return t.problems.invalidToken;
  if (err.title === 'Request locked') return t.problems.locked;
  if (err.status === 429) return t.problems.tooMany;
  return err.detail;
}

/**
 * The page an email links to. GET and HEAD change nothing, since mail scanners open links and even run
 * scripts; only an explicit POST of Accept or Refuse decides. Encapsulated: its errors are pages, not JSON.
 */
export default async function decisionPage(app: FastifyInstance) {
  const render = (lang: Language, view: ChangeView | null, notice?: { kind: 'ok' | 'error'; text: string }) => {
    const t = DECISION_COPY[lang];
    const body = view
      ? html`<h1>${t.title}</h1>${notice ? html`<p class="notice ${notice.kind}" role="status">${notice.text}</p>` : ''}${summary(view, lang, t)}${decisionForm(view, lang, t)}`
      : html`<h1>${t.title}</h1><p class="notice error">${t.problems.notFound}</p>`;
    return page(lang, t.title, body, { script: view ? '/assets/decision.js' : undefined });
  };

  app.get('/requests/:id/decision', { schema: { hide: true } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const view = await loadChangeView(app.db, id);
    return sendSensitivePage(reply, view ? 200 : 404, render(languageOf(request), view));
  });

  app.post('/requests/:id/decision', { schema: { hide: true }, config: { rateLimit: {} } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const parsed = form.safeParse(request.body);
    const lang = languageOf(request);
    const t = DECISION_COPY[lang];
    const view = await loadChangeView(app.db, id);
    if (!view) return sendSensitivePage(reply, 404, render(lang, null));
    if (!parsed.success || parsed.data.token === '') {
      return sendSensitivePage(reply, 400, render(lang, view, { kind: 'error', text: t.problems.missingToken }));
    }
    try {
      const { token, decision, reason } = parsed.data;
      const result = await decide(app, { changeId: id, token, decision, reason });
      const state = result.view.change.state;
      const text = state === 'validatingByCustomers'
        ? (decision === 'accepted' ? t.results.awaiting : t.results.recorded)
        : t.results[state as keyof DecisionCopy['results']] ?? t.results.recorded;
      return sendSensitivePage(reply, 200, render(lang, result.view, { kind: 'ok', text }));
    } catch (err) {
      if (!(err instanceof Problem)) {
        request.log.error({ err, changeId: id }, 'decision failed');
        return sendSensitivePage(reply, 503, render(lang, view, { kind: 'error', text: t.problems.unavailable }));
      }
      return sendSensitivePage(reply, err.status, render(lang, await loadChangeView(app.db, id), { kind: 'error', text: problemText(err, t) }));
    }
  });
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const lang = languageOf(request);
    const t = DECISION_COPY[lang];
    if (error.statusCode === 429) return sendSensitivePage(reply, 429, page(lang, t.title, html`<h1>${t.title}</h1><p class="notice error">${t.problems.tooMany}</p>`));
    request.log.error({ err: error }, 'decision page failed');
    return sendSensitivePage(reply, 503, page(lang, t.title, html`<h1>${t.title}</h1><p class="notice error">${t.problems.unavailable}</p>`));
  });
}
