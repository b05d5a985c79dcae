import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isFinal, type Language } from '../../domain/contact-change.js';
import type { ChangeView } from '../../db/queries.js';
import { MAX_EXTENSION_MS } from '../../workflows/messages.js';
import { SUPPORT, type SupportCopy } from './copy/index.js';
import { html, type Html } from '../shared/html.js';
import { csrfField, time } from '../shared/layout.js';
import { labelled } from '../shared/form.js';

export const ACTIONS = ['resend', 'extend', 'cancel', 'applied', 'failed'] as const;
export type Action = (typeof ACTIONS)[number];
export type Field = 'reason' | 'expiresAt' | 'form';

/** What a refused form sent back, with an error per field (or for the whole form), already in words. */
export interface FormState {
  action: Action;
  status: number;
  errors: Partial<Record<Field, string>>;
  reason: string;
  expiresAt: string;
}

const DAY_MS = 86_400_000;
/** The value of a datetime-local field, in UTC; support.js shows it in the reader's time zone. */
export const utcInput = (date: Date) => date.toISOString().slice(0, 19);

/** A datetime-local value, read in UTC unless the form says which zone (minutes east of UTC) it was typed in. */
export function parseDateTime(value: string, zone: string): Date | null {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2}(?:\.\d{1,3})?)?$/.exec(value.trim());
  if (!match) return null;
  const minutes = /^-?\d{1,3}$/.test(zone) && Math.abs(Number(zone)) <= 14 * 60 ? Number(zone) : 0;
  const at = Date.parse(`${match[1]}${match[2] ?? ':00'}Z`) - minutes * 60_000;
  return Number.isNaN(at) ? null : new Date(at);
}

function reasonField(t: SupportCopy, action: Action, state: FormState | null): Html {
  const id = `${action}-reason`;
  const error = state?.errors.reason;
  return labelled({
    id,
    label: t.actions.reason,
    hint: t.actions.reasonHint,
    error,
    control: (aria) =>
      html`<textarea id="${id}" name="reason" rows="2" maxlength="1000" required${aria}${error ? html` autofocus` : ''}>${state?.reason ?? ''}</textarea>`,
  });
}

function expiryField(t: SupportCopy, lang: Language, view: ChangeView, state: FormState | null): Html {
  const error = state?.errors.expiresAt;
  const now = Date.now();
  const suggested = new Date(
    Math.min(Math.max(view.change.expiresAt.getTime(), now) + 7 * DAY_MS, now + MAX_EXTENSION_MS - 60_000),
  );
  return labelled({
    id: 'extend-expiresAt',
    label: html`${t.actions.extend.label} <span data-local="${t.actions.extend.local}">${t.actions.extend.utc}</span>`,
    hint: html`${t.actions.extend.limit} ${t.actions.extend.current} ${time(view.change.expiresAt, lang)}`,
    error,
    control: (aria) => html`<input type="datetime-local" id="extend-expiresAt" name="expiresAt"
    step="1" required data-utc min="${utcInput(new Date(now))}" max="${utcInput(new Date(now + MAX_EXTENSION_MS))}" value="${state?.expiresAt ?? utcInput(suggested)}"${aria}${error ? html` autofocus` : ''}>
  <input type="hidden" name="zone" value="">`,
  });
}

interface FormContext {
  app: FastifyInstance;
  request: FastifyRequest;
  lang: Language;
  view: ChangeView;
  state: FormState | null;
  /** The provider applies this kind of change (PROVIDER_APPLIES): support may say it did, or failed, in its stead. */
  providerApplies: boolean;
}

function actionForm({ app, request, lang, view, state }: FormContext, action: Action): Html {
  const t = SUPPORT[lang];
  const copy = t.actions[action];
  const mine = state?.action === action ? state : null;
  return html`<section class="support-action" aria-labelledby="${action}-heading">
<h3 id="${action}-heading">${copy.heading}</h3>
<p class="hint">${copy.hint}</p>
<form method="post" action="/support/requests/${encodeURIComponent(view.change.id)}/${action}">
  ${csrfField(app, request)}
  ${mine?.errors.form ? html`<p class="notice error" role="alert">${mine.errors.form}</p>` : ''}
  ${action === 'extend' ? expiryField(t, lang, view, mine) : ''}
  ${reasonField(t, action, mine)}
  <div class="actions"><button type="submit" class="${action === 'cancel' || action === 'failed' ? 'danger' : 'secondary'}">${copy.submit}</button></div>
</form>
</section>`;
}

/** The actions open to this request now; each needs a reason, which lands on the timeline. */
export function actionsSection(context: FormContext): Html {
  const { lang, view, state } = context;
  const t = SUPPORT[lang];
  const current = view.change.state;
  const open: Action[] =
    current === 'validatingByCustomers'
      ? ['resend', 'extend', 'cancel']
      : ['todo', 'checkValidity'].includes(current)
        ? ['cancel']
        : current === 'doing' && context.providerApplies
          ? ['applied', 'failed']
          : [];
  // A refusal for a form that is gone (the request ended meanwhile) is still said.
  const orphan = state && !open.includes(state.action) ? Object.values(state.errors)[0] : null;
  return html`<section aria-labelledby="actions-heading">
<h2 id="actions-heading">${t.actions.heading}</h2>
${orphan ? html`<p class="notice error" role="alert">${orphan}</p>` : ''}
${open.length ? open.map((action) => actionForm(context, action)) : isFinal(current) ? html`<p>${t.actions.ended}</p>` : ''}
</section>`;
}
