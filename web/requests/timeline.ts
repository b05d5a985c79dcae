import { COMMON } from '../shared/copy/index.js';
import { timelineOf } from '../../changes/list.js';
import type { ChangeView } from '../../db/queries.js';
import type { ChangeEvent } from '../../db/schema.js';
import { cancelReasonText } from '../../i18n/words/index.js';
import { html, type Html } from '../shared/html.js';
import { time } from '../shared/layout.js';
import { stateText, who, type Ctx } from './parts.js';

type Names = Map<string, string>;

/** Names of the people the events mention (support staff who resent, for one), and of the request's own. */
function namesOf(view: ChangeView, people: Map<string, { name: string; handle: string }>): Names {
  const known = [view.from, view.to, view.askedBy, view.endedBy].filter((a) => a !== null);
  return new Map([
    ...[...people].map(([id, p]) => [id, who(p)] as const),
    ...known.map((a) => [a.id, who(a)] as const),
  ]);
}

function personOf(event: ChangeEvent, view: ChangeView, names: Names, ctx: Ctx): string {
  const { t } = ctx;
  if (event.party === 'from') return `${who(view.from)}, ${t.fields.from.toLowerCase()}`;
  if (event.party === 'to') return `${who(view.to)}, ${t.fields.to.toLowerCase()}`;
  if (event.party === 'asker') return who(view.askedBy);
  return event.accountId ? (names.get(event.accountId) ?? '') : '';
}

function eventText(event: ChangeEvent, person: string, ctx: Ctx): string {
  const e = ctx.t.events;
  const detail = event.detail ?? {};
  switch (event.type) {
    case 'created':
      return e.created(person);
    case 'state': {
      const state = String(detail.state);
      return state === 'aborted' && person ? ctx.t.progress.cancelledBy(person) : e.state(stateText(state, ctx.t));
    }
    case 'accepted':
      return e.accepted(person);
    case 'refused':
      return e.refused(person);
    case 'emailSent':
      return detail.kind === 'request'
        ? e.emailSent(person)
        : detail.kind === 'reminder'
          ? e.reminderSent(person)
          : e.outcomeSent(person);
    case 'emailFailed':
      return e.emailFailed(person);
    case 'emailDelivered':
      return e.emailDelivered(person);
    case 'emailBounced':
      return e.emailBounced(person);
    case 'emailComplained':
      return e.emailComplained(person);
    case 'resent':
      return e.resent(person);
    case 'extended':
      return e.extended(person);
    case 'tokensLocked':
      return e.tokensLocked;
    default:
      return e.other(event.type);
  }
}

/** The request's history, oldest first, each entry dated in the reader's time zone. */
export async function timeline(ctx: Ctx, view: ChangeView): Promise<Html> {
  const { events, people } = await timelineOf(ctx.app.ctx, view);
  const names = namesOf(view, people);
  const items = events.map((event) => {
    const { reasonCode, expiresAt } = event.detail ?? {};
    // A reason the system gave is said in the reader's language; a person's own words, or the engine's, as written.
    const reason = cancelReasonText(reasonCode, ctx.lang) ?? event.detail?.reason;
    const until =
      event.type === 'extended' && typeof expiresAt === 'string'
        ? html` ${time(expiresAt, ctx.lang, ctx.viewer.timeZone)}`
        : '';
    return html`<li>${time(event.at, ctx.lang, ctx.viewer.timeZone)} <span>${eventText(event, personOf(event, view, names, ctx), ctx)}${until}</span>${
      typeof reason === 'string' && reason
        ? html`<p class="reason">${ctx.t.events.reason}${COMMON[ctx.lang].colon}<q>${reason}</q></p>`
        : ''
    }</li>`;
  });
  return html`<p data-field="timeline-stale" hidden><a href="/requests/${view.change.id}">${ctx.t.detail.stale}</a></p>
<ol class="timeline" data-events="${events.length}">${items}</ol>`;
}
