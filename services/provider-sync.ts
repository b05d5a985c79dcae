import { setTimeout as sleep } from 'node:timers/promises';
import { providerAppliesTo } from '../changes/apply.js';
import { cannotEnd, endForReason } from '../changes/system-cancel.js';
import type { Context } from '../core/context.js';
import { Problem } from '../core/problems.js';
import { findAccountsByHandle } from '../db/accounts.js';
import {
  findServiceByExternalId,
  removeServiceByExternalId,
  servicesAfter,
  writeServiceByExternalId,
} from '../db/provider-ids.js';
import type { Role } from '../domain/contact-change.js';
import { newId } from '../domain/ids.js';
import { summarize, type ServiceSummary } from './services.js';

/**
 * The provider keeps its services in step by its own ids: it writes a service as its systems know it, and a request
 * that a write overtakes ends `aborted`, "changed by the provider", everyone told.
 */

/** Rounds of "end what is pending, then write": a request made meanwhile is found by the next one. */
const ROUNDS = 5;
const PROVIDER = 'provider';

const providerApplies = (ctx: Context) => (kind: string) => providerAppliesTo(ctx, kind);

export interface ServiceByProvider {
  name: string;
  kind: string;
  /** Handles. */
  holder: string;
  contacts: Record<Role, string>;
}

async function idsOf(ctx: Context, input: ServiceByProvider) {
  const handles = [...new Set([input.holder, ...Object.values(input.contacts)])];
  const found = await findAccountsByHandle(ctx.db, handles);
  const missing = handles.filter((h) => !found.some((a) => a.handle === h));
  if (missing.length) {
    throw new Problem('unknownContact', `There is no account with the handle ${missing.join(', ')}.`, {
      field: missing.includes(input.holder) ? 'holder' : 'contacts',
    });
  }
  const idOf = (handle: string) => found.find((a) => a.handle === handle)!.id;
  return {
    name: input.name,
    kind: input.kind,
    holderId: idOf(input.holder),
    adminId: idOf(input.contacts.admin),
    techId: idOf(input.contacts.tech),
    billingId: idOf(input.contacts.billing),
  };
}

/** Ends the requests a write of the provider overtakes; those that could not be ended yet are looked at again. */
async function endAll(ctx: Context, changeIds: string[], what: string): Promise<{ ended: string[]; waiting: boolean }> {
  const ended: string[] = [];
  let waiting = false;
  for (const changeId of changeIds) {
    if (await endForReason(ctx, changeId, 'changedByProvider', PROVIDER, what)) ended.push(changeId);
    else waiting = true;
  }
  return { ended, waiting };
}

/**
 * The answer when a write would end requests that the provider itself is applying (PROVIDER_APPLIES, `doing`): they
 * cannot be aborted once both contacts accepted, and only its own word, applied or failed, ends them.
 */
function beingApplied(changeIds: string[], what: string): Problem {
  const [these, are, them] =
    changeIds.length === 1 ? ['contact change', 'is', 'it'] : ['contact changes', 'are', 'them'];
  return new Problem(
    'changeBeingApplied',
    `The ${these} ${changeIds.join(', ')} ${are} being applied by the provider (both contacts accepted), so ${what}. ` +
      `Answer applied or failed for ${them} first (POST /api/v1/admin/contact-changes/{id}/applied or …/failed), ` +
      'then send this again.',
    { changeIds },
  );
}

/** Waits a moment before the next round: a request still being started, or being applied here, is done in a moment. */
const pause = (round: number) => sleep(100 * (round + 1));

/** Creates or updates the service known by the provider's id; `created` says which. */
export async function putServiceByExternalId(
  ctx: Context,
  externalId: string,
  input: ServiceByProvider,
): Promise<{ created: boolean; service: ServiceSummary; ended: string[] }> {
  const values = { id: newId(), ...(await idsOf(ctx, input)) };
  const ended: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const result = await writeServiceByExternalId(ctx.db, externalId, values, providerApplies(ctx));
    if (result.outcome === 'applying') throw beingApplied(result.changeIds, 'the service was not changed');
    if (result.outcome === 'raced') {
      await pause(round);
      continue;
    }
    if (result.outcome !== 'pending') {
      const [service] = await summarize(ctx, [result.service]);
      return { created: result.outcome === 'created', service: service!, ended };
    }
    const done = await endAll(ctx, result.changeIds, 'the service was not changed');
    ended.push(...done.ended);
    if (done.waiting) await pause(round);
  }
  throw cannotEnd('the service was not changed');
}

export async function serviceByExternalId(ctx: Context, externalId: string): Promise<ServiceSummary> {
  const row = await findServiceByExternalId(ctx.db, externalId);
  if (!row || row.deletedAt) throw new Problem('notFound', `There is no service with the external id ${externalId}.`);
  return (await summarize(ctx, [row]))[0]!;
}

/** Removes the service from customers' pages, ending its pending requests; removing it again changes nothing. */
export async function deleteServiceByExternalId(ctx: Context, externalId: string): Promise<{ ended: string[] }> {
  const ended: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const result = await removeServiceByExternalId(ctx.db, externalId, providerApplies(ctx));
    if (!result) throw new Problem('notFound', `There is no service with the external id ${externalId}.`);
    if (result.outcome === 'applying') {
      const what = result.removed
        ? 'the service was removed, but the requests on it remain'
        : 'the service was not removed';
      throw beingApplied(result.changeIds, what);
    }
    if (result.changeIds.length === 0) return { ended };
    const done = await endAll(ctx, result.changeIds, 'the service was removed, but its pending requests remain');
    ended.push(...done.ended);
    if (done.waiting) await pause(round);
  }
  throw cannotEnd('the service was removed, but its pending requests remain');
}

/** A page of the services, by id, and the cursor of the next page (null at the end). */
export async function servicesPage(ctx: Context, after: string | undefined, limit: number) {
  const rows = await servicesAfter(ctx.db, after, limit);
  const items = await summarize(ctx, rows);
  return { items, nextCursor: rows.length === limit ? rows.at(-1)!.id : null };
}
