import type { ZodError } from 'zod';
import type { Language } from '../../domain/contact-change.js';
import { MIN_PASSWORD } from '../../domain/contact.js';
import { countryName } from '../../i18n/format.js';
import { CONTACTS } from '../contacts/copy/index.js';
import { PROFILE, type ProfileCopy, type SavedNotice } from './copy/index.js';
import { html, type Html } from '../shared/html.js';
import { csrfField } from '../shared/layout.js';
import { errorSummary, formField } from '../shared/form.js';
import type { ProfileView } from './sections.js';

export type FormName = 'contact' | 'preferences' | 'password' | 'newsletters';
export type Values = Record<string, string | string[]>;
export type Errors = Record<string, string>;

/** A form the server refused: what was typed, and a message per field, already in the page language. */
export interface Failed {
  form: FormName;
  values: Values;
  errors: Errors;
}

/** One value of a form body: a repeated field keeps its first value. */
export const text = (value: unknown): string =>
  typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : '';

/** The zod schemas speak English to integrators; a person reads a message per field, in the page language. */
export function translateIssues(error: ZodError, lang: Language): Errors {
  const e = PROFILE[lang].errors;
  const checks = CONTACTS[lang].checks;
  const errors: Errors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (errors[field]) continue;
    const max = issue.code === 'too_big' ? Number(issue.maximum) : NaN;
    if (!Number.isNaN(max)) {
      errors[field] = e.tooLong(max);
      continue;
    }
    // The phone and the country are read as on the contact form, and said in its words.
    const country = (issue as { params?: { country?: unknown } }).params?.country;
    const byField: Record<string, string> = {
      email: issue.code === 'too_small' ? e.emailRequired : e.email,
      phone: typeof country === 'string' ? checks.phoneIn(countryName(country, lang)) : checks.phone,
      country: checks.country,
      language: e.language,
      communication: e.communication,
      newPassword: issue.code === 'too_small' ? e.short(MIN_PASSWORD) : e.invalid,
      password: issue.code === 'too_small' ? e.short(MIN_PASSWORD) : e.invalid,
    };
    errors[field] = byField[field] ?? e.invalid;
  }
  return errors;
}

/** The errors of a refused form, each a link to its field. */
function summary(failed: Failed | undefined, form: FormName, lang: Language): Html {
  if (failed?.form !== form) return html``;
  const items = Object.entries(failed.errors).map(([field, text]) => ({
    text,
    field: field === 'form' ? undefined : field,
  }));
  return errorSummary(PROFILE[lang].summary, items, `${form}-summary`);
}

const savedNotice = (saved: SavedNotice | null, which: SavedNotice[], t: ProfileCopy): Html => {
  const shown = saved && which.includes(saved) ? saved : null;
  return shown ? html`<p class="notice ok" role="status" id="saved-notice">${t.saved[shown]}</p>` : html``;
};

interface SectionParts {
  id: FormName;
  heading: string;
  intro?: string;
  /** The saved notices said in this section. */
  saved: SavedNotice[];
  path: string;
  fields: Html;
  save: string;
  /** More buttons, after Save. */
  more?: Html;
  /** After the form. */
  after?: Html;
}

/** A section of the profile: its heading, what was saved or refused, and its form. */
export function section(v: ProfileView, s: SectionParts): Html {
  return html`<section id="${s.id}" class="profile-section" aria-labelledby="${s.id}-heading">
  <h2 id="${s.id}-heading">${s.heading}</h2>
  ${s.intro ? html`<p class="hint">${s.intro}</p>` : ''}
  ${savedNotice(v.saved, s.saved, PROFILE[v.lang])}
  ${summary(v.failed, s.id, v.lang)}
  <form method="post" action="${v.action(s.path)}">
    ${csrfField(v.app, v.request)}
    ${s.fields}
    <div class="actions">
      <button type="submit" class="primary">${s.save}</button>${s.more ?? ''}
    </div>
  </form>${s.after ?? ''}
</section>`;
}

export interface TextField {
  id: string;
  label: string;
  value: string;
  error?: string;
  hint?: string;
  optional?: boolean;
  type?: string;
  autocomplete?: string;
  maxlength?: number;
  required?: boolean;
  extra?: Html;
}

export function textField(f: TextField, lang: Language): Html {
  const t = PROFILE[lang];
  return formField({
    id: f.id,
    label: f.label,
    optional: f.optional ? t.contact.optional : undefined,
    hint: f.hint,
    error: f.error,
    errorLabel: t.errorLabel,
    control: (aria) =>
      html`<input id="${f.id}" name="${f.id}" type="${f.type ?? 'text'}" value="${f.value}"${f.autocomplete ? html` autocomplete="${f.autocomplete}"` : ''}${f.maxlength ? html` maxlength="${f.maxlength}"` : ''}${f.required ? html` required` : ''}${f.extra ?? ''}${aria}>`,
  });
}

export interface NewPasswordField {
  id: string;
  label: string;
  hint: string;
  error?: string;
  value?: string;
  confirmId?: string;
}

/**
 * A new password with show/hide, a strength meter (the server's rating, as on submit), Generate and Copy; password.js
 * brings it to life.
 */
export function newPasswordField(f: NewPasswordField, lang: Language): Html {
  const t = PROFILE[lang].password;
  const control = (aria: Html) => html`<div class="password-row">
      <input id="${f.id}" name="${f.id}" type="password" autocomplete="new-password" minlength="${MIN_PASSWORD}" maxlength="200" required spellcheck="false" autocapitalize="off" value="${f.value ?? ''}" data-strength="${f.id}-strength"${f.confirmId ? html` data-confirm="${f.confirmId}"` : ''}${aria}>
      <button type="button" class="secondary" data-toggle="${f.id}" aria-controls="${f.id}" data-show="${t.show}" data-hide="${t.hide}" hidden>${t.show}</button>
    </div>
    <p class="strength" id="${f.id}-strength" aria-live="polite" data-url="/password-strength" data-min="${MIN_PASSWORD}" data-label="${t.strength}" data-weak="${t.weak}" data-fair="${t.fair}" data-strong="${t.strong}" data-too-short="${t.tooShort(MIN_PASSWORD)}"></p>
    <div class="password-tools" hidden>
      <button type="button" class="secondary" data-generate="${f.id}" data-generated="${t.generated}">${t.generate}</button>
      <button type="button" class="secondary" data-copy="${f.id}" data-copied="${t.copied}" data-copy-failed="${t.copyFailed}">${t.copy}</button>
    </div>
    <p class="hint tool-message" id="${f.id}-tools" aria-live="polite"></p>`;
  const { id, label, hint, error } = f;
  const errorLabel = PROFILE[lang].errorLabel;
  return formField(
    { id, label, hint, error, errorLabel, describedBy: [`${id}-strength`], control },
    'field password-field',
  );
}
