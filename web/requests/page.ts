import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PENDING_STATES, STATES } from '../../domain/contact-change.js';
import type { ChangeView } from '../../db/queries.js';
import { html, type Html } from '../shared/html.js';
import { renderPage } from '../shared/layout.js';
import { myRequests, type Direction } from '../../changes/list.js';
import { isProblem } from '../../core/problems.js';
import {
  actionForms,
  ctxOf,
  deadlineEntry,
  liveRegion,
  notices,
  progressText,
  rolesText,
  stateBadge,
  stateText,
  who,
  type Ctx,
} from './parts.js';
import requestsStatus from './status.js';

const DIRECTIONS: readonly Direction[] = ['sent', 'received', 'all'];
const OPEN = PENDING_STATES.join(',');

const listQuery = z.object({
  direction: z.enum(['sent', 'received', 'all']).catch('all'),
  state: z.string().max(200).optional().catch(undefined),
  cursor: z.string().max(200).optional().catch(undefined),
  before: z.string().max(200).optional().catch(undefined),
  limit: z.coerce.number().int().min(1).max(50).catch(20),
  lang: z.string().max(8).optional().catch(undefined),
});
type ListQuery = z.infer<typeof listQuery>;

/** A link to another view of the list, keeping what the reader chose. */
function listUrl(q: ListQuery, change: Partial<ListQuery>): string {
  const next = { ...q, cursor: undefined, before: undefined, ...change };
  const params = new URLSearchParams();
  if (next.direction !== 'all') params.set('direction', next.direction);
  for (const key of ['state', 'cursor', 'before', 'lang'] as const) if (next[key]) params.set(key, next[key]);
  if (next.limit !== 20) params.set('limit', String(next.limit));
  const search = params.toString();
  return search ? `/requests?${search}` : '/requests';
}

function row(view: ChangeView, ctx: Ctx, back: string): Html {
  const { change, service, from, to } = view;
  const { t, lang } = ctx;
  return html`<li class="request" id="request-${change.id}" data-request="${change.id}" data-state="${change.state}" data-service="${service.name}">
  <h2><a href="/requests/${change.id}">${service.name}</a> ${stateBadge(change.state, t)}</h2>
  <dl>
    <dt>${t.fields.roles}</dt><dd>${rolesText(view, lang, t)}</dd>
    <dt>${t.fields.fromTo}</dt><dd>${who(from)} <span aria-hidden="true">→</span><span class="visually-hidden">, ${t.fields.to}:</span> ${who(to)}</dd>
    <dt>${t.fields.progress}</dt><dd data-field="progress">${progressText(view, ctx.viewer, t)}</dd>
    ${deadlineEntry(view, ctx)}
  </dl>
  ${actionForms(view, ctx, { back, detail: false })}
</li>`;
}

function controls(q: ListQuery, ctx: Ctx): Html {
  const { t } = ctx;
  const tab = (d: Direction) =>
    html`<li><a href="${listUrl(q, { direction: d })}"${q.direction === d ? html` aria-current="page"` : ''}>${t.tabs[d]}</a></li>`;
  const option = (value: string, label: string) =>
    html`<option value="${value}"${(q.state ?? '') === value ? html` selected` : ''}>${label}</option>`;
  return html`<nav class="tabs" aria-label="${t.tabs.label}"><ul>${DIRECTIONS.map(tab)}</ul></nav>
<form method="get" action="/requests" class="filter">
  ${q.direction !== 'all' ? html`<input type="hidden" name="direction" value="${q.direction}">` : ''}
  ${q.lang ? html`<input type="hidden" name="lang" value="${q.lang}">` : ''}
  <label for="state-filter">${t.filter.label}</label>
  <select id="state-filter" name="state">${option('', t.filter.any)}${option(OPEN, t.filter.pending)}${STATES.map((s) => option(s, stateText(s, t)))}</select>
  <button type="submit" class="secondary">${t.filter.submit}</button>
</form>`;
}

function pager(q: ListQuery, ctx: Ctx, page: { newer: string | null; older: string | null }): Html {
  if (!page.newer && !page.older) return html``;
  const { t } = ctx;
  return html`<nav class="pager" aria-label="${t.pager.label}">
  ${page.newer ? html`<a rel="prev" href="${listUrl(q, { before: page.newer })}">← ${t.pager.newer}</a>` : ''}
  ${page.older ? html`<a rel="next" href="${listUrl(q, { cursor: page.older })}">${t.pager.older} →</a>` : ''}
</nav>`;
}

/** "My requests", as OVH's "Mes demandes": sent, received or all, by state, newest first, by pages. */
export default async function requestsPage(app: FastifyInstance) {
  await app.register(requestsStatus);

  app.get('/requests', { schema: { hide: true }, onRequest: app.requireViewer }, async (request, reply) => {
    const ctx = ctxOf(app, request);
    const q = listQuery.parse(request.query ?? {});
    const states = (q.state ?? '').split(',').filter((s) => (STATES as readonly string[]).includes(s));
    const list = { direction: q.direction, states, limit: q.limit };
    // A link with a cursor this list never gave out opens the first page, as an old or mistyped link would.
    const page = await myRequests(app.ctx, ctx.viewer, { ...list, after: q.cursor, before: q.before }).catch((err) => {
      if (isProblem(err, 'invalidRequest')) return myRequests(app.ctx, ctx.viewer, list);
      throw err;
    });
    const back = listUrl(q, { cursor: q.cursor, before: q.before });
    const { t } = ctx;
    const body = html`<h1>${t.title}</h1>
<p class="hint">${t.intro}</p>
${controls(q, ctx)}
${liveRegion()}
${page.views.length ? html`<ol class="requests">${page.views.map((v) => row(v, ctx, back))}</ol>` : html`<p class="notice">${t.empty}</p>`}
${pager(q, ctx, page)}`;
    return renderPage(app, request, reply, {
      title: t.title,
      body,
      section: 'requests',
      flash: notices(t),
      scripts: ['/assets/requests.js'],
      styles: ['/assets/requests.css'],
    });
  });
}
