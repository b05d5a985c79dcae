import { isFinal, type Decision, type Language, type Party, type Role } from '../../domain/contact-change.js';
import type { DecisionSummary } from '../../db/queries.js';
import { formatDate } from '../../i18n/format.js';
import { time } from '../shared/layout.js';
import { Problem } from '../../core/problems.js';
import { kindName, roleList, who } from '../shared/names.js';
import { labelled } from '../shared/form.js';
import { html, type Html } from '../shared/html.js';
import type { DecisionCopy, EndedState } from './copy/index.js';

/** The contact whose code was checked: which party it is, what it decided and when. */
export interface You {
  party: Party;
  decision: Decision;
  at: Date;
}

/** What the person typed, given back after a refusal, with the error about the code next to it. */
export interface Typed {
  token: string;
  reason?: string;
  error?: string;
}

/** Where the request stands, said first: your own decision once your code is known, or how the request ended. */
export function banner(view: DecisionSummary, lang: Language, t: DecisionCopy, you?: You): Html {
  const { state, expiresAt, updatedAt } = view.change;
  if (you) {
    const outcome =
      state === 'validatingByCustomers'
        ? you.decision === 'accepted'
          ? t.results.awaiting
          : t.results.recorded
        : (t.results[state as keyof DecisionCopy['results']] ?? t.results.recorded);
    return html`<div class="notice ok" role="status" id="outcome">
  <p><strong>${t.youAre[you.party]}</strong></p>
  <p>${t.decided(you.decision, formatDate(you.at, lang))}</p>
  <p>${outcome} ${t.nothingToDo}</p>
</div>`;
  }
  if (!isFinal(state)) return html``;
  const at = formatDate(state === 'expired' ? expiresAt : updatedAt, lang);
  return html`<div class="notice" role="status" id="outcome">
  <p><strong>${t.ended[state as EndedState](at)}</strong></p>
  <p>${t.nothingToDo}</p>
</div>`;
}

export function summary(view: DecisionSummary, lang: Language, t: DecisionCopy): Html {
  const { change, service, from, to, askedBy } = view;
  const roles = roleList(change.roles as Role[], lang);
  return html`
<p>${t.intro(who(askedBy), roles, service.name)}</p>
<dl>
  <dt>${t.service}</dt><dd>${service.name} (${kindName(service.kind, lang)})</dd>
  <dt>${t.roles}</dt><dd>${roles}</dd>
  <dt>${t.from}</dt><dd>${who(from)}</dd>
  <dt>${t.to}</dt><dd>${who(to)}</dd>
  <dt>${t.askedBy}</dt><dd>${who(askedBy)}</dd>
  <dt>${t.expires}</dt><dd>${time(change.expiresAt, lang)}</dd>
  <dt>${t.state}</dt><dd>${t.states[change.state] ?? change.state}</dd>
</dl>`;
}

/**
 * The form, only while the request waits and this contact's decision is not known. Enter decides nothing: the first
 * submit button, the one Enter would press, is a disabled one (the script also moves on to the next field).
 */
export function decisionForm(view: DecisionSummary, lang: Language, t: DecisionCopy, typed?: Typed): Html {
  if (view.change.state !== 'validatingByCustomers') return html``;
  const token = labelled({
    id: 'token',
    label: t.tokenLabel,
    hint: t.tokenHint,
    error: typed?.error,
    control: (aria) =>
      html`<input id="token" name="token" type="text" inputmode="text" spellcheck="false" autocapitalize="off" enterkeyhint="next" ${typed?.token ? html` value="${typed.token}"` : ''}${aria}>`,
  });
  return html`
<form method="post" action="/requests/${view.change.id}/decision?lang=${lang}" autocomplete="off" id="decision-form">
  <button type="submit" disabled hidden aria-hidden="true" tabindex="-1"></button>
  ${token}
  <label for="reason">${t.reasonLabel}</label>
  <textarea id="reason" name="reason" rows="2" maxlength="1000">${typed?.reason ?? ''}</textarea>
  <div class="actions">
    <button class="accept" type="submit" name="decision" value="accepted">${t.accept}</button>
    <button class="refuse" type="submit" name="decision" value="refused">${t.refuse}</button>
  </div>
</form>
<p class="hint">${t.unexpected}</p>`;
}

/** A refused code's words, and whether they belong next to the code field rather than above the page. */
export function problemText(err: Problem, t: DecisionCopy): { text: string; field: boolean } {
  if (err.code === 'tokensLocked') return { text: t.problems.locked, field: false };
  if (err.code === 'tooManyRequests') return { text: t.problems.tooMany, field: false };
  if (err.code === 'tooManyWrongCodes') {
    const minutes = Math.ceil(Number(err.extra.retryAfterSeconds ?? 60) / 60);
    return { text: t.problems.tooManyWrongCodes(minutes), field: true };
  }
  // Whatever else refuses a code (malformed, used, superseded) is told as one invalid code: it tells a guesser nothing.
  return err.status < 500
    ? { text: t.problems.invalidToken, field: true }
    : { text: t.problems.unavailable, field: false };
}
