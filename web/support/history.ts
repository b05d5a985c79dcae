import { COMMON } from '../shared/copy/index.js';
import type { Language } from '../../domain/contact-change.js';
import type { ChangeEvent, Email } from '../../db/schema.js';
import { cancelReasonText } from '../../i18n/words/index.js';
import { SUPPORT, type SupportCopy } from './copy/index.js';
import { html, type Html } from '../shared/html.js';
import { time } from '../shared/layout.js';
import { label, rolesText } from './views.js';

/** Account handles by id, for the "who" of events and emails. */
export type Handles = Map<string, string>;

const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

/** The facts an event carries, in words; a person's reason is shown apart. */
function eventFacts(t: SupportCopy, lang: Language, event: ChangeEvent): Html {
  const d = event.detail ?? {};
  const party = event.party ? label(t.recipients, event.party) : null;
  switch (event.type) {
    case 'created':
      return html`${rolesText(t, Array.isArray(d.roles) ? d.roles.map(String) : [])} → ${text(d.to)}`;
    case 'state':
      return html`${label(t.states, String(d.state))}`;
    case 'resent':
      return html`#${String(d.sending ?? '')}`;
    case 'extended':
      return d.expiresAt ? html`${t.request.expires} ${time(String(d.expiresAt), lang)}` : html``;
    case 'tokensLocked':
      return html`${t.reasons.tokensLocked(Number(d.attempts ?? 0))}`;
    default: {
      const kind = text(d.kind) ? label(t.emailKinds, String(d.kind)) : null;
      return html`${[party, kind].filter(Boolean).join(' · ')}${text(d.error) ? html`<br><span class="error-text">${text(d.error)}</span>` : ''}`;
    }
  }
}

export function timelineTable(lang: Language, events: ChangeEvent[], handles: Handles): Html {
  const t = SUPPORT[lang];
  return html`<section>
<h2 id="timeline-heading">${t.timeline.heading}</h2>
<div class="table-scroll" role="region" aria-labelledby="timeline-heading" tabindex="0"><table class="support-timeline stack" aria-labelledby="timeline-heading">
  <thead><tr><th scope="col">${t.timeline.at}</th><th scope="col">${t.timeline.what}</th><th scope="col">${t.timeline.who}</th><th scope="col">${t.timeline.detail}</th></tr></thead>
  <tbody>${events.map((event) => {
    const reason = cancelReasonText(event.detail?.reasonCode, lang) ?? text(event.detail?.reason);
    return html`<tr class="event-${event.type}">
    <td data-label="${t.timeline.at}">${time(event.at, lang)}</td>
    <td data-label="${t.timeline.what}">${label(t.timeline.events, event.type)}</td>
    <td data-label="${t.timeline.who}">${event.accountId ? (handles.get(event.accountId) ?? '') : ''}</td>
    <td data-label="${t.timeline.detail}">${eventFacts(t, lang, event)}${reason ? html`<p class="reason"><strong>${t.timeline.reason}${COMMON[lang].colon.trimEnd()}</strong> ${reason}</p>` : ''}</td>
  </tr>`;
  })}</tbody>
</table></div>
</section>`;
}

const emailClass = (status: string) =>
  ['failed', 'bounced', 'complained'].includes(status) ? 'bad' : status === 'delivered' ? 'good' : '';

/** Each email's delivery: sent, delivered, bounced, or failed with the provider's error. */
export function emailsTable(lang: Language, emails: Email[], handles: Handles): Html {
  const t = SUPPORT[lang];
  const body =
    emails.length === 0
      ? html`<p>${t.emails.none}</p>`
      : html`<div class="table-scroll" role="region" aria-labelledby="emails-heading" tabindex="0"><table class="support-emails stack" aria-labelledby="emails-heading">
  <thead><tr>
    <th scope="col">${t.emails.to}</th><th scope="col">${t.emails.kind}</th><th scope="col">${t.emails.sending}</th><th scope="col">${t.emails.status}</th>
    <th scope="col">${t.emails.attempts}</th><th scope="col">${t.emails.error}</th><th scope="col">${t.emails.at}</th>
  </tr></thead>
  <tbody>${emails.map(
    (e) => html`<tr>
    <td data-label="${t.emails.to}">${label(t.recipients, e.recipient)} (${handles.get(e.accountId) ?? ''})</td>
    <td data-label="${t.emails.kind}">${label(t.emailKinds, e.kind)}</td>
    <td data-label="${t.emails.sending}">#${e.sending}</td>
    <td data-label="${t.emails.status}"><span class="email-status ${emailClass(e.status)}">${label(t.emailStatus, e.status)}</span></td>
    <td data-label="${t.emails.attempts}">${e.attempts}</td>
    <td data-label="${t.emails.error}">${e.lastError ? html`<span class="error-text">${e.lastError}</span>` : ''}</td>
    <td data-label="${t.emails.at}">${time(e.updatedAt, lang)}</td>
  </tr>`,
  )}</tbody>
</table></div>`;
  return html`<section><h2 id="emails-heading">${t.emails.heading}</h2>${body}</section>`;
}
