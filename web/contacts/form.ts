import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { Problem } from '../../core/problems.js';
import type { Language } from '../../domain/contact-change.js';
import { EMAIL_CATEGORIES, contactInput, type ContactInput } from '../../domain/contact.js';
import type { Account } from '../../db/schema.js';
import { countryName } from '../../i18n/format.js';
import { CONTACTS, type ContactsCopy, type TextField } from './copy/index.js';
import { html, type Html } from '../shared/html.js';
import { csrfField } from '../shared/layout.js';
import { problemWords } from '../shared/problems/index.js';
import { checkboxes, countryOptions, errorSummary, fieldMessage, formField, languageOptions } from '../shared/form.js';

export const TEXT_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'company',
  'street',
  'postalCode',
  'city',
  'country',
  'language',
] as const satisfies readonly TextField[];
export type Field = TextField | 'emailCategories';
/** What the person typed, kept as typed so that a refused form shows it again. */
export type FormValues = Record<TextField, string> & { emailCategories: string[] };
/** Messages already translated, by the field they concern; `general` for the others. */
export type FieldErrors = Partial<Record<Field | 'general', string>>;

const isField = (name: unknown): name is Field =>
  name === 'emailCategories' || (TEXT_FIELDS as readonly unknown[]).includes(name);

/** A form body: every text field as a string (at most 1,000 characters kept), the categories as a list. */
export function readForm(source: unknown, lang: Language): FormValues {
  const body = (source ?? {}) as Record<string, unknown>;
  const text = (name: TextField) => (typeof body[name] === 'string' ? (body[name] as string).slice(0, 1000) : '');
  const given = body.emailCategories;
  const categories = (Array.isArray(given) ? given : [given])
    .filter((c): c is string => typeof c === 'string')
    .slice(0, 20);
  const values = Object.fromEntries(TEXT_FIELDS.map((name) => [name, text(name)])) as Record<TextField, string>;
  return { ...values, language: values.language || lang, emailCategories: categories };
}

/** Stored as +33612345678; read as +33 6 12 34 56 78. */
export const phoneText = (phone: string | null) =>
  phone ? (parsePhoneNumberFromString(phone)?.formatInternational() ?? phone) : '';

export function valuesOf(contact: Account): FormValues {
  const values = Object.fromEntries(TEXT_FIELDS.map((name) => [name, contact[name] ?? ''])) as Record<
    TextField,
    string
  >;
  return { ...values, phone: phoneText(contact.phone), emailCategories: [...contact.emailCategories] };
}

export const emptyValues = (lang: Language): FormValues => ({
  ...(Object.fromEntries(TEXT_FIELDS.map((name) => [name, ''])) as Record<TextField, string>),
  language: lang,
  emailCategories: [],
});

type Issue = { code: string; path: PropertyKey[]; maximum?: unknown; params?: { country?: unknown } };

/** The schema says what is wrong in English for integrators; a person reads it in their language, per field. */
function messageFor(field: Field, issue: Issue, t: ContactsCopy['checks'], lang: Language): string {
  if (issue.code === 'too_big' && field !== 'emailCategories') return t.tooLong(Number(issue.maximum));
  switch (field) {
    case 'firstName':
      return t.firstName;
    case 'lastName':
      return t.lastName;
    case 'email':
      return issue.code === 'too_small' ? t.emailRequired : t.email;
    case 'phone':
      return typeof issue.params?.country === 'string' ? t.phoneIn(countryName(issue.params.country, lang)) : t.phone;
    case 'country':
      return t.country;
    case 'language':
      return t.language;
    case 'emailCategories':
      return t.category;
    default:
      return t.invalid;
  }
}

/** The same schema as the API's: the contact to save, or a message per field that is wrong. */
export function validate(
  values: FormValues,
  lang: Language,
): { data: ContactInput; errors?: undefined } | { data?: undefined; errors: FieldErrors } {
  const parsed = contactInput.safeParse(values);
  if (parsed.success) return { data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues as Issue[]) {
    const field = issue.path[0];
    const key = isField(field) ? field : 'general';
    errors[key] ??=
      key === 'general' ? CONTACTS[lang].checks.invalid : messageFor(key as Field, issue, CONTACTS[lang].checks, lang);
  }
  return { errors };
}

/** A refusal of the book said next to its field; null for what the page cannot fix (not found, forbidden, outage). */
export function problemErrors(problem: unknown, values: FormValues, lang: Language): FieldErrors | null {
  if (!(problem instanceof Problem)) return null;
  const t = CONTACTS[lang].problems;
  if (problem.status === 409 && problem.extra.field === 'email') return { email: t.emailTaken(values.email.trim()) };
  if (problem.status === 403 && problem.extra.field === 'email') return { email: t.subAccountEmail };
  if (problem.status === 409 || problem.status === 422) return { general: problemWords(problem, lang) };
  return null;
}

