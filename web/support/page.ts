import { formatSpan } from '../../domain/durations.js';
import type { FastifyInstance } from 'fastify';
import type { Language } from '../../domain/contact-change.js';
import type { ChangeView } from '../../db/queries.js';
import { pendingChanges, type PendingChange, type StuckReason } from '../../changes/stuck.js';
import { SUPPORT } from './copy/index.js';
import { html, type Html } from '../shared/html.js';
import { pageLanguage } from '../shared/language.js';
import { renderPage } from '../shared/layout.js';
import supportRequestPage from './request-page.js';
import { searchRequests } from '../../changes/support.js';
import { changesTable, supportOnly } from './views.js';

const STUCK_LIMIT = 100;
const SEARCH_LIMIT = 50;

function stuckSection(lang: Language, stuck: PendingChange[], stuckAfterMs: number): Html {
  const t = SUPPORT[lang];
  return html`<section>
<h2 id="stuck-heading">${t.stuck.heading}</h2>
<p class="hint">${t.stuck.intro(formatSpan(stuckAfterMs, lang))}</p>
${stuck.length ? changesTable(lang, stuck, 'stuck-heading') : html`<p class="notice ok">${t.stuck.none}</p>`}
</section>`;
}

function searchSection(lang: Language, q: string, found: ChangeView[] | null, why: Map<string, StuckReason[]>): Html {
  const t = SUPPORT[lang];
  const results =
    found === null
      ? ''
      : found.length === 0
        ? html`<p role="status">${t.search.none(q)}</p>`
        : html`<h3 id="results-heading">${t.search.results(q)}</h3>
${changesTable(
  lang,
  found.map((view) => ({ view, reasons: why.get(view.change.id) ?? [] })),
  'results-heading',
)}
${found.length >= SEARCH_LIMIT ? html`<p class="hint">${t.search.more(SEARCH_LIMIT)}</p>` : ''}`;
  return html`<section aria-labelledby="search-heading">
<h2 id="search-heading">${t.search.heading}</h2>
<form method="get" action="/support" role="search" class="support-search">
  <label for="q">${t.search.label}</label>
  <p class="hint" id="q-hint">${t.search.hint}</p>
  <div class="search-row">
    <input id="q" name="q" type="search" maxlength="200" value="${q}" aria-describedby="q-hint">
    <button type="submit" class="primary">${t.search.submit}</button>
  </div>
</form>
${results}
</section>`;
}

/** The support console: stuck requests first, then a search over every request; each opens its support page. */
export default async function supportPage(app: FastifyInstance) {
  app.get<{ Querystring: { q?: string } }>(
    '/support',
    {
      schema: { hide: true },
      onRequest: [app.requireViewer, supportOnly],
    },
    async (request, reply) => {
      const lang = pageLanguage(request);
      const q = typeof request.query.q === 'string' ? request.query.q.trim().slice(0, 200) : '';
      const [stuck, found] = await Promise.all([
        pendingChanges(app.ctx, request.viewer!, { stuck: true, limit: STUCK_LIMIT }).then((page) => page.items),
        q ? searchRequests(app.ctx, request.viewer!, q, SEARCH_LIMIT) : null,
      ]);
      // What was found says why it is stuck too, whether or not it is among the oldest the list above shows.
      const ids = found?.map((view) => view.change.id) ?? [];
      const why = new Map(
        (await pendingChanges(app.ctx, request.viewer!, { stuck: false, limit: SEARCH_LIMIT, ids })).items.map((p) => [
          p.view.change.id,
          p.reasons,
        ]),
      );
      return renderPage(app, request, reply, {
        title: SUPPORT[lang].title,
        section: 'support',
        styles: ['/assets/support.css'],
        body: html`<h1>${SUPPORT[lang].title}</h1>
${stuckSection(lang, stuck, app.ctx.config.stuckAfterMs)}
${searchSection(lang, q, found, why)}`,
      });
    },
  );

  await app.register(supportRequestPage);
}
