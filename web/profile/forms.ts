import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodError } from 'zod';
import type { Profile } from '../../accounts/profile.js';
import type { Language } from '../../domain/contact-change.js';
import { MIN_PASSWORD, NEWSLETTERS } from '../../domain/contact.js';
import type { Account } from '../../db/schema.js';
import { PROFILE, type ProfileCopy, type SavedNotice } from './copy/index.js';
import { html, type Html } from '../shared/html.js';
import { csrfField } from '../shared/layout.js';
import { aria, checkboxes, choice, errorSummary, fieldError, formField, languageOptions } from '../shared/form.js';

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
  const errors: Errors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (errors[field]) continue;
    const max = issue.code === 'too_big' ? Number(issue.maximum) : NaN;
    if (!Number.isNaN(max)) {
      errors[field] = e.tooLong(max);
      continue;
    }
    const byField: Record<string, string> = {
      email: issue.code === 'too_small' ? e.emailRequired : e.email,
      phone: e.phone,
      country: e.country,
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
function section(v: ProfileView, s: SectionParts): Html {
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

interface TextField {
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

function textField(f: TextField, lang: Language): Html {
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

/** A new password with show/hide, a strength meter, Generate and Copy; password.js brings it to life. */
export function newPasswordField(f: NewPasswordField, lang: Language): Html {
  const t = PROFILE[lang].password;
  const control = (aria: Html) => html`<div class="password-row">
      <input id="${f.id}" name="${f.id}" type="password" autocomplete="new-password" minlength="${MIN_PASSWORD}" maxlength="200" required spellcheck="false" autocapitalize="off" value="${f.value ?? ''}" data-strength="${f.id}-strength"${f.confirmId ? html` data-confirm="${f.confirmId}"` : ''}${aria}>
      <button type="button" class="secondary" data-toggle="${f.id}" aria-controls="${f.id}" data-show="${t.show}" data-hide="${t.hide}" hidden>${t.show}</button>
    </div>
    <p class="strength" id="${f.id}-strength" aria-live="polite" data-min="${MIN_PASSWORD}" data-label="${t.strength}" data-weak="${t.weak}" data-fair="${t.fair}" data-strong="${t.strong}" data-too-short="${t.tooShort(MIN_PASSWORD)}"></p>
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

export interface ProfileView {
  app: FastifyInstance;
  request: FastifyRequest;
  lang: Language;
  viewer: Account;
  /** Null: a sub-account without the profile permission, which sees only its password. */
  profile: Profile | null;
  choices: Account[];
  failed?: Failed;
  saved: SavedNotice | null;
  /** The form's address, with the page's ?lang when it has one. */
  action: (path: string) => string;
}

function contactSection(v: ProfileView, profile: Profile): Html {
  const t = PROFILE[v.lang];
  const c = t.contact;
  const { account } = profile;
  const mine = v.failed?.form === 'contact' ? v.failed : undefined;
  const value = (field: keyof Account) => (mine ? text(mine.values[field]) : String(account[field] ?? ''));
  const field = (id: keyof Account & string, label: string, more: Partial<TextField> = {}) =>
    textField({ id, label, value: value(id), error: mine?.errors[id], ...more }, v.lang);
  const nameError = mine?.errors.firstName ?? mine?.errors.lastName;
  const readOnly = (id: 'firstName' | 'lastName', label: string) => html`<div class="field">
      <label for="${id}">${label}</label>
      <input id="${id}" value="${account[id]}" readonly${aria(['names-hint', nameError && 'names-error'], nameError)}>
    </div>`;
  const fields = html`<div class="names">
      ${readOnly('firstName', c.firstName)}
      ${readOnly('lastName', c.lastName)}
    </div>
    <p class="hint names-hint" id="names-hint">${c.nameHint}</p>
    ${fieldError('names', nameError, t.errorLabel)}
    ${field('email', c.email, { type: 'email', autocomplete: 'email', maxlength: 254, required: true, hint: c.emailHint })}
    ${field('phone', c.phone, { type: 'tel', autocomplete: 'tel', maxlength: 40, hint: c.phoneHint, optional: true })}
    ${field('company', c.company, { autocomplete: 'organization', maxlength: 200, optional: true })}
    ${field('street', c.street, { autocomplete: 'street-address', maxlength: 200, optional: true })}
    <div class="pair">
      ${field('postalCode', c.postalCode, { autocomplete: 'postal-code', maxlength: 20, optional: true })}
      ${field('city', c.city, { autocomplete: 'address-level2', maxlength: 100, optional: true })}
    </div>
    ${field('country', c.country, { autocomplete: 'country', maxlength: 2, hint: c.countryHint, optional: true, extra: html` class="short" autocapitalize="characters"` })}`;
  const { heading, intro, save } = c;
  return section(v, { id: 'contact', heading, intro, saved: ['contact'], path: '/profile', fields, save });
}

function preferencesSection(v: ProfileView, profile: Profile): Html {
  const t = PROFILE[v.lang];
  const p = t.preferences;
  const { account, billingContact } = profile;
  const mine = v.failed?.form === 'preferences' ? v.failed : undefined;
  const billing = mine ? text(mine.values.billingContact) : (billingContact?.handle ?? account.handle);
  const communication = mine ? text(mine.values.communication) : account.communication;
  const language = mine ? text(mine.values.language) : account.language;
  const option = (contact: Account) =>
    html`<option value="${contact.handle}"${contact.handle === billing ? html` selected` : ''}>${contact.name} (${contact.handle})${contact.id === account.id ? html` – ${p.holder}` : ''}</option>`;
  const radio = (value: 'email' | 'post', label: string) =>
    choice({
      type: 'radio',
      name: 'communication',
      value,
      id: `communication-${value}`,
      label,
      checked: communication === value,
      error: mine?.errors.communication,
    });
  const fields = html`${formField({
    id: 'billingContact',
    label: p.billingContact,
    hint: v.choices.length > 1 ? p.billingHint : p.noContacts,
    error: mine?.errors.billingContact,
    errorLabel: t.errorLabel,
    control: (aria) => html`<select id="billingContact" name="billingContact"${aria}>${v.choices.map(option)}</select>`,
  })}
    <fieldset id="communication"${mine?.errors.communication ? html` aria-describedby="communication-error"` : ''}>
      <legend>${p.communication}</legend>
      ${radio('email', p.byEmail)}
      ${radio('post', p.byPost)}
      ${fieldError('communication', mine?.errors.communication, t.errorLabel)}
    </fieldset>
    ${formField({
      id: 'language',
      label: p.language,
      hint: p.languageHint,
      error: mine?.errors.language,
      errorLabel: t.errorLabel,
      control: (aria) => html`<select id="language" name="language"${aria}>${languageOptions(language)}</select>`,
    })}`;
  const { heading, intro, save } = p;
  return section(v, {
    id: 'preferences',
    heading,
    intro,
    saved: ['preferences'],
    path: '/profile/preferences',
    fields,
    save,
  });
}

function passwordSection(v: ProfileView): Html {
  const t = PROFILE[v.lang];
  const p = t.password;
  const mine = v.failed?.form === 'password' ? v.failed : undefined;
  const fields = html`<input type="text" autocomplete="username" value="${v.viewer.handle}" readonly hidden>
    ${formField({
      id: 'currentPassword',
      label: p.current,
      error: mine?.errors.currentPassword,
      errorLabel: t.errorLabel,
      control: (aria) =>
        html`<input id="currentPassword" name="currentPassword" type="password" autocomplete="current-password" maxlength="200" required${aria}>`,
    })}
    ${newPasswordField({ id: 'newPassword', label: p.next, hint: p.nextHint(MIN_PASSWORD), error: mine?.errors.newPassword }, v.lang)}`;
  const { heading, intro, save } = p;
  return section(v, { id: 'password', heading, intro, saved: ['password'], path: '/profile/password', fields, save });
}

function newslettersSection(v: ProfileView, profile: Profile): Html {
  const t = PROFILE[v.lang];
  const n = t.newsletters;
  const mine = v.failed?.form === 'newsletters' ? v.failed : undefined;
  const chosen = mine ? [mine.values.newsletters ?? []].flat() : profile.account.newsletters;
  const boxes = checkboxes({
    name: 'newsletters',
    values: NEWSLETTERS,
    id: (key) => `newsletter-${key}`,
    copy: (key) => ({ label: n.items[key].label, hint: n.items[key].description }),
    chosen,
  });
  return section(v, {
    id: 'newsletters',
    heading: n.heading,
    saved: ['newsletters', 'unsubscribed'],
    path: '/profile/newsletters',
    fields: html`<fieldset aria-describedby="newsletters-note">
      <legend>${n.intro}</legend>
      ${boxes}
    </fieldset>
    <p class="hint" id="newsletters-note">${n.note}</p>`,
    save: n.save,
    more: html`
      <button type="submit" class="secondary" form="newsletters-none">${n.unsubscribeAll}</button>`,
    after: html`
  <form method="post" action="${v.action('/profile/newsletters')}" id="newsletters-none" class="bare">${csrfField(v.app, v.request)}</form>`,
  });
}

export function profileBody(v: ProfileView): Html {
  const t = PROFILE[v.lang];
  const { profile } = v;
  const keeper = profile && profile.account.id !== v.viewer.id ? profile.account : null;
  const intro = !profile
    ? html`<p class="notice" id="restricted">${t.restricted}</p>`
    : keeper
      ? html`<p>${t.keeperIntro(`${keeper.name} (${keeper.handle})`)}</p>`
      : html`<p>${t.intro}</p>`;
  const sections = profile
    ? ([
        ['contact', t.contact.heading],
        ['preferences', t.preferences.heading],
        ['password', t.password.heading],
        ['newsletters', t.newsletters.heading],
      ] as const)
    : [];
  return html`<h1>${t.title}</h1>
${intro}
${sections.length ? html`<nav class="profile-nav" aria-label="${t.sections}"><ul>${sections.map(([id, label]) => html`<li><a href="#${id}">${label}</a></li>`)}</ul></nav>` : ''}
${profile ? contactSection(v, profile) : ''}
${profile ? preferencesSection(v, profile) : ''}
${passwordSection(v)}
${profile ? newslettersSection(v, profile) : ''}`;
}
