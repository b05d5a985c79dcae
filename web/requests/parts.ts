import { COMMON } from '../shared/copy/index.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { mayManage } from '../../changes/requests.js';
import { PARTIES, isFinal, type Language, type Party, type Role, type State } from '../../domain/contact-change.js';
import type { ChangeView, Person } from '../../db/queries.js';
import type { Account } from '../../db/schema.js';
import { REQUESTS_COPY, type RequestsCopy } from './copy/index.js';
import type { FlashWords } from '../shared/flash.js';
import { html, type Html } from '../shared/html.js';
import { pageLanguage } from '../shared/language.js';
import { csrfField, time } from '../shared/layout.js';
import { capitalize, roleList } from '../shared/names.js';

/** What every piece of these pages needs: the reader, their language and its strings. */
export interface Ctx {
  app: FastifyInstance;
  request: FastifyRequest;
  viewer: Account;
  lang: Language;
  t: RequestsCopy;
}

export function ctxOf(app: FastifyInstance, request: FastifyRequest): Ctx {
  const lang = pageLanguage(request);
  return { app, request, viewer: request.viewer!, lang, t: REQUESTS_COPY[lang] };
}

export { who } from '../shared/names.js';

// Once a request is being applied ('doing') the workflow refuses a cancel or a resend: no form for them then.
const OPEN_STATES: readonly string[] = ['todo', 'checkValidity', 'validatingByCustomers'];

const partyOf = (view: ChangeView, accountId: string): Party | null =>
  PARTIES.find((p) => view.change[`${p}Id` as const] === accountId) ?? null;

const decisionOf = (view: ChangeView, party: Party) => view.change[`${party}Decision` as const];

export const badgeClass = (state: string) => (!isFinal(state) ? 'pending' : state === 'done' ? 'done' : 'ended');

export const stateText = (state: string, t: RequestsCopy) => t.states[state as State] ?? state;

export function rolesText(view: ChangeView, lang: Language, t: RequestsCopy): string {
  return capitalize(roleList(view.change.roles as Role[], lang));
}

/** Who still has to decide, or how it ended, phrased for the one reading it. */
export function progressText(view: ChangeView, viewer: Account, t: RequestsCopy): string {
  const { change, endedBy } = view;
  const name = (a: Person) => (a.id === viewer.id ? t.you : a.handle);
  const undecided = PARTIES.filter((p) => decisionOf(view, p) === null).map((p) => view[p]);
  switch (change.state) {
    case 'doing':
      return t.progress.applying;
    case 'done':
      return t.progress.done;
    case 'error':
      return t.progress.error;
    case 'refused':
      return t.progress.refusedBy(name(decisionOf(view, 'from') === 'refused' ? view.from : view.to));
    case 'aborted':
      return endedBy ? t.progress.cancelledBy(name(endedBy)) : t.states.aborted;
    case 'expired':
      return undecided.length ? t.progress.expired(undecided.map((a) => a.handle)) : t.states.expired;
  }
  if (undecided.length === 0) return t.progress.applying;
  const others = undecided.filter((a) => a.id !== viewer.id).map((a) => a.handle);
  if (others.length < undecided.length) return others[0] ? t.progress.youAnd(others[0]) : t.progress.you;
  return others.length === 2 ? t.progress.both(others[0]!, others[1]!) : t.progress.other(others[0]!);
}

export interface Actions {
  decide: boolean;
  manage: boolean;
}

/** The actions open to this reader now (`now`), or that may open before the request ends (`offered`). */
export function actionsFor(view: ChangeView, viewer: Account): { now: Actions; offered: Actions } {
  const { state } = view.change;
  const party = partyOf(view, viewer.id);
  const undecided = party !== null && decisionOf(view, party) === null && !isFinal(state);
  const manager = mayManage(viewer, view) && !isFinal(state);
  return {
    offered: { decide: undecided, manage: manager },
    now: { decide: undecided && state === 'validatingByCustomers', manage: manager && OPEN_STATES.includes(state) },
  };
}

