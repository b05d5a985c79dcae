import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Profile } from '../../accounts/profile.js';
import type { Language } from '../../domain/contact-change.js';
import { MIN_PASSWORD, NEWSLETTERS } from '../../domain/contact.js';
import { TIME_ZONES } from '../../domain/time-zones.js';
import type { Account } from '../../db/schema.js';
import { ACTIVITY } from '../activity/copy/index.js';
import { API_TOKENS } from '../api-tokens/copy/index.js';
import { CONTACTS } from '../contacts/copy/index.js';
import { PROFILE, type SavedNotice } from './copy/index.js';
import { SESSIONS } from '../sessions/copy/index.js';
import { html, type Html } from '../shared/html.js';
import { csrfField } from '../shared/layout.js';
import { aria, checkboxes, choice, countryOptions, fieldError, formField, languageOptions } from '../shared/form.js';
import { newPasswordField, section, text, textField, type Failed, type TextField } from './forms.js';
import { TWO_STEP } from '../two-step/copy/index.js';
import { ADDRESS } from '../address/copy/index.js';
import { addressPasswordField, pendingEmailNotice, withdrawForm, withdrawnNotice } from '../address/parts.js';

// The four sections of the profile page, each its own form.

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
  // The phone and the country are read as on the contact form, and hinted in its words.
  const hints = CONTACTS[v.lang].fields;
  const { account } = profile;
  const mine = v.failed?.form === 'contact' ? v.failed : undefined;
  const holder = account.id === v.viewer.id;
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
    ${field('email', c.email, { type: 'email', autocomplete: 'email', maxlength: 254, required: true, ...emailField(v, profile) })}
    ${holder ? html`${pendingEmailNotice(v.lang, profile.pendingEmail, v.request.viewer?.timeZone)}${addressPasswordField(v.lang, mine?.errors.addressPassword, t.errorLabel)}` : ''}
    ${field('phone', c.phone, { type: 'tel', autocomplete: 'tel', maxlength: 40, hint: hints.phone.hint, optional: true })}
    ${field('company', c.company, { autocomplete: 'organization', maxlength: 200, optional: true })}
    ${field('street', c.street, { autocomplete: 'street-address', maxlength: 200, optional: true })}
    <div class="pair">
      ${field('postalCode', c.postalCode, { autocomplete: 'postal-code', maxlength: 20, optional: true })}
      ${field('city', c.city, { autocomplete: 'address-level2', maxlength: 100, optional: true })}
    </div>
    ${formField({
      id: 'country',
      label: c.country,
      optional: c.optional,
      hint: hints.country.hint,
      error: mine?.errors.country,
      errorLabel: t.errorLabel,
      control: (aria) =>
        html`<select id="country" name="country" autocomplete="country"${aria}>${countryOptions(value('country'), v.lang)}</select>`,
    })}`;
  const { heading, intro, save } = c;
  const after = holder ? withdrawForm(v.app, v.request, v.lang, profile.pendingEmail) : undefined;
  return section(v, { id: 'contact', heading, intro, saved: ['contact'], path: '/profile', fields, save, after });
}

/** The address: the account holder changes it with the password beside it; a sub-account only reads it. */
function emailField(v: ProfileView, profile: Profile): Partial<TextField> {
  const hint = PROFILE[v.lang].contact.emailHint;
  if (profile.account.id === v.viewer.id) return { hint };
  return { hint: `${hint} ${ADDRESS[v.lang].field.holderOnly}`, extra: html` readonly` };
}

function preferencesSection(v: ProfileView, profile: Profile): Html {
  const t = PROFILE[v.lang];
  const p = t.preferences;
  const { account, billingContact } = profile;
  const mine = v.failed?.form === 'preferences' ? v.failed : undefined;
  const billing = mine ? text(mine.values.billingContact) : (billingContact?.handle ?? account.handle);
  const communication = mine ? text(mine.values.communication) : account.communication;
  const language = mine ? text(mine.values.language) : account.language;
  const zone = mine ? text(mine.values.timeZone) : (account.timeZone ?? '');
  const zoneOption = (value: string, label: string) =>
    html`<option value="${value}"${value === zone ? html` selected` : ''}>${label}</option>`;
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
    })}
    ${formField({
      id: 'timeZone',
      label: p.timeZone,
      hint: p.timeZoneHint,
      error: mine?.errors.timeZone,
      errorLabel: t.errorLabel,
      control: (aria) =>
        html`<select id="timeZone" name="timeZone"${aria}>${zoneOption('', p.timeZoneNone)}${TIME_ZONES.map((z) => zoneOption(z, z.replace(/_/g, ' ')))}</select>`,
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
${withdrawnNotice(v.request, v.lang)}
${sections.length ? html`<nav class="profile-nav" aria-label="${t.sections}"><ul>${sections.map(([id, label]) => html`<li><a href="#${id}">${label}</a></li>`)}</ul></nav>` : ''}
${profile ? contactSection(v, profile) : ''}
${profile ? preferencesSection(v, profile) : ''}
${passwordSection(v)}
${profile ? newslettersSection(v, profile) : ''}
<p class="account-link"><a href="/account/sessions">${SESSIONS[v.lang].link}</a></p>
<p class="account-link" id="two-step-link"><a href="/account/two-step">${TWO_STEP[v.lang].profileLink}</a></p>
<p class="account-link"><a href="/account/api-tokens">${API_TOKENS[v.lang].link}</a></p>
<p class="account-link"><a href="/account/activity">${ACTIVITY[v.lang].link}</a></p>`;
}
