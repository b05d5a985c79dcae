import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { cancelEmailChangeByLink, confirmEmailChange, withdrawEmailChange } from '../../accounts/email-changes.js';
import { isOutage } from '../../core/outages.js';
import { Problem, isProblem } from '../../core/problems.js';
import { requesterOf } from '../../core/requester.js';
import { text } from '../profile/forms.js';
import { html } from '../shared/html.js';
import { setFlash } from '../shared/flash.js';
import { keepingLanguage, pageLanguage } from '../shared/language.js';
import { renderPage } from '../shared/layout.js';
import { ADDRESS } from './copy/index.js';

type Link = 'confirm' | 'cancel';

interface State {
  status?: number;
  notice?: { kind: 'ok' | 'error'; text: string };
  /** The button again, with the token already in it (after an outage); none once the link did what it could. */
  token?: string;
  done?: boolean;
}

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;
const tokenOf = (request: FastifyRequest) => text((request.body as { token?: unknown } | undefined)?.token).trim();

/**
 * The pages the links of an address change lead to, and withdrawing a change from the profile or the contact book.
 * The links' token rides in the fragment, which no server sees: decision.js moves it into the form. GET changes
 * nothing (mail scanners open links); only the button posts. No sign-in: the link is the credential.
 */
export default async function addressPages(app: FastifyInstance) {
  const show = (request: FastifyRequest, reply: FastifyReply, link: Link, state: State = {}) => {
    const lang = pageLanguage(request);
    const t = ADDRESS[lang][link];
    const { notice } = state;
    const form = !state.done;
    const action = `/address/${link}/${encodeURIComponent(idOf(request))}?lang=${lang}`;
    const body = html`<h1>${t.title}</h1>
${notice ? html`<p class="notice ${notice.kind}" role="${notice.kind === 'ok' ? 'status' : 'alert'}" id="address-result">${notice.text}</p>` : ''}
${
  form
    ? html`<p>${t.intro}</p>
<form method="post" action="${action}" class="narrow" autocomplete="off">
  <input type="hidden" name="token" id="token" value="${state.token ?? ''}">
  <div class="actions"><button type="submit" class="${link === 'cancel' ? 'danger' : 'primary'}">${t.button}</button></div>
</form>`
    : ''
}`;
    return renderPage(app, request, reply, {
      title: t.title,
      status: state.status ?? 200,
      body,
      scripts: form ? ['/assets/decision.js'] : [],
    });
  };

  /** A link that did not do its work, said in the page's language; the button stays only when trying again may help. */
  const refused = (request: FastifyRequest, reply: FastifyReply, link: Link, err: unknown, token: string) => {
    const t = ADDRESS[pageLanguage(request)];
    const error = (status: number, words: string, done = true) =>
      show(request, reply, link, { status, notice: { kind: 'error', text: words }, done, token });
    if (isProblem(err, 'emailChangeNotValid')) return error(410, t[link].invalid);
    if (isProblem(err, 'emailTaken')) return error(409, t.confirm.taken);
    if (isProblem(err, 'unavailable') || (!(err instanceof Problem) && isOutage(err)))
      return error(503, t.unavailable, false);
    throw err;
  };

  const linkRoute = { schema: { hide: true }, config: { rateLimit: {} } };

  for (const link of ['confirm', 'cancel'] as const)
    app.get(`/address/${link}/:id`, { schema: { hide: true } }, async (request, reply) => show(request, reply, link));

  app.post('/address/confirm/:id', linkRoute, async (request, reply) => {
    const t = ADDRESS[pageLanguage(request)];
    const token = tokenOf(request);
    // Without JavaScript the token cannot leave the fragment: say how to get a working link.
    if (!token) return show(request, reply, 'confirm', { status: 400, notice: { kind: 'error', text: t.incomplete } });
    try {
      const { account, ended } = await confirmEmailChange(app.ctx, idOf(request), token, requesterOf(request));
      const words = [t.confirm.done(account.email), ended.length ? t.confirm.ended(ended.length) : ''];
      return show(request, reply, 'confirm', { notice: { kind: 'ok', text: words.join(' ').trim() }, done: true });
    } catch (err) {
      return refused(request, reply, 'confirm', err, token);
    }
  });

  app.post('/address/cancel/:id', linkRoute, async (request, reply) => {
    const t = ADDRESS[pageLanguage(request)];
    const token = tokenOf(request);
    if (!token) return show(request, reply, 'cancel', { status: 400, notice: { kind: 'error', text: t.incomplete } });
    try {
      const { accountId } = await cancelEmailChangeByLink(app.ctx, idOf(request), token, requesterOf(request));
      // This browser's own session may be one that ended: the page says so by showing it signed out.
      if (request.viewer?.id === accountId) {
        await app.endSession(request, reply);
        request.viewer = null;
      }
      return show(request, reply, 'cancel', { notice: { kind: 'ok', text: t.cancel.done }, done: true });
    } catch (err) {
      return refused(request, reply, 'cancel', err, token);
    }
  });

  app.post(
    '/address/withdraw',
    { onRequest: app.requireViewer, preHandler: app.verifyCsrf, schema: { hide: true } },
    async (request, reply) => {
      const contact = text((request.body as { contact?: unknown } | undefined)?.contact).trim() || null;
      let withdrawn = true;
      try {
        await withdrawEmailChange(app.ctx, request.viewer!, contact, requesterOf(request));
      } catch (err) {
        // Confirmed or withdrawn meanwhile: the page shows how things are.
        if (!isProblem(err, 'noPendingEmailChange')) throw err;
        withdrawn = false;
      }
      if (withdrawn) setFlash(reply, 'address', 'withdrawn');
      const back = contact ? `/contacts/${encodeURIComponent(contact)}/edit` : '/profile';
      return reply.redirect(`${keepingLanguage(request, back)}#${contact ? 'email' : 'contact'}`, 303);
    },
  );
}
