import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { listSessions, signOutOtherSessions, signOutSession, type SessionView } from '../../accounts/my-sessions.js';
import { requesterOf } from '../../core/requester.js';
import type { Language } from '../../domain/contact-change.js';
import { formatSpan } from '../../domain/durations.js';
import { describeAgent } from '../../domain/sessions.js';
import { setFlash } from '../shared/flash.js';
import { html, type Html } from '../shared/html.js';
import { pageLanguage } from '../shared/language.js';
import { csrfField, renderPage, time } from '../shared/layout.js';
import { SESSIONS } from './copy/index.js';

type Done = 'ended' | 'others';

/** "My sessions": where the account is signed in, "this one" marked; sign one out, or every other one. */
export default async function sessionsPage(app: FastifyInstance) {
  const route = { onRequest: app.requireViewer, schema: { hide: true } };
  const post = { ...route, preHandler: app.verifyCsrf };
  const { idleTimeoutMs, maxAgeMs } = app.ctx.config.session;

  const row = (request: FastifyRequest, lang: Language, s: SessionView): Html => {
    const t = SESSIONS[lang];
    const { browser, system } = describeAgent(s.userAgent);
    const agent = t.agent(browser, system);
    return html`<tr${s.current ? html` aria-current="true"` : ''}>
  <td data-label="${t.columns.browser}">${agent}${s.current ? html` <span class="badge done">${t.thisOne}</span>` : ''}</td>
  <td data-label="${t.columns.ip}">${s.ip ?? t.unknownIp}</td>
  <td data-label="${t.columns.signedIn}">${time(s.signedInAt, lang, request.viewer?.timeZone)}</td>
  <td data-label="${t.columns.lastActive}">${time(s.lastSeenAt, lang, request.viewer?.timeZone)}</td>
  <td><form method="post" action="/account/sessions/${s.id}/end" class="bare">${csrfField(app, request)}
    <button type="submit" class="link" aria-label="${t.signOutLabel(s.current ? t.thisOne : agent)}">${t.signOut}</button>
  </form></td>
</tr>`;
  };

  app.get('/account/sessions', route, async (request, reply) => {
    const lang = pageLanguage(request);
    const t = SESSIONS[lang];
    const sessions = await listSessions(app.ctx, request.viewer!, request.sessionId);
    const others = sessions.some((s) => !s.current);
    const c = t.columns;
    const body = html`<h1>${t.title}</h1>
<p>${t.intro(formatSpan(idleTimeoutMs, lang), formatSpan(maxAgeMs, lang))}</p>
<table id="sessions" class="stack">
  <caption class="hint">${t.caption}</caption>
  <thead><tr><th scope="col">${c.browser}</th><th scope="col">${c.ip}</th><th scope="col">${c.signedIn}</th><th scope="col">${c.lastActive}</th><th scope="col">${c.action}</th></tr></thead>
  <tbody>${sessions.map((s) => row(request, lang, s))}</tbody>
</table>
${
  others
    ? html`<form method="post" action="/account/sessions/end-others">${csrfField(app, request)}
  <p class="hint" id="others-hint">${t.othersHint}</p>
  <div class="actions"><button type="submit" class="danger" aria-describedby="others-hint">${t.signOutOthers}</button></div>
</form>`
    : html`<p class="hint">${t.alone}</p>`
}`;
    return renderPage(app, request, reply, {
      title: t.title,
      body,
      section: 'profile',
      flash: { area: 'sessions', words: t.done },
    });
  });

  const back = (reply: FastifyReply, done: Done) => {
    setFlash(reply, 'sessions', done);
    return reply.redirect('/account/sessions', 303);
  };

  app.post('/account/sessions/:id/end', post, async (request, reply) => {
    const { id } = request.params as { id: string };
    const from = requesterOf(request);
    const { wasCurrent } = await signOutSession(app.ctx, request.viewer!, id, request.sessionId, from);
    if (!wasCurrent) return back(reply, 'ended');
    app.clearSessionCookie(reply);
    return reply.redirect('/signin', 303);
  });

  app.post('/account/sessions/end-others', post, async (request, reply) => {
    await signOutOtherSessions(app.ctx, request.viewer!, request.sessionId, requesterOf(request));
    return back(reply, 'others');
  });
}
