import { providerAppliesTo } from '../../changes/apply.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Language } from '../../domain/contact-change.js';
import { workflowIdOf } from '../../domain/ids.js';
import type { ChangeView, Person } from '../../db/queries.js';
import type { SupportDetail } from '../../changes/support.js';
import { SUPPORT, type SupportCopy } from './copy/index.js';
import { html, type Html } from '../shared/html.js';
import { time } from '../shared/layout.js';
import { actionsSection, type FormState } from './forms.js';
import { emailsTable, timelineTable } from './history.js';
import { webhooksTable } from './webhooks.js';
import { label, rolesText, stateBadge } from './views.js';
import { kindName } from '../shared/names.js';

function person(t: SupportCopy, who: Person, decision?: string | null): Html {
  const said = decision === undefined ? '' : ` — ${label(t.request.decision, decision ?? 'awaiting')}`;
  return html`${who.name} (${who.handle})${said}`;
}

function summary(app: FastifyInstance, lang: Language, view: ChangeView): Html {
  const t = SUPPORT[lang];
  const { change, service } = view;
  const ui = app.ctx.config.temporal.uiUrl;
  const workflowUrl = ui
    ? `${ui}/namespaces/${encodeURIComponent(app.ctx.config.temporal.namespace)}/workflows/${encodeURIComponent(workflowIdOf(change.id))}`
    : null;
  return html`<section aria-labelledby="summary-heading">
<h2 id="summary-heading">${t.request.summary}</h2>
<dl>
  <dt>${t.columns.service}</dt><dd>${service.name} (${kindName(service.kind, lang)})</dd>
  <dt>${t.columns.roles}</dt><dd>${rolesText(t, change.roles)}</dd>
  <dt>${t.request.from}</dt><dd>${person(t, view.from, change.fromDecision)}</dd>
  <dt>${t.request.to}</dt><dd>${person(t, view.to, change.toDecision)}</dd>
  <dt>${t.request.asker}</dt><dd>${person(t, view.askedBy)}</dd>
  <dt>${t.columns.state}</dt><dd>${stateBadge(t, change.state)}</dd>
  <dt>${t.columns.created}</dt><dd>${time(change.createdAt, lang)}</dd>
  <dt>${t.request.expires}</dt><dd id="expires-at">${time(change.expiresAt, lang)}</dd>
  ${change.endedAt ? html`<dt>${t.request.ended}</dt><dd>${time(change.endedAt, lang)}</dd>` : ''}
</dl>
${workflowUrl ? html`<p><a href="${workflowUrl}" rel="noreferrer">${t.request.temporal}</a></p>` : ''}
</section>`;
}

function failing(lang: Language, view: ChangeView): Html {
  const { failingStep, failingSince, lastError } = view.change;
  if (!failingStep) return html``;
  const t = SUPPORT[lang];
  return html`<section class="notice error" aria-labelledby="failing-heading">
<h2 id="failing-heading">${t.request.failing.heading}</h2>
<p>${t.request.failing.text(failingStep, lastError)}</p>
${failingSince ? html`<p>${t.request.failing.since} ${time(failingSince, lang)}</p>` : ''}
</section>`;
}

export interface DetailContext {
  app: FastifyInstance;
  request: FastifyRequest;
  lang: Language;
  detail: SupportDetail;
  state: FormState | null;
}

export function detailBody({ app, request, lang, detail, state }: DetailContext): Html {
  const t = SUPPORT[lang];
  const { view } = detail;
  return html`<p><a href="/support">${t.request.back}</a></p>
<h1>${t.request.title(view.change.id)}</h1>
${failing(lang, view)}
${summary(app, lang, view)}
${actionsSection({ app, request, lang, view, state, providerApplies: providerAppliesTo(app.ctx, view.service.kind) })}
${emailsTable(lang, detail.mails, detail.handles)}
${webhooksTable(app, request, lang, view.change.id, detail.webhooks)}
${timelineTable(lang, detail.timeline, detail.handles)}`;
}
