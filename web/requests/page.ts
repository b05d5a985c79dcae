import { COMMON } from '../shared/copy/index.js';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PENDING_STATES, STATES } from '../../domain/contact-change.js';
import type { ChangeView } from '../../db/queries.js';
import { html, type Html } from '../shared/html.js';
import { renderPage } from '../shared/layout.js';
import { myRequests, type Direction } from '../../changes/list.js';
import { isProblem } from '../../core/problems.js';
import { calendarDay } from '../../domain/days.js';
import { myServiceNames } from '../../services/services.js';
import type { RequestsCopy } from './copy/index.js';
import { aria, fieldError } from '../shared/form.js';
import { referenceLabel } from '../shared/names.js';
import {
  actionForms,
  ctxOf,
  deadlineEntry,
  liveRegion,
  notices,
  progressText,
  reference,
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
  service: z.string().max(64).optional().catch(undefined),
  createdFrom: z.string().max(40).optional().catch(undefined),
  createdTo: z.string().max(40).optional().catch(undefined),
  cursor: z.string().max(200).optional().catch(undefined),
  before: z.string().max(200).optional().catch(undefined),
  limit: z.coerce.number().int().min(1).max(50).catch(20),
  lang: z.string().max(8).optional().catch(undefined),
});
type ListQuery = z.infer<typeof listQuery>;
const FILTERS = ['state', 'service', 'createdFrom', 'createdTo'] as const;
type DateField = 'createdFrom' | 'createdTo';

/** A link to another view of the list, keeping what the reader chose. */
function listUrl(q: ListQuery, change: Partial<ListQuery>): string {
  const next = { ...q, cursor: undefined, before: undefined, ...change };
  const params = new URLSearchParams();
  if (next.direction !== 'all') params.set('direction', next.direction);
  for (const key of [...FILTERS, 'cursor', 'before', 'lang'] as const) if (next[key]) params.set(key, next[key]);
  if (next.limit !== 20) params.set('limit', String(next.limit));
  const search = params.toString();
  return search ? `/requests?${search}` : '/requests';
}

const filtered = (q: ListQuery) => FILTERS.some((key) => q[key]);
const unfiltered = (q: ListQuery) =>
  listUrl(q, { state: undefined, service: undefined, createdFrom: undefined, createdTo: undefined });

/** What is wrong with the dates typed, by field: each a real day, the first not after the last. */
function dateErrors(q: ListQuery, t: RequestsCopy): Partial<Record<DateField, string>> {
  const bad = (day: string | undefined) => !!day && !calendarDay.safeParse(day).success;
  const errors: Partial<Record<DateField, string>> = {};
  for (const key of ['createdFrom', 'createdTo'] as const) if (bad(q[key])) errors[key] = t.filter.badDate(q[key]!);
  if (!errors.createdFrom && !errors.createdTo && q.createdFrom && q.createdTo && q.createdFrom > q.createdTo)
    errors.createdTo = t.filter.dateOrder;
  return errors;
}

function row(view: ChangeView, ctx: Ctx, back: string): Html {
  const { change, service, from, to } = view;
  const { t, lang } = ctx;
  return html`<li class="request" id="request-${change.id}" data-request="${change.id}" data-state="${change.state}" data-service="${service.name}">
  <h2><a href="/requests/${change.id}">${service.name}</a> ${stateBadge(change.state, t)}</h2>
  <dl>
    <dt>${referenceLabel(lang)}</dt><dd>${reference(change.id)}</dd>
    <dt>${t.fields.roles}</dt><dd>${rolesText(view, lang, t)}</dd>
    <dt>${t.fields.fromTo}</dt><dd>${who(from)} <span aria-hidden="true">→</span><span class="visually-hidden">, ${t.fields.to}${COMMON[lang].colon.trimEnd()}</span> ${who(to)}</dd>
    <dt>${t.fields.progress}</dt><dd data-field="progress">${progressText(view, ctx.viewer, t)}</dd>
    ${deadlineEntry(view, ctx)}
  </dl>
  ${actionForms(view, ctx, { back, detail: false })}
</li>`;
}

function dateInput(q: ListQuery, ctx: Ctx, key: DateField, error: string | undefined): Html {
  const id = `${key}-filter`;
  return html`<div class="field"><label for="${id}">${ctx.t.filter[key]}</label>
  <input type="date" id="${id}" name="${key}" value="${q[key] ?? ''}"${aria([error && `${id}-error`], error)}>
  ${fieldError(id, error)}</div>`;
}

