import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Language } from '../../domain/contact-change.js';
import type { DeliveryRow } from '../../db/webhooks.js';
import { SUPPORT } from './copy/index.js';
import { html, type Html } from '../shared/html.js';
import { csrfField, time } from '../shared/layout.js';
import { label } from './views.js';

/**
 * An endpoint as support sees it: its address without the query, where a provider may have put a token ("?…" says
 * one is there). Support tells endpoints apart; it never needs what would let it call one.
 */
function shownAddress(url: string): string {
  const at = new URL(url);
  return `${at.origin}${at.pathname}${at.search ? '?…' : ''}`;
}

const statusClass = (status: string) => (status === 'failed' ? 'bad' : status === 'delivered' ? 'good' : '');

/** Each event's delivery to each endpoint, every attempt (when, and the answer or the error), and Send again. */
export function webhooksTable(
  app: FastifyInstance,
  request: FastifyRequest,
  lang: Language,
  changeId: string,
  deliveries: DeliveryRow[],
): Html {
  const t = SUPPORT[lang].webhooks;
  const body =
    deliveries.length === 0
      ? html`<p>${t.none}</p>`
      : html`<div class="table-scroll" role="region" aria-labelledby="webhooks-heading" tabindex="0"><table class="support-webhooks stack" aria-labelledby="webhooks-heading">
  <thead><tr>
    <th scope="col">${t.event}</th><th scope="col">${t.endpoint}</th><th scope="col">${t.status}</th><th scope="col">${t.attempts}</th><th scope="col"></th>
  </tr></thead>
  <tbody>${deliveries.map(
    (d) => html`<tr class="webhook-delivery" data-delivery="${String(d.id)}">
    <td data-label="${t.event}"><code>${d.type}</code> #${String(d.eventId)}</td>
    <td data-label="${t.endpoint}">${shownAddress(d.url)}${d.disabledAt ? html`<p class="error-text">${t.disabled}</p>` : ''}</td>
    <td data-label="${t.status}"><span class="email-status ${statusClass(d.status)}">${label(t.statuses, d.status)}</span></td>
    <td data-label="${t.attempts}">${
      d.attempts.length === 0
        ? t.noAttempt
        : html`<ol class="webhook-attempts">${d.attempts.map(
            (a) =>
              html`<li>${time(a.at, lang)} — ${a.statusCode !== null ? t.answered(a.statusCode) : html`<span class="error-text">${a.error ?? ''}</span>`}</li>`,
          )}</ol>`
    }</td>
    <td><form method="post" action="/support/requests/${encodeURIComponent(changeId)}/webhooks/${String(d.id)}/send-again">
      ${csrfField(app, request)}
      <button type="submit" class="secondary">${t.again}</button>
    </form></td>
  </tr>`,
  )}</tbody>
</table></div>`;
  return html`<section><h2 id="webhooks-heading">${t.heading}</h2>${body}</section>`;
}
