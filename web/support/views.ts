import { formatSpan } from '../../domain/durations.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isFinal, type Language } from '../../domain/contact-change.js';
import type { ChangeView } from '../../db/queries.js';
import { Problem } from '../../core/problems.js';
import type { StuckReason } from '../../changes/stuck.js';
import { SUPPORT, type SupportCopy } from './copy/index.js';
import { html, type Html } from '../shared/html.js';
import { time } from '../shared/layout.js';
import { referenceLabel } from '../shared/names.js';

/** After requireViewer: anyone but support staff gets the not-found page, as if the console did not exist. */
export async function supportOnly(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  if (request.viewer?.role !== 'support') throw new Problem('notFound', 'There is nothing here.');
}

/** A value from the database in this language, or the value itself when the copy does not know it. */
export const label = <K extends string>(labels: Record<K, string>, key: string): string => labels[key as K] ?? key;

export function reasonText(t: SupportCopy, reason: StuckReason, lang: Language): string {
  switch (reason.code) {
    case 'pendingTooLong':
      return t.reasons.pendingTooLong(formatSpan(reason.afterMs, lang));
    case 'emailFailed':
      return t.reasons.emailFailed(
        label(t.recipients, reason.recipient),
        label(t.emailStatus, reason.status),
        reason.error,
      );
    case 'stepFailing':
      return t.reasons.stepFailing(reason.step, reason.error);
    case 'tokensLocked':
      return t.reasons.tokensLocked(reason.attempts);
    case 'applyOverdue':
      return t.reasons.applyOverdue(formatSpan(reason.afterMs, lang));
  }
}

export function stateBadge(t: SupportCopy, state: string): Html {
  const kind = state === 'done' ? 'done' : isFinal(state) ? 'ended' : 'pending';
  return html`<span class="badge ${kind}">${label(t.states, state)}</span>`;
}

export const rolesText = (t: SupportCopy, roles: string[]) => roles.map((role) => label(t.roles, role)).join(', ');

function reasonList(t: SupportCopy, reasons: StuckReason[], lang: Language): Html {
  return html`<ul class="reasons">${reasons.map((r) => html`<li>${reasonText(t, r, lang)}${r.since ? html` <span class="since">(${t.stuck.since} ${time(r.since, lang)})</span>` : ''}</li>`)}</ul>`;
}

/** Requests as a table; with `reasons`, a column says why each one is stuck and since when. */
export function changesTable(
  lang: Language,
  rows: { view: ChangeView; reasons?: StuckReason[] }[],
  labelledBy: string,
): Html {
  const t = SUPPORT[lang];
  const withReasons = rows.some((row) => row.reasons);
  return html`<div class="table-scroll" role="region" aria-labelledby="${labelledBy}" tabindex="0"><table class="support-changes stack" aria-labelledby="${labelledBy}">
  <thead><tr>
    <th scope="col">${referenceLabel(lang)}</th><th scope="col">${t.columns.service}</th><th scope="col">${t.columns.roles}</th>
    <th scope="col">${t.columns.contacts}</th><th scope="col">${t.columns.state}</th><th scope="col">${t.columns.created}</th>
    ${withReasons ? html`<th scope="col">${t.stuck.why}</th>` : ''}
  </tr></thead>
  <tbody>${rows.map(
    ({ view, reasons }) => html`<tr>
    <td data-label="${referenceLabel(lang)}"><a href="/support/requests/${encodeURIComponent(view.change.id)}"><code>${view.change.id}</code></a></td>
    <td data-label="${t.columns.service}">${view.service.name}</td>
    <td data-label="${t.columns.roles}">${rolesText(t, view.change.roles)}</td>
    <td data-label="${t.columns.contacts}"><span class="handle">${view.from.handle}</span> → <span class="handle">${view.to.handle}</span></td>
    <td data-label="${t.columns.state}">${stateBadge(t, view.change.state)}</td>
    <td data-label="${t.columns.created}">${time(view.change.createdAt, lang)}</td>
    ${withReasons ? html`<td data-label="${t.stuck.why}">${reasonList(t, reasons ?? [], lang)}</td>` : ''}
  </tr>`,
  )}</tbody>
</table></div>`;
}