function controls(
  q: ListQuery,
  ctx: Ctx,
  services: { id: string; name: string }[],
  errors: Partial<Record<DateField, string>>,
): Html {
  const { t } = ctx;
  const tab = (d: Direction) =>
    html`<li><a href="${listUrl(q, { direction: d })}"${q.direction === d ? html` aria-current="page"` : ''}>${t.tabs[d]}</a></li>`;
  const option = (chosen: string | undefined, value: string, label: string) =>
    html`<option value="${value}"${(chosen ?? '') === value ? html` selected` : ''}>${label}</option>`;
  const state = (value: string, label: string) => option(q.state, value, label);
  return html`<nav class="tabs" aria-label="${t.tabs.label}"><ul>${DIRECTIONS.map(tab)}</ul></nav>
<form method="get" action="/requests" class="filter" role="search" aria-label="${t.filter.legend}">
  ${q.direction !== 'all' ? html`<input type="hidden" name="direction" value="${q.direction}">` : ''}
  ${q.lang ? html`<input type="hidden" name="lang" value="${q.lang}">` : ''}
  <div class="field"><label for="state-filter">${t.filter.label}</label>
  <select id="state-filter" name="state">${state('', t.filter.any)}${state(OPEN, t.filter.pending)}${STATES.map((s) => state(s, stateText(s, t)))}</select></div>
  <div class="field"><label for="service-filter">${t.filter.service}</label>
  <select id="service-filter" name="service">${option(q.service, '', t.filter.anyService)}${services.map((s) => option(q.service, s.id, s.name))}</select></div>
  ${dateInput(q, ctx, 'createdFrom', errors.createdFrom)}
  ${dateInput(q, ctx, 'createdTo', errors.createdTo)}
  <div class="field buttons"><button type="submit" class="secondary">${t.filter.submit}</button>
  ${filtered(q) ? html`<a href="${unfiltered(q)}">${t.filter.clear}</a>` : ''}</div>
</form>`;
}

/** Nothing to list: with filters, says so and offers to clear them; `hidden`, for the poll to show once rows leave. */
function emptyState(q: ListQuery, ctx: Ctx, hidden: boolean): Html {
  const { t } = ctx;
  const shown = hidden ? html` hidden` : '';
  return filtered(q)
    ? html`<div class="notice" data-empty${shown}><p>${t.filter.none}</p><p><a href="${unfiltered(q)}">${t.filter.clear}</a></p></div>`
    : html`<p class="notice" data-empty${shown}>${t.empty}</p>`;
}

/** The rows; with a state filter, the poll drops a row whose state leaves it (and says so in `data-left`). */
function rows(q: ListQuery, ctx: Ctx, views: ChangeView[], back: string, states: string[]): Html {
  if (!views.length) return emptyState(q, ctx, false);
  const held = states.length ? html` data-states="${states.join(',')}" data-left="${ctx.t.filter.left}"` : '';
  return html`<ol class="requests"${held}>${views.map((v) => row(v, ctx, back))}</ol>${states.length ? emptyState(q, ctx, true) : ''}`;
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
    const { t } = ctx;
    const asked = listQuery.parse(request.query ?? {});
    const states = (asked.state ?? '').split(',').filter((s) => (STATES as readonly string[]).includes(s));
    const services = await myServiceNames(app.ctx, ctx.viewer);
    // The service chosen among the reader's own, as the form offers them; any other (an old link) filters nothing.
    const q = services.some((s) => s.id === asked.service) ? asked : { ...asked, service: undefined };
    const errors = dateErrors(q, t);
    const head = html`<h1>${t.title}</h1>
<p class="hint">${t.intro}</p>`;
    const page = (body: Html, status = 200) =>
      renderPage(app, request, reply, {
        title: t.title,
        body,
        status,
        section: 'requests',
        flash: notices(t),
        scripts: ['/assets/requests.js'],
        styles: ['/assets/requests.css'],
      });
    // A date that is not one: the form says which, with what was typed, and lists nothing it did not ask for.
    if (errors.createdFrom || errors.createdTo) return page(html`${head}${controls(q, ctx, services, errors)}`, 400);
    const list = {
      direction: q.direction,
      states,
      service: q.service || undefined,
      createdFrom: q.createdFrom || undefined,
      createdTo: q.createdTo || undefined,
      limit: q.limit,
    };
    // A link with a cursor this list never gave out opens the first page, as an old or mistyped link would.
    const found = await myRequests(app.ctx, ctx.viewer, { ...list, after: q.cursor, before: q.before }).catch((err) => {
      if (isProblem(err, 'invalidRequest')) return myRequests(app.ctx, ctx.viewer, list);
      throw err;
    });
    const back = listUrl(q, { cursor: q.cursor, before: q.before });
    return page(html`${head}
${controls(q, ctx, services, errors)}
${liveRegion(ctx.lang)}
${rows(q, ctx, found.views, back, states)}
${pager(q, ctx, found)}`);
  });
}
