import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  billingChoices,
  changePassword,
  getProfile,
  updateNewsletters,
  updatePreferences,
  updateProfile,
  type Profile,
} from '../../accounts/profile.js';
import { Problem, isProblem, type ProblemCode } from '../../core/problems.js';
import { requesterOf } from '../../core/requester.js';
import { newPassword, newslettersInput, preferencesInput, profileInput } from '../../domain/contact.js';
import { PROFILE, type SavedNotice } from './copy/index.js';
import type { Language } from '../../domain/contact-change.js';
import { setFlash, flashOf } from '../shared/flash.js';
import { askedLanguage, keepingLanguage, pageLanguage } from '../shared/language.js';
import { renderPage } from '../shared/layout.js';
import { text, translateIssues, type Errors, type Failed, type FormName, type Values } from './forms.js';
import { profileBody } from './sections.js';
import { problemWords } from '../shared/problems/index.js';
import { weakPasswordErrors } from '../password/refusal.js';

const SAVED: readonly SavedNotice[] = ['contact', 'preferences', 'password', 'newsletters', 'unsubscribed'];
const CONTACT_FIELDS = ['email', 'phone', 'company', 'street', 'postalCode', 'city', 'country'] as const;
const SECTION_OF: Record<SavedNotice, FormName> = {
  contact: 'contact',
  preferences: 'preferences',
  password: 'password',
  newsletters: 'newsletters',
  unsubscribed: 'newsletters',
};

const bodyOf = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;

/** Null for a sub-account without the profile permission: it sees only its own password, not an error. */
async function profileOrNull(app: FastifyInstance, request: FastifyRequest): Promise<Profile | null> {
  try {
    return await getProfile(app.ctx, request.viewer!);
  } catch (err) {
    if (err instanceof Problem && err.status === 403) return null;
    throw err;
  }
}

async function show(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, status = 200, failed?: Failed) {
  const lang = pageLanguage(request);
  const t = PROFILE[lang];
  const profile = await profileOrNull(app, request);
  const choices = profile ? await billingChoices(app.ctx, profile.account) : [];
  // Said in the section that was saved, where the redirect scrolls to, rather than above the page (flash.ts).
  const asked = flashOf(request, 'profile');
  const saved = SAVED.includes(asked as SavedNotice) ? (asked as SavedNotice) : null;
  const askedLang = askedLanguage(request);
  const body = profileBody({
    app,
    request,
    lang,
    viewer: request.viewer!,
    profile,
    choices,
    failed,
    saved,
    action: (path) => (askedLang ? `${path}?lang=${askedLang}` : path),
  });
  const title = failed ? `${t.errorLabel} ${t.title}` : t.title;
  return renderPage(app, request, reply, {
    title,
    status,
    body,
    section: 'profile',
    scripts: ['/assets/password.js'],
    styles: ['/assets/profile.css'],
  });
}

/** A refusal of the profile actions, told next to the field it names and in the page language. */
function problemErrors(err: unknown, lang: Language, form: FormName, values: Values): Errors | null {
  if (!(err instanceof Problem) || err.status === 404 || err.status >= 500) return null;
  // A sub-account may see its holder's address, but not change it: said next to the field.
  if (err.status === 403 && !isProblem(err, 'emailHolderOnly')) return null;
  const e = PROFILE[lang].errors;
  const byCode: Partial<Record<ProblemCode, string>> = {
    nameSetBySupport: e.nameBySupport,
    emailTaken: e.emailTaken(text(values.email).trim()),
    unknownContact: e.billingUnknown(text(values.billingContact).trim()),
    wrongPassword: e.currentWrong,
    samePassword: e.same,
  };
  let field = typeof err.extra.field === 'string' ? err.extra.field : 'form';
  // The contact form's password field is the address's own (the password form has a currentPassword too).
  if (form === 'contact' && field === 'currentPassword') field = 'addressPassword';
  return { [field]: byCode[err.code] ?? problemWords(err, lang) };
}