/** Until when a pending request is valid, or when it ended. */
export function deadline(view: ChangeView, t: RequestsCopy): { label: string; at: Date } {
  const { change } = view;
  return isFinal(change.state)
    ? { label: t.fields.ended, at: change.endedAt ?? change.updatedAt }
    : { label: t.fields.expires, at: change.expiresAt };
}

export function deadlineEntry(view: ChangeView, ctx: Ctx): Html {
  const { label, at } = deadline(view, ctx.t);
  return html`<dt data-field="deadline-label">${label}</dt><dd data-field="deadline">${time(at, ctx.lang, ctx.viewer.timeZone)}</dd>`;
}

/** A request's reference: its id, as the emails give it. */
export const reference = (id: string): Html => html`<code class="ref" data-field="reference">${id}</code>`;

export const stateBadge = (state: string, t: RequestsCopy): Html =>
  html`<span class="badge ${badgeClass(state)}" data-field="state">${stateText(state, t)}</span>`;

function decideForm(view: ChangeView, ctx: Ctx, hidden: boolean, withReason: boolean): Html {
  const { t, lang } = ctx;
  const id = view.change.id;
  return html`<form method="post" action="/requests/${id}/decision?lang=${lang}" class="decide" data-action="decide" autocomplete="off"${hidden ? html` hidden` : ''}>
  <fieldset>
    <legend>${t.decide.legend}</legend>
    ${csrfField(ctx.app, ctx.request)}
    <label for="token-${id}">${t.decide.token}</label>
    <input id="token-${id}" name="token" required spellcheck="false" autocapitalize="off" aria-describedby="token-hint-${id}">
    <p class="hint" id="token-hint-${id}">${t.decide.hint}</p>
    ${
      withReason
        ? html`<label for="reason-${id}">${t.decide.reason}</label>
    <textarea id="reason-${id}" name="reason" rows="2" maxlength="1000"></textarea>`
        : ''
    }
    <div class="actions">
      <button class="accept" type="submit" name="decision" value="accepted">${t.decide.accept}</button>
      <button class="refuse" type="submit" name="decision" value="refused">${t.decide.refuse}</button>
    </div>
  </fieldset>
</form>`;
}

function manageForms(view: ChangeView, ctx: Ctx, hidden: boolean, back: string): Html {
  const { t, lang } = ctx;
  const id = view.change.id;
  const common = html`${csrfField(ctx.app, ctx.request)}<input type="hidden" name="back" value="${back}">`;
  return html`<div class="manage" data-action="manage"${hidden ? html` hidden` : ''}>
  <form method="post" action="/requests/${id}/resend?lang=${lang}">${common}<button type="submit" class="secondary">${t.manage.resend}</button></form>
  <details>
    <summary>${t.manage.cancel}</summary>
    <form method="post" action="/requests/${id}/cancel?lang=${lang}">
      ${common}
      <label for="cancel-reason-${id}">${t.manage.reason}</label>
      <textarea id="cancel-reason-${id}" name="reason" rows="2" maxlength="1000"></textarea>
      <div class="actions"><button type="submit" class="danger">${t.manage.confirm}</button></div>
    </form>
  </details>
</div>`;
}

/** The forms this reader may use on a request; those not open yet are rendered hidden, for the poll to show. */
export function actionForms(view: ChangeView, ctx: Ctx, options: { back: string; detail: boolean }): Html {
  const { now, offered } = actionsFor(view, ctx.viewer);
  return html`${offered.decide ? decideForm(view, ctx, !now.decide, options.detail) : ''}${offered.manage ? manageForms(view, ctx, !now.manage, options.back) : ''}`;
}

/** A polite live region: the poll announces changes there. */
export const liveRegion = (lang: Language): Html =>
  html`<p class="visually-hidden" aria-live="polite" data-live data-colon="${COMMON[lang].colon}"></p>`;

export const notice = (kind: 'ok' | 'error', text: string): Html =>
  html`<p class="notice ${kind}" role="${kind === 'ok' ? 'status' : 'alert'}">${text}</p>`;

/** The confirmations an action leaves for the page it redirects to (flash.ts): one of ours, never free text. */
export const notices = (t: RequestsCopy): FlashWords => ({ area: 'requests', words: t.notices });
