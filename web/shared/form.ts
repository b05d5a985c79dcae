import { LANGUAGES, type Language } from '../../domain/contact-change.js';
import { countryChoices } from '../../i18n/format.js';
import { COMMON } from './copy/index.js';
import { html, type Html } from './html.js';

/** An id, or nothing where a condition left it out. */
export type Id = string | false | null | undefined;

/** Marks a control the server refused. */
export const invalid = (error: string | undefined): Html => (error ? html` aria-invalid="true"` : html``);

/** A control's aria-describedby (the empty ids left out) and, once refused, aria-invalid. */
export function aria(ids: Id[], error: string | undefined): Html {
  const described = ids.filter(Boolean).join(' ');
  return html`${described ? html` aria-describedby="${described}"` : ''}${invalid(error)}`;
}

/** What the server said is wrong with a field, under it; `label` ("Error:") is read before it. */
export function fieldError(id: string, error: string | undefined, label?: string): Html {
  if (!error) return html``;
  return html`<p class="field-error" id="${id}-error">${label ? html`<strong>${label}</strong> ` : ''}${error}</p>`;
}

/** The message slot of a field, which the page's script fills and clears as the person types; empty, it is hidden. */
export function fieldMessage(id: string, error: string | undefined, label: string): Html {
  const state = error ? html` data-state="error"` : '';
  const text = error ? html`<strong>${label}</strong> ${error}` : '';
  return html`<p class="field-message" id="${id}-message" aria-live="polite"${state}>${text}</p>`;
}

export interface SummaryItem {
  /** None: the field has no error, and the item is left out. */
  text: string | undefined;
  /** The id of the field it concerns, linked; none for what concerns the whole form. */
  field?: string;
}

/** The errors of a refused form, above it, each a link to its field; nothing when there are none. */
export function errorSummary(heading: string, items: SummaryItem[], id = 'error-summary'): Html {
  const said = items.filter((item) => item.text);
  if (said.length === 0) return html``;
  const item = ({ text, field }: SummaryItem) =>
    field ? html`<li><a href="#${field}">${text}</a></li>` : html`<li>${text}</li>`;
  return html`<div class="notice error" role="alert" id="${id}">
    <p><strong>${heading}</strong></p>
    <ul>${said.map(item)}</ul>
  </div>`;
}

export interface FieldOptions {
  id: string;
  label: string | Html;
  /** The word said after the label of a field one may leave empty. */
  optional?: string;
  hint?: string | Html;
  error?: string;
  /** Read before the error, e.g. "Error:". */
  errorLabel?: string;
  /** The error goes in a message slot that the page's script keeps up to date (`fieldMessage`). */
  live?: boolean;
  /** More ids that describe the control, read between its hint and its error. */
  describedBy?: Id[];
  /** The control, given its aria-describedby and aria-invalid; what follows it (buttons, a meter) may come along. */
  control: (aria: Html) => Html;
}

/** A labelled control with its hint above it and its error under it. */
export function labelled(f: FieldOptions): Html {
  const said = f.live ? `${f.id}-message` : f.error && `${f.id}-error`;
  const ids = [f.hint && `${f.id}-hint`, ...(f.describedBy ?? []), said];
  const optional = f.optional ? html` <span class="optional">${f.optional}</span>` : '';
  return html`<label for="${f.id}">${f.label}${optional}</label>
    ${f.hint ? html`<p class="hint" id="${f.id}-hint">${f.hint}</p>` : ''}
    ${f.control(aria(ids, f.error))}
    ${f.live ? fieldMessage(f.id, f.error, f.errorLabel ?? '') : fieldError(f.id, f.error, f.errorLabel)}`;
}

/** `labelled`, in a block of its own. */
export const formField = (f: FieldOptions, className = 'field'): Html => html`<div class="${className}">
    ${labelled(f)}
  </div>`;

export interface ChoiceOptions {
  type: 'checkbox' | 'radio';
  name: string;
  value: string;
  id: string;
  label: string | Html;
  /** Said beside the label, and describing the box. */
  hint?: string | Html;
  checked: boolean;
  error?: string;
  /** More attributes of the box. */
  attributes?: Html;
  /** What describes the box, when not its hint. */
  describedBy?: Id[];
  /** After the label and hint. */
  after?: Html;
}

/** A checkbox or radio button with its label and hint. */
export function choice(c: ChoiceOptions): Html {
  const described = c.describedBy ?? [c.hint && `${c.id}-hint`];
  return html`<div class="choice">
    <input type="${c.type}" name="${c.name}" value="${c.value}" id="${c.id}"${aria(described, undefined)}
      ${c.attributes ?? ''}${c.checked ? html` checked` : ''}${invalid(c.error)}>
    <label for="${c.id}">${c.label}</label>
    ${c.hint ? html`<span class="hint" id="${c.id}-hint">${c.hint}</span>` : ''}${c.after ?? ''}
  </div>`;
}

export interface CheckboxesOptions<V extends string> {
  name: string;
  values: readonly V[];
  id: (value: V) => string;
  /** The label and hint of a box. */
  copy: (value: V) => { label: string; hint: string };
  chosen: readonly string[];
  error?: string;
  attributes?: (value: V) => Html | undefined;
}

/** A box for each value, the chosen ones ticked. */
export const checkboxes = <V extends string>(o: CheckboxesOptions<V>): Html[] =>
  o.values.map((value) =>
    choice({
      type: 'checkbox',
      name: o.name,
      value,
      id: o.id(value),
      ...o.copy(value),
      checked: o.chosen.includes(value),
      error: o.error,
      attributes: o.attributes?.(value),
    }),
  );

/** The options of a language select, each named in its own language. */
export const languageOptions = (selected: string): Html[] =>
  LANGUAGES.map(
    (code) =>
      html`<option value="${code}" lang="${code}"${code === selected ? html` selected` : ''}>${COMMON[code].languageName}</option>`,
  );

/** Every ISO 3166 country named in the page's language, in its order, after "no country"; `value` is chosen. */
export function countryOptions(value: string, lang: Language): Html {
  const chosen = value.trim().toUpperCase();
  const option = ({ code, name }: { code: string; name: string }) =>
    html`<option value="${code}"${code === chosen ? html` selected` : ''}>${name}</option>`;
  return html`<option value="">${COMMON[lang].noCountry}</option>${countryChoices(lang).map(option)}`;
}
