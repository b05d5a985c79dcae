import { putAccountByExternalId, type NewAccountInput } from '../accounts/admin.js';
import type { Context, Requester } from '../core/context.js';
import { Problem } from '../core/problems.js';
import { findAccountsByHandle } from '../db/accounts.js';
import {
  accountChanges,
  accountsByExternalIds,
  insertAccountsIfFree,
  insertServicesIfFree,
  sameService,
  servicesByExternalIds,
} from '../db/provider-ids.js';
import type { Account } from '../db/schema.js';
import { newHandle, newId } from '../domain/ids.js';
import { putServiceByExternalId, type ServiceByProvider } from './provider-sync.js';

/**
 * The provider's bulk load: accounts and services by its own ids, line after line, in the order given (an account
 * before the services that name it). Lines are written in batches: what is new in one statement, what is the same left
 * alone, what changed one by one as its PUT would (a request a change overtakes ends). Run again, it changes nothing.
 */

export type ImportItem =
  | { type: 'account'; externalId: string; account: NewAccountInput }
  | { type: 'service'; externalId: string; service: ServiceByProvider };

/** A line as the API read it: what it says, or why it could not be read. */
export type ImportLine = { line: number } & ({ item: ImportItem } | { error: { code: string; detail: string } });

export interface ImportReport {
  lines: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** Lines that failed, with why, by line number (at most MAX_ERRORS of them). */
  errors: { line: number; code: string; detail: string }[];
}

const BATCH = 500;
export const MAX_ERRORS = 1000;

type Numbered<T> = { line: number; externalId: string } & T;

class Tally {
  readonly report: ImportReport = { lines: 0, created: 0, updated: 0, unchanged: 0, failed: 0, errors: [] };

  fail(line: number, code: string, detail: string) {
    this.report.failed += 1;
    if (this.report.errors.length < MAX_ERRORS) this.report.errors.push({ line, code, detail });
  }

  /** One line the way its PUT would write it; a refusal is that line's error, anything else stops the import. */
  async one(line: number, write: () => Promise<{ created: boolean }>) {
    try {
      const { created } = await write();
      this.report[created ? 'created' : 'updated'] += 1;
    } catch (err) {
      if (!(err instanceof Problem)) throw err;
      this.fail(line, err.code, err.message);
    }
  }
}

const sameAccount = (a: Account, input: NewAccountInput) => {
  const changes = accountChanges(a, input);
  return !changes.fields && !changes.address;
};

async function accounts(ctx: Context, tally: Tally, batch: Numbered<{ account: NewAccountInput }>[], from: Requester) {
  const known = new Map(
    (
      await accountsByExternalIds(
        ctx.db,
        batch.map((b) => b.externalId),
      )
    ).map((a) => [a.externalId!, a]),
  );
  const fresh: (Numbered<{ account: NewAccountInput }> & { id: string })[] = [];
  const oneByOne: typeof batch = [];
  const seen = new Set<string>();
  for (const b of batch) {
    const existing = known.get(b.externalId);
    // The same id twice in a batch: the later line is an update of the earlier one.
    if (seen.has(b.externalId)) oneByOne.push(b);
    else if (!existing) fresh.push({ ...b, id: newId() });
    else if (sameAccount(existing, b.account)) tally.report.unchanged += 1;
    else oneByOne.push(b);
    seen.add(b.externalId);
  }
  const inserted = await insertAccountsIfFree(
    ctx.db,
    fresh.map((f) => ({ id: f.id, ...f.account, handle: f.account.handle ?? newHandle(), externalId: f.externalId })),
  );
  tally.report.created += inserted.size;
  // Left out (a handle taken, the id written meanwhile): one by one, to say why or to update.
  oneByOne.unshift(...fresh.filter((f) => !inserted.has(f.id)));
  oneByOne.sort((a, b) => a.line - b.line);
  for (const b of oneByOne) await tally.one(b.line, () => putAccountByExternalId(ctx, b.externalId, b.account, from));
}

async function services(ctx: Context, tally: Tally, batch: Numbered<{ service: ServiceByProvider }>[]) {
  const handles = [...new Set(batch.flatMap((b) => [b.service.holder, ...Object.values(b.service.contacts)]))];
  const idOf = new Map((await findAccountsByHandle(ctx.db, handles)).map((a) => [a.handle, a.id]));
  const known = new Map(
    (
      await servicesByExternalIds(
        ctx.db,
        batch.map((b) => b.externalId),
      )
    ).map((s) => [s.externalId!, s]),
  );
  const fresh: (Numbered<{ service: ServiceByProvider }> & {
    row: Parameters<typeof insertServicesIfFree>[1][number];
  })[] = [];
  const oneByOne: typeof batch = [];
  const seen = new Set<string>();
  for (const b of batch) {
    const { holder, contacts, name, kind } = b.service;
    const missing = [holder, ...Object.values(contacts)].filter((h) => !idOf.has(h));
    if (missing.length) {
      tally.fail(b.line, 'unknownContact', `There is no account with the handle ${[...new Set(missing)].join(', ')}.`);
      continue;
    }
    const values = {
      name,
      kind,
      holderId: idOf.get(holder)!,
      adminId: idOf.get(contacts.admin)!,
      techId: idOf.get(contacts.tech)!,
      billingId: idOf.get(contacts.billing)!,
    };
    const existing = known.get(b.externalId);
    if (seen.has(b.externalId)) oneByOne.push(b);
    else if (!existing) fresh.push({ ...b, row: { id: newId(), externalId: b.externalId, ...values } });
    else if (sameService(existing, values)) tally.report.unchanged += 1;
    else oneByOne.push(b);
    seen.add(b.externalId);
  }
  const inserted = await insertServicesIfFree(
    ctx.db,
    fresh.map((f) => f.row),
  );
  tally.report.created += inserted.size;
  oneByOne.unshift(...fresh.filter((f) => !inserted.has(f.row.id)));
  oneByOne.sort((a, b) => a.line - b.line);
  for (const b of oneByOne) await tally.one(b.line, () => putServiceByExternalId(ctx, b.externalId, b.service));
}

/** Reads the lines as they come, writing a batch whenever it is full or the kind of line changes. */
export async function importLines(
  ctx: Context,
  lines: AsyncIterable<ImportLine>,
  from: Requester,
): Promise<ImportReport> {
  const tally = new Tally();
  let pendingAccounts: Numbered<{ account: NewAccountInput }>[] = [];
  let pendingServices: Numbered<{ service: ServiceByProvider }>[] = [];
  const flush = async () => {
    if (pendingAccounts.length) await accounts(ctx, tally, pendingAccounts, from);
    if (pendingServices.length) await services(ctx, tally, pendingServices);
    pendingAccounts = [];
    pendingServices = [];
  };
  for await (const l of lines) {
    tally.report.lines += 1;
    if ('error' in l) {
      tally.fail(l.line, l.error.code, l.error.detail);
      continue;
    }
    const { item } = l;
    if (item.type === 'account') {
      if (pendingServices.length) await flush();
      pendingAccounts.push({ line: l.line, externalId: item.externalId, account: item.account });
    } else {
      if (pendingAccounts.length) await flush();
      pendingServices.push({ line: l.line, externalId: item.externalId, service: item.service });
    }
    if (pendingAccounts.length + pendingServices.length >= BATCH) await flush();
  }
  await flush();
  tally.report.errors.sort((a, b) => a.line - b.line);
  return tally.report;
}