const REQUIRED: readonly TextField[] = ['firstName', 'lastName', 'email', 'language'];
/** The contact's details, not the reader's own: the browser should not fill them in with the reader's. */
const INPUTS: Record<Exclude<TextField, 'language' | 'country'>, { type: string; maxlength: number; extra?: Html }> = {
  firstName: { type: 'text', maxlength: 100 },
  lastName: { type: 'text', maxlength: 100 },
  email: { type: 'email', maxlength: 254, extra: html` autocapitalize="off" spellcheck="false"` },
  phone: { type: 'tel', maxlength: 40 },
  company: { type: 'text', maxlength: 200 },
  street: { type: 'text', maxlength: 200 },
  postalCode: { type: 'text', maxlength: 20 },
  city: { type: 'text', maxlength: 100 },
};

function field(name: TextField, values: FormValues, errors: FieldErrors, lang: Language): Html {
  const t = CONTACTS[lang];
  const copy = t.fields[name];
  const required = REQUIRED.includes(name);
  const control = (aria: Html) =>
    name === 'language'
      ? html`<select id="language" name="language" required${aria}>${languageOptions(values.language)}</select>`
      : name === 'country'
        ? html`<select id="country" name="country"${aria}>${countryOptions(values.country, lang)}</select>`
        : html`<input id="${name}" name="${name}" type="${INPUTS[name].type}" value="${values[name]}" maxlength="${INPUTS[name].maxlength}"${required ? html` required` : ''}${INPUTS[name].extra ?? ''}${aria}>`;
  return formField({
    id: name,
    label: copy.label,
    optional: required ? undefined : t.optional,
    hint: copy.hint,
    error: errors[name],
    errorLabel: t.errorLabel,
    live: true,
    control,
  });
}

function categories(values: FormValues, errors: FieldErrors, lang: Language): Html {
  const t = CONTACTS[lang];
  const boxes = checkboxes({
    name: 'emailCategories',
    values: EMAIL_CATEGORIES,
    id: (c) => `category-${c}`,
    copy: (c) => t.categories[c],
    chosen: values.emailCategories,
    error: errors.emailCategories,
  });
  return html`<fieldset id="emailCategories" aria-describedby="emailCategories-hint emailCategories-message">
    <legend>${t.form.emails}</legend>
    <p class="hint" id="emailCategories-hint">${t.form.emailsHint}</p>
    ${boxes}
    ${fieldMessage('emailCategories', errors.emailCategories, t.errorLabel)}
  </fieldset>`;
}

/** As the form shows them. */
const ORDER: readonly (Field | 'general')[] = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'language',
  'company',
  'street',
  'postalCode',
  'city',
  'country',
  'emailCategories',
  'general',
];

/** The control a line of the summary links to: the first box for the categories, none for the whole form. */
const anchor = (key: Field | 'general') =>
  key === 'general' ? undefined : key === 'emailCategories' ? `category-${EMAIL_CATEGORIES[0]}` : key;

const summary = (errors: FieldErrors, lang: Language): Html =>
  errorSummary(
    CONTACTS[lang].summary,
    ORDER.map((key) => ({ text: errors[key], field: anchor(key) })),
  );

export interface FormOptions {
  contact?: Account;
  values: FormValues;
  errors?: FieldErrors;
}

/** One form to add and to edit a contact; the server checks everything again on save. */
export function contactForm(
  app: FastifyInstance,
  request: FastifyRequest,
  lang: Language,
  { contact, values, errors = {} }: FormOptions,
): Html {
  const t = CONTACTS[lang];
  const action = contact ? `/contacts/${contact.id}` : '/contacts';
  const group = (legend: string, names: readonly TextField[]) =>
    html`<fieldset><legend>${legend}</legend>${names.map((name) => field(name, values, errors, lang))}</fieldset>`;
  return html`${summary(errors, lang)}
<form method="post" action="${action}?lang=${lang}" class="contact" novalidate data-check="/contacts/check?lang=${lang}" data-error-label="${t.errorLabel}">
  ${csrfField(app, request)}
  ${group(t.form.name, ['firstName', 'lastName'])}
  ${group(t.form.reach, ['email', 'phone', 'language'])}
  ${group(t.form.address, ['company', 'street', 'postalCode', 'city', 'country'])}
  ${categories(values, errors, lang)}
  <div class="actions">
    <button type="submit" class="primary">${contact ? t.form.save : t.form.add}</button>
    <a class="back" href="/contacts">${t.form.back}</a>
  </div>
</form>`;
}
