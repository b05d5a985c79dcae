import { formatSpan } from '../../domain/durations.js';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Language } from '../../domain/contact-change.js';
import type { ChangeView } from '../../db/queries.js';
import { pendingChanges, type PendingPage, type StuckReason } from '../../changes/stuck.js';
import { isProblem } from '../../core/problems.js';
import type { Account } from '../../db/schema.js';
import { SUPPORT } from './copy/index.js';
import { html, type Html } from '../shared/html.js';
import { pageLanguage } from '../shared/language.js';
import { renderPage } from '../shared/layout.js';
import supportRequestPage from './request-page.js';
import { searchRequests } from '../../changes/support.js';
import { changesTable, supportOnly } from './views.js';

const STUCK_LIMIT = 100;
const SEARCH_LIMIT = 50;

/** The console's query: the search, the stuck list's page (a cursor it gave out) and size, the language asked for. */
const consoleQuery = z.object({
  q: z
    .string()
    .transform((q) => q.trim().slice(0, 200))
    .catch(''),
  cursor: z.string().max(200).optional().catch(undefined),
  limit: z.coerce.number().int().min(1).max(STUCK_LIMIT).catch(STUCK_LIMIT),
  lang: z.string().max(8).optional().catch(undefined),
});
type ConsoleQuery = z.infer<typeof consoleQuery>;

/** The console with the stuck list at `cursor` (its first page without one), keeping the search, size and language. */
function consoleUrl(query: ConsoleQuery, cursor?: string): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (cursor) params.set('cursor', cursor);
  if (query.limit !== STUCK_LIMIT) params.set('limit', String(query.limit));
  if (query.lang) params.set('lang', query.lang);
  const search = params.toString();
  return search ? `/support?${search}` : '/support';
}

function pager(lang: Language, query: ConsoleQuery, first: boolean, next: string | null): Html {
  if (first && !next) return html``;
  const t = SUPPORT[lang].stuck.pager;
  return html`<nav class="pager" aria-label="${t.label}">
  ${first ? '' : html`<a href="${consoleUrl(query)}">← ${t.first}</a>`}
  ${next ? html`<a rel="next" href="${consoleUrl(query, next)}">${t.next} →</a>` : ''}
</nav>`;
}

function stuckSection(
  lang: Language,
  query: ConsoleQuery,
  page: PendingPage & { first: boolean },
  stuckAfterMs: number,
): Html {
  const t = SUPPORT[lang];
  const none = page.first ? t.stuck.none : t.stuck.noMore;
  return html`<section>
<h2 id="stuck-heading">${t.stuck.heading}</h2>
<p class="hint">${t.stuck.intro(formatSpan(stuckAfterMs, lang))}</p>
${page.items.length ? changesTable(lang, page.items, 'stuck-heading') : html`<p class="notice ok">${none}</p>`}
${pager(lang, query, page.first, page.next)}
</section>`;
}

/** The stuck list at the page asked for; a cursor it never gave out (an old or mistyped link) opens the first page. */
async function stuckPage(app: FastifyInstance, viewer: Account, query: ConsoleQuery) {
  const options = { stuck: true, limit: query.limit };
  const page = await pendingChanges(app.ctx, viewer, { ...options, cursor: query.cursor }).catch((err) => {
    if (isProblem(err, 'invalidRequest')) return null;
    throw err;
  });
  return page
    ? { ...page, first: !query.cursor }
    : { ...(await pendingChanges(app.ctx, viewer, options)), first: true };
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

/**
 * The support console: stuck requests first, oldest first by pages, then a search over every request; each opens its
 * support page.
 */
export default async function supportPage(app: FastifyInstance) {
  app.get(
    '/support',
    {
      schema: { hide: true },
      onRequest: [app.requireViewer, supportOnly],
    },
    async (request, reply) => {
      const lang = pageLanguage(request);
      const query = consoleQuery.parse(request.query ?? {});
      const { q } = query;
      const [stuck, found] = await Promise.all([
        stuckPage(app, request.viewer!, query),
        q ? searchRequests(app.ctx, request.viewer!, q, SEARCH_LIMIT) : null,
      ]);
      // What was found says why it is stuck too, whether or not it is on the page of the list above.
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
${stuckSection(lang, query, stuck, app.ctx.config.stuckAfterMs)}
${searchSection(lang, q, found, why)}`,
      });
    },
  );

  await app.register(supportRequestPage);
}
