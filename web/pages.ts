import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isUnstorableText, Problem } from '../core/problems.js';
import { isOutage } from '../core/outages.js';
import activityPage from './activity/page.js';
import apiTokensPage from './api-tokens/page.js';
import addressPages from './address/page.js';
import changePage from './services/change-page.js';
import contactsPage from './contacts/page.js';
import invitationPage from './account/invitation-page.js';
import passwordPages from './password/index.js';
import profilePage from './profile/page.js';
import { COMMON } from './shared/copy/index.js';
import { html } from './shared/html.js';
import { pageLanguage } from './shared/language.js';
import languageSwitch from './shared/language.js';
import { renderPage } from './shared/layout.js';
import requestPage from './requests/request-page.js';
import requestsPage from './requests/page.js';
import servicesPage from './services/page.js';
import { CsrfError } from './shared/session.js';
import { CrossSiteError } from './shared/cross-site.js';
import { SESSIONS } from './sessions/copy/index.js';
import signInPage from './account/signin-page.js';
import sessionsPage from './sessions/page.js';
import supportPage from './support/page.js';
import twoStep from './two-step/index.js';
import { problemWords } from './shared/problems/index.js';

/**
 * An error as a readable page in the reader's language, never JSON: refusals by their code, a request the client got
 * wrong (bad encoding, a body of the wrong type, text that cannot be stored) as a 4xx, anything else as a 503, logged.
 */
export async function errorPage(
  app: FastifyInstance,
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const lang = pageLanguage(request);
  const t = COMMON[lang];
  const code = error.statusCode ?? 0;
  let status = 503;
  let text = t.errors.unavailable;
  if (error instanceof CrossSiteError) [status, text] = [403, SESSIONS[lang].signIn.crossSite];
  else if (error instanceof CsrfError) [status, text] = [403, t.errors.csrf];
  else if (error instanceof Problem && error.status === 404) [status, text] = [404, t.errors.notFound];
  else if (error instanceof Problem && error.status === 403) [status, text] = [403, t.errors.forbidden];
  else if (error.statusCode === 429) [status, text] = [429, t.signIn.tooMany];
  else if (error instanceof Problem && error.status < 500) [status, text] = [error.status, problemWords(error, lang)];
  else if (code >= 400 && code < 500) [status, text] = [code, t.errors.badRequest];
  else if (isUnstorableText(error)) [status, text] = [400, t.errors.badRequest];
  else if (!isOutage(error)) request.log.error({ err: error }, 'page failed');
  return renderPage(app, request, reply, {
    status,
    title: text,
    body: html`<p class="notice error" role="alert">${text}</p>`,
  });
}

/** The signed-in pages. Encapsulated: an error here is a readable page in the reader's language, not JSON. */
export default async function pages(app: FastifyInstance) {
  app.setErrorHandler(async (error: FastifyError, request, reply) => errorPage(app, error, request, reply));
  // First: its rule for support staff reaches every page registered after it.
  await app.register(twoStep);
  await app.register(languageSwitch);
  await app.register(signInPage);
  await app.register(servicesPage);
  await app.register(changePage);
  await app.register(requestsPage);
  await app.register(requestPage);
  await app.register(supportPage);
  await app.register(contactsPage);
  await app.register(profilePage);
  await app.register(apiTokensPage);
  await app.register(activityPage);
  await app.register(sessionsPage);
  await app.register(invitationPage);
  await app.register(passwordPages);
  await app.register(addressPages);
}