export default async function profilePage(app: FastifyInstance) {
  const route = { onRequest: app.requireViewer, schema: { hide: true } };
  const post = { ...route, preHandler: app.verifyCsrf };

  const refuse = (
    request: FastifyRequest,
    reply: FastifyReply,
    form: FormName,
    values: Values,
    status: number,
    errors: Errors,
  ) => show(app, request, reply, status, { form, values, errors });

  /** After a save: the page again, with a notice shown once, scrolled to the section (303: a reload does not post). */
  const saved = (request: FastifyRequest, reply: FastifyReply, notice: SavedNotice) => {
    setFlash(reply, 'profile', notice);
    return reply.redirect(`${keepingLanguage(request, '/profile')}#${SECTION_OF[notice]}`, 303);
  };

  /** Runs an action; its refusals come back in the form, a 403 is the forbidden page. */
  const attempt = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: FormName,
    values: Values,
    action: () => Promise<SavedNotice>,
  ) => {
    try {
      return saved(request, reply, await action());
    } catch (err) {
      const lang = pageLanguage(request);
      const errors = (await weakPasswordErrors(err, lang)) ?? problemErrors(err, lang, form, values);
      if (!errors) throw err;
      return refuse(request, reply, form, values, (err as Problem).status, errors);
    }
  };

  app.get('/profile', route, async (request, reply) => show(app, request, reply));

  // Rate-limited as /signin: a new address is tried with the password.
  app.post('/profile', { ...post, config: { rateLimit: {} } }, async (request, reply) => {
    const viewer = request.viewer!;
    const { account } = await getProfile(app.ctx, viewer);
    const body = bodyOf(request);
    const values: Values = Object.fromEntries(CONTACT_FIELDS.map((field) => [field, text(body[field])]));
    const parsed = profileInput.safeParse({ ...values, language: account.language });
    if (!parsed.success)
      return refuse(request, reply, 'contact', values, 422, translateIssues(parsed.error, pageLanguage(request)));
    // The names are not in the form; one sent anyway is refused as the API refuses it.
    const names = Object.fromEntries(
      (['firstName', 'lastName'] as const).filter((f) => body[f] !== undefined).map((f) => [f, text(body[f])]),
    );
    // The password a new address needs is never written back into the page.
    const currentPassword = text(body.addressPassword) || undefined;
    return attempt(request, reply, 'contact', values, async () => {
      await updateProfile(app.ctx, viewer, { ...parsed.data, ...names, currentPassword }, requesterOf(request));
      return 'contact';
    });
  });

  app.post('/profile/preferences', post, async (request, reply) => {
    await getProfile(app.ctx, request.viewer!);
    const body = bodyOf(request);
    const values: Values = {
      billingContact: text(body.billingContact),
      communication: text(body.communication),
      language: text(body.language),
      timeZone: text(body.timeZone),
    };
    const parsed = preferencesInput.safeParse(values);
    if (!parsed.success)
      return refuse(request, reply, 'preferences', values, 422, translateIssues(parsed.error, pageLanguage(request)));
    return attempt(request, reply, 'preferences', values, async () => {
      await updatePreferences(app.ctx, request.viewer!, { ...parsed.data, timeZone: text(body.timeZone) || null });
      return 'preferences';
    });
  });

  app.post('/profile/newsletters', post, async (request, reply) => {
    await getProfile(app.ctx, request.viewer!);
    const given = bodyOf(request).newsletters;
    const values: Values = { newsletters: [given ?? []].flat().map(text) };
    const parsed = newslettersInput.safeParse(values);
    if (!parsed.success)
      return refuse(request, reply, 'newsletters', values, 422, {
        form: PROFILE[pageLanguage(request)].errors.invalid,
      });
    return attempt(request, reply, 'newsletters', values, async () => {
      await updateNewsletters(app.ctx, request.viewer!, parsed.data.newsletters);
      return parsed.data.newsletters.length ? 'newsletters' : 'unsubscribed';
    });
  });

  // Always one's own password, even for a sub-account without the profile permission; rate-limited as /signin.
  app.post('/profile/password', { ...post, config: { rateLimit: {} } }, async (request, reply) => {
    const lang = pageLanguage(request);
    const body = bodyOf(request);
    const current = text(body.currentPassword);
    const next = text(body.newPassword);
    // Passwords are never written back into the page.
    const values: Values = {};
    const parsed = z.object({ newPassword }).safeParse({ newPassword: next });
    const errors: Errors = {
      ...(current ? {} : { currentPassword: PROFILE[lang].errors.currentRequired }),
      ...(parsed.success ? {} : translateIssues(parsed.error, lang)),
    };
    if (Object.keys(errors).length) return refuse(request, reply, 'password', values, 422, errors);
    return attempt(request, reply, 'password', values, async () => {
      await changePassword(app.ctx, request.viewer!, current, next, request.sessionId, requesterOf(request));
      return 'password';
    });
  });
}
