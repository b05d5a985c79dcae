import type { FastifyInstance, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import type { Enrolment, TwoStepStatus } from '../../accounts/two-step.js';
import type { Language } from '../../domain/contact-change.js';
import { groupedSecret } from '../../domain/two-step.js';
import { formField } from '../shared/form.js';
import { html, raw, type Html } from '../shared/html.js';
import { csrfField, time } from '../shared/layout.js';
import { TWO_STEP } from './copy/index.js';

/** The parts of the two-step pages: the state of two-step and its forms, the key to enrol, the recovery codes. */

export type FormName = 'confirm' | 'renew' | 'off';

/** A refused form: the message of each field, already in the page language. */
export interface Refused {
  form: FormName;
  errors: Record<string, string>;
}

export interface View {
  app: FastifyInstance;
  request: FastifyRequest;
  lang: Language;
  refused?: Refused;
}

const errorOf = (v: View, form: FormName, field: string) =>
  v.refused?.form === form ? v.refused.errors[field] : undefined;

/** A form posting to `path`, with the CSRF field. */
const form = (v: View, path: string, body: Html, className = '') =>
  html`<form method="post" action="${path}"${className ? html` class="${className}"` : ''}>
    ${csrfField(v.app, v.request)}
    ${body}
  </form>`;

function passwordField(v: View, form: FormName): Html {
  const t = TWO_STEP[v.lang];
  const id = `${form}-password`;
  return html`<input type="text" autocomplete="username" value="${v.request.viewer!.handle}" readonly hidden>
    ${formField({
      id,
      label: t.password,
      error: errorOf(v, form, 'password'),
      errorLabel: t.errorLabel,
      control: (aria) =>
        html`<input id="${id}" name="password" type="password" autocomplete="current-password" maxlength="200" required${aria}>`,
    })}`;
}

/** The field for a code: an app's six digits only (`appOnly`), or a recovery code as well. */
export function codeField(v: View, id: string, hint: string, error: string | undefined, appOnly = false): Html {
  const t = TWO_STEP[v.lang];
  const digits = appOnly ? html` inputmode="numeric" pattern="[0-9 ]*"` : '';
  return formField({
    id,
    label: t.code,
    hint,
    error,
    errorLabel: t.errorLabel,
    control: (aria) =>
      html`<input id="${id}" name="code" autocomplete="one-time-code" maxlength="20" required spellcheck="false" autocapitalize="off"${digits}${aria}>`,
  });
}

const submit = (label: string, className = 'primary') =>
  html`<div class="actions"><button type="submit" class="${className}">${label}</button></div>`;

/** Two-step off: one button starts. */
export function offSection(v: View): Html {
  const t = TWO_STEP[v.lang];
  return html`<section class="profile-section" id="two-step">
  <p id="two-step-status">${t.off.status}</p>
  ${form(v, '/account/two-step', submit(t.off.start))}
</section>`;
}

/** A key waiting for its first code: the QR code, the key as text, the code to confirm, and starting again. */
export async function enrolSection(v: View, enrolment: Enrolment): Promise<Html> {
  const t = TWO_STEP[v.lang];
  // An SVG inline: no image request, nothing inline for the CSP to refuse (its colours are attributes, not styles).
  const svg = await QRCode.toString(enrolment.otpauthUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return html`<section class="profile-section" id="enrol">
  <h2>${t.enrol.heading}</h2>
  <p class="hint">${t.enrol.scan}</p>
  <figure class="qr" role="img" aria-label="${t.enrol.qr}">${raw(svg)}</figure>
  <p>${t.enrol.key} <code id="totp-key" class="key">${groupedSecret(enrolment.secret)}</code></p>
  <p class="hint">${t.enrol.keyHint}</p>
  ${form(
    v,
    '/account/two-step/confirm',
    html`${codeField(v, 'code', t.enrol.codeHint, errorOf(v, 'confirm', 'code'), true)}${submit(t.enrol.confirm)}`,
  )}
  ${form(v, '/account/two-step', submit(t.enrol.restart, 'secondary'), 'bare')}
</section>`;
}

/** Two-step on: since when, the recovery codes left, new codes, and turning it off (unless it is required). */
export function onSections(v: View, status: TwoStepStatus): Html {
  const t = TWO_STEP[v.lang].on;
  const off = status.required
    ? html`<p class="notice" id="off-required">${t.required}</p>`
    : form(
        v,
        '/account/two-step/off',
        html`${passwordField(v, 'off')}
    ${codeField(v, 'off-code', t.offCodeHint, errorOf(v, 'off', 'code'))}
    ${submit(t.turnOff, 'danger')}`,
      );
  return html`<section class="profile-section" id="two-step">
  <p id="two-step-status"><strong>${t.status}</strong> ${t.since} ${time(status.enabledAt, v.lang, v.request.viewer?.timeZone)}</p>
  <p id="codes-left">${t.left(status.recoveryCodesLeft)}</p>
</section>
<section class="profile-section" id="renew">
  <h2>${t.renewHeading}</h2>
  <p class="hint">${t.renewIntro}</p>
  ${form(v, '/account/two-step/recovery-codes', html`${passwordField(v, 'renew')}${submit(t.renew)}`)}
</section>
<section class="profile-section" id="turn-off">
  <h2>${t.offHeading}</h2>
  <p class="hint">${t.offIntro}</p>
  ${off}
</section>`;
}

/** The recovery codes, shown this once. */
export function codesSection(v: View, codes: string[], notice: 'enabled' | 'renewed'): Html {
  const t = TWO_STEP[v.lang].codes;
  return html`<p class="notice ok" role="status" id="two-step-notice">${t[notice]}</p>
<section class="profile-section" id="recovery-codes">
  <h2>${t.heading}</h2>
  <p>${t.intro}</p>
  <ul class="recovery-codes" aria-label="${t.list}">${codes.map((code) => html`<li><code>${code}</code></li>`)}</ul>
  <p><a class="button" href="/account/two-step">${t.done}</a></p>
</section>`;
}
