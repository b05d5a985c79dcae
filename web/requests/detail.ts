import { COMMON } from '../shared/copy/index.js';
import type { FastifyReply } from 'fastify';
import { PARTIES, type Party } from '../../domain/contact-change.js';
import type { ChangeView } from '../../db/queries.js';
import { html, type Html } from '../shared/html.js';
import { renderPage, time } from '../shared/layout.js';
import {
  actionForms,
  deadlineEntry,
  liveRegion,
  notices,
  progressText,
  reference,
  rolesText,
  stateBadge,
  who,
  type Ctx,
} from './parts.js';
import { timeline } from './timeline.js';
import { kindName, referenceLabel } from '../shared/names.js';

function facts(view: ChangeView, ctx: Ctx): Html {
  const { change, service, from, to, askedBy } = view;
  const { t, lang } = ctx;
  return html`<dl>
  <dt>${referenceLabel(lang)}</dt><dd>${reference(change.id)}</dd>
  <dt>${t.fields.service}</dt><dd>${service.name} (${kindName(service.kind, lang)})</dd>
  <dt>${t.fields.roles}</dt><dd>${rolesText(view, lang, t)}</dd>
  <dt>${t.fields.from}</dt><dd>${who(from)}</dd>
  <dt>${t.fields.to}</dt><dd>${who(to)}</dd>
  <dt>${t.fields.askedBy}</dt><dd>${who(askedBy)}</dd>
  <dt>${t.fields.created}</dt><dd>${time(change.createdAt, lang, ctx.viewer.timeZone)}</dd>
  ${deadlineEntry(view, ctx)}
  <dt>${t.fields.state}</dt><dd>${stateBadge(change.state, t)}</dd>
  <dt>${t.fields.progress}</dt><dd data-field="progress">${progressText(view, ctx.viewer, t)}</dd>
</dl>`;
}

function decisions(view: ChangeView, ctx: Ctx): Html {
  const { t, lang } = ctx;
  const entry = (party: Party) => {
    const decision = view.change[`${party}Decision` as const];
    const at = view.change[`${party}DecidedAt` as const];
    return html`<dt>${t.fields[party]}${COMMON[lang].colon}${who(view[party])}</dt>
  <dd data-field="decision-${party}">${decision ? t.detail[decision] : t.detail.undecided}${at ? html` ${time(at, lang, ctx.viewer.timeZone)}` : ''}</dd>`;
  };
  return html`<h2>${t.detail.decisions}</h2><dl class="decisions">${PARTIES.map(entry)}</dl>`;
}

/** The page of one request; `notice` says how an action went, with the action's status when it failed. */
export async function renderDetail(ctx: Ctx, reply: FastifyReply, view: ChangeView, notice: Html, status = 200) {
  const { change, service } = view;
  const { t } = ctx;
  const title = t.detail.title(service.name);
  const body = html`<p><a href="/requests"><span aria-hidden="true">←</span> ${t.detail.back}</a></p>
<h1>${title}</h1>
${notice}
${liveRegion(ctx.lang)}
<section class="request detail" id="request-${change.id}" data-request="${change.id}" data-state="${change.state}" data-service="${service.name}">
${facts(view, ctx)}
${decisions(view, ctx)}
${actionForms(view, ctx, { back: `/requests/${change.id}`, detail: true })}
<h2>${t.detail.timeline}</h2>
${await timeline(ctx, view)}
</section>`;
  return renderPage(ctx.app, ctx.request, reply, {
    title,
    body,
    status,
    section: 'requests',
    flash: notices(t),
    scripts: ['/assets/requests.js'],
    styles: ['/assets/requests.css'],
  });
}
