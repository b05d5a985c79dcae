import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { z } from 'zod';
import { LANGUAGES } from './contact-change.js';
import { isCountry } from './countries.js';

/** The categories of emails a contact can receive copies of (as WHC's contact preferences). */
export const EMAIL_CATEGORIES = ['general', 'billing', 'support', 'product', 'domain'] as const;
export type EmailCategory = (typeof EMAIL_CATEGORIES)[number];

/** The provider's newsletters; unsubscribing from all never stops service emails such as token emails. */
export const NEWSLETTERS = ['news', 'offers', 'product-updates', 'domain-suggestions'] as const;
export type Newsletter = (typeof NEWSLETTERS)[number];

export const COMMUNICATION = ['email', 'post'] as const;

/** What a sub-account may do in its keeper's customer area (as PlanetHoster's and MijnHostingPartner's). */
export const PERMISSIONS = [
  'profile',
  'contacts',
  'services.view',
  'services.manage',
  'domains.view',
  'domains.manage',
  'invoices',
  'tickets',
  'emails',
  'orders',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Granted here for the provider's own customer area: nothing in Countersign reads them. */
export const PROVIDER_ONLY_PERMISSIONS: readonly Permission[] = ['invoices', 'tickets', 'emails', 'orders'];

/** The known values among stored ones (a text[] column), in the list's own order. */
export const known = <T extends string>(list: readonly T[], stored: readonly string[]): T[] =>
  list.filter((v) => stored.includes(v));

/** Managing implies seeing: a sub-account that may start a change on a domain may also see the domain. */
export function normalizePermissions(given: readonly Permission[]): Permission[] {
  const set = new Set<Permission>(given);
  if (set.has('services.manage')) set.add('services.view');
  if (set.has('domains.manage')) set.add('domains.view');
  return PERMISSIONS.filter((p) => set.has(p));
}

/** "+33 6 12 34 56 78" becomes "+33612345678"; undefined when it is not a valid international number. */
export function internationalPhone(value: string): string | undefined {
  const trimmed = value.trim();
  if (!/^(\+|00)/.test(trimmed)) return undefined;
  const phone = parsePhoneNumberFromString(trimmed.replace(/^00/, '+'));
  return phone?.isValid() ? phone.number : undefined;
}

/**
 * "06 11 22 33 44" in FR becomes "+33611223344"; a number with + (or 00) is read as international whatever the
 * country. Undefined when it is not a valid number there.
 */
export function phoneIn(value: string, country: string | null): string | undefined {
  const trimmed = value.trim();
  if (/^(\+|00)/.test(trimmed) || !country || !isCountry(country)) return internationalPhone(trimmed);
  const phone = parsePhoneNumberFromString(trimmed, country as CountryCode);
  return phone?.isValid() ? phone.number : undefined;
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .transform((v) => v || null)
    .nullish()
    .transform((v) => v ?? null);

/** Typed as dialled in the given country, or in international form; checked and kept as E.164 by readsPhoneIn. */
const phone = z
  .string()
  .trim()
  .max(40, 'at most 40 characters')
  .nullish()
  .transform((v) => v || null)
  .describe('international form (+33 6 12 34 56 78), or national form (06 12 34 56 78) when country is given');

/**
 * An email address, trimmed. The format is a check, not a pipe, so that the published schema states it (`format:
 * email` and its pattern); a local part over 64 characters (RFC 5321) is refused too, as no mailbox can have one.
 */
export const emailAddress = z
  .string()
  .trim()
  .min(1, 'an email address is required')
  .max(254, 'at most 254 characters')
  .check(z.email('a valid email address, e.g. name@example.com'))
  .refine((v) => v.lastIndexOf('@') <= 64, 'at most 64 characters before the @');

/** A person's details, for a contact and for the profile; the API, the pages and the as-you-type check all use it. */
export const contactDetails = z.object({
  email: emailAddress,
  phone,
  company: optionalText(200),
  street: optionalText(200),
  postalCode: optionalText(20),
  city: optionalText(100),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .nullish()
    .transform((v) => v || null)
    .refine((v) => v === null || isCountry(v), 'an ISO 3166-1 two-letter country code, e.g. FR, BE or NL'),
  language: z.enum(LANGUAGES, 'one of fr, en or nl'),
});

export const personName = {
  firstName: z.string().trim().regex(/\S/, 'a first name is required').max(100, 'at most 100 characters'),
  lastName: z.string().trim().regex(/\S/, 'a last name is required').max(100, 'at most 100 characters'),
};

type PhoneAndCountry = { phone: string | null; country: string | null };

/** Checked even when another field is wrong, so that each field gets its message at once. */
function checkPhoneIn(value: PhoneAndCountry, ctx: z.RefinementCtx<PhoneAndCountry>) {
  if (
    typeof value !== 'object' ||
    value === null ||
    typeof value.phone !== 'string' ||
    !value.phone ||
    value.phone.length > 40
  )
    return;
  const country = typeof value.country === 'string' && isCountry(value.country) ? value.country : null;
  if (phoneIn(value.phone, country)) return;
  ctx.addIssue({
    code: 'custom',
    path: ['phone'],
    params: { country },
    message: country
      ? `not a valid phone number in ${country}: as dialled there, or in international form, e.g. +33 6 12 34 56 78`
      : 'a phone number in international form, starting with + and the country code, e.g. +33 6 12 34 56 78, or in national form with its country',
  });
}

/**
 * A phone typed as dialled in the country given beside it (or in international form) is kept in international form
 * (E.164): the contact's and the profile's alike.
 */
function readsPhoneIn<T extends z.ZodType<PhoneAndCountry>>(schema: T): T {
  return schema
    .superRefine(checkPhoneIn, { when: () => true })
    .overwrite((v) => ({ ...v, phone: v.phone ? (phoneIn(v.phone, v.country) ?? v.phone) : null }));
}

export const contactInput = readsPhoneIn(
  contactDetails.extend({
    ...personName,
    emailCategories: z
      .array(z.enum(EMAIL_CATEGORIES))
      .max(EMAIL_CATEGORIES.length)
      .default([])
      .transform((c) => EMAIL_CATEGORIES.filter((x) => c.includes(x))),
  }),
).meta({ id: 'ContactFields' });
export type ContactInput = z.infer<typeof contactInput>;

export const profileInput = readsPhoneIn(contactDetails).meta({ id: 'ProfileFields' });
export type ProfileInput = z.infer<typeof profileInput>;

export const preferencesInput = z
  .object({
    billingContact: z
      .string()
      .trim()
      .max(64)
      .nullish()
      .transform((v) => v || null)
      .describe('handle of the contact who receives billing information; null or absent: the account itself'),
    communication: z.enum(COMMUNICATION, 'email or post'),
    language: z.enum(LANGUAGES, 'one of fr, en or nl'),
  })
  .meta({ id: 'Preferences' });

export const newslettersInput = z
  .object({
    newsletters: z
      .array(z.enum(NEWSLETTERS))
      .max(NEWSLETTERS.length)
      .transform((n) => NEWSLETTERS.filter((x) => n.includes(x)))
      .describe('an empty list unsubscribes from all'),
  })
  .meta({ id: 'Newsletters' });

export const permissionsInput = z
  .object({
    permissions: z.array(z.enum(PERMISSIONS)).max(PERMISSIONS.length).transform(normalizePermissions),
  })
  .meta({ id: 'Permissions' });

export const MIN_PASSWORD = 10;
export const newPassword = z
  .string()
  .min(MIN_PASSWORD, `a password has at least ${MIN_PASSWORD} characters`)
  .max(200, 'at most 200 characters');

/** Days an invitation link stays valid. */
export const INVITATION_DAYS = 7;
