import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/**
 * An example registrar plugged into Countersign, to read and copy. It keeps its own table of domains (who holds each
 * role, which invoices are unpaid, which domains the registry locks) in a JSON file, and:
 *
 * 1. loads its customers and domains into Countersign by its own ids (`POST /api/v1/admin/import`, NDJSON);
 * 2. registers a webhook for the events it acts on (`POST /api/v1/admin/webhooks`) and keeps the secret it gets;
 * 3. answers Countersign's check before a request exists (`CHECK_URL`): "not while an invoice is unpaid";
 * 4. on `contact_change.applying` (its domains are in PROVIDER_APPLIES), makes the change in its table, as it would
 *    at the registry (EPP), and tells Countersign `applied`, or `failed` with why when the registry refuses.
 *
 * Every request from Countersign is checked with the `standardwebhooks` package before anything is done.
 */

export type Role = 'admin' | 'tech' | 'billing';

export interface Customer {
  id: string;
  handle: string;
  email: string;
  firstName: string;
  lastName: string;
  language: 'fr' | 'en' | 'nl';
}

export interface Domain {
  id: string;
  name: string;
  holder: string;
  /** Customer ids by role. */
  contacts: Record<Role, string>;
  unpaidInvoices: string[];
  /** The registry refuses any contact update (a dispute, a transfer lock). */
  registryLock: boolean;
}

export interface Table {
  customers: Customer[];
  domains: Domain[];
  /** What the registrar did, newest last: what an operator would read in its logs. */
  journal: string[];
  webhook?: { id: string; secret: string };
}

export interface RegistrarOptions {
  /** Where Countersign answers, e.g. http://localhost:3000. */
  countersignUrl: string;
  adminKey: string;
  /** The secret Countersign signs its check with (CHECK_SECRET, `whsec_…`). */
  checkSecret: string;
  /** The JSON file that holds the table. */
  dataFile: string;
  port: number;
  /** The address Countersign reaches this registrar at. */
  publicUrl?: string;
}

interface ChangeData {
  id: string;
  roles: Role[];
  service: { externalId: string | null; name: string };
  from: { handle: string; externalId: string | null };
  to: { handle: string; externalId: string | null };
}

export class Registrar {
  private server: Server | null = null;
  table: Table = { customers: [], domains: [], journal: [] };
  url = '';

  constructor(readonly options: RegistrarOptions) {}

  async start(): Promise<this> {
    this.table = JSON.parse(await readFile(this.options.dataFile, 'utf8')) as Table;
    this.server = createServer((req, res) => {
      this.route(req, res).catch((err: unknown) => {
        this.note(`error: ${String(err)}`);
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(this.options.port, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = this.options.publicUrl ?? `http://127.0.0.1:${port}`;
    return this;
  }

  /** Unregisters the webhook (when this registrar goes away for good). */
  async unsubscribe(): Promise<void> {
    if (!this.table.webhook) return;
    await fetch(`${this.options.countersignUrl}/api/v1/admin/webhooks/${this.table.webhook.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${this.options.adminKey}` },
    });
    delete this.table.webhook;
    await this.save();
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** Step 1: every customer, then every domain, by this registrar's ids; loading it again changes nothing. */
  async load(): Promise<{ created: number; updated: number; unchanged: number; failed: number }> {
    const handleOf = (id: string) => this.table.customers.find((c) => c.id === id)!.handle;
    const lines = [
      ...this.table.customers.map(({ id, ...customer }) => ({ type: 'account', externalId: id, ...customer })),
      ...this.table.domains.map((d) => ({
        type: 'service',
        externalId: d.id,
        name: d.name,
        kind: 'domain',
        holder: handleOf(d.holder),
        contacts: {
          admin: handleOf(d.contacts.admin),
          tech: handleOf(d.contacts.tech),
          billing: handleOf(d.contacts.billing),
        },
      })),
    ];
    const res = await fetch(`${this.options.countersignUrl}/api/v1/admin/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.options.adminKey}`, 'content-type': 'application/x-ndjson' },
      body: lines.map((l) => JSON.stringify(l)).join('\n'),
    });
    if (!res.ok) throw new Error(`import: ${res.status} ${await res.text()}`);
    const report = (await res.json()) as { created: number; updated: number; unchanged: number; failed: number };
    this.note(`loaded into Countersign: ${JSON.stringify(report)}`);
    return report;
  }

  /** Step 2: a webhook for the events this registrar acts on, registered once; its secret is kept in the table. */
  async subscribe(): Promise<void> {
    if (this.table.webhook) return;
    const res = await fetch(`${this.options.countersignUrl}/api/v1/admin/webhooks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.options.adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        url: `${this.url}/webhooks`,
        events: ['contact_change.applying', 'contact_change.done', 'contact_change.error'],
        description: 'example registrar',
      }),
    });
    if (res.status !== 201) throw new Error(`webhook: ${res.status} ${await res.text()}`);
    const { id, secret } = (await res.json()) as { id: string; secret: string };
    this.table.webhook = { id, secret };
    await this.save();
    this.note(`webhook ${id} registered`);
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await text(req);
    if (req.method === 'POST' && req.url === '/check') return this.check(req, body, res);
    if (req.method === 'POST' && req.url === '/webhooks') return this.webhook(req, body, res);
    res.writeHead(404).end();
  }

  /** Step 3: Countersign asks before a request exists; an unpaid invoice on the domain says no, with why. */
  private check(req: IncomingMessage, body: string, res: ServerResponse): void {
    const question = verified<{ service: { externalId: string | null } }>(this.options.checkSecret, req, body);
    if (!question) return void res.writeHead(401).end();
    const domain = this.table.domains.find((d) => d.id === question.service.externalId);
    const unpaid = domain?.unpaidInvoices ?? [];
    const answer = unpaid.length
      ? { allowed: false, reason: `Invoice ${unpaid.join(', ')} is unpaid: pay it before changing the contacts.` }
      : { allowed: true };
    this.note(`check ${domain?.name ?? '?'}: ${answer.allowed ? 'allowed' : 'refused'}`);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  }

  /** Step 4: `applying` is acted on (answered 204 at once, the work done after); the rest is noted. */
  private webhook(req: IncomingMessage, body: string, res: ServerResponse): void {
    const event = this.table.webhook
      ? verified<{ type: string; data: ChangeData }>(this.table.webhook.secret, req, body)
      : null;
    if (!event) return void res.writeHead(401).end();
    res.writeHead(204).end();
    this.note(`${event.type} ${event.data.id}`);
    // The same event may come twice (at least once delivery): applying is idempotent here and in Countersign.
    if (event.type === 'contact_change.applying') void this.apply(event.data);
  }

  private async apply(change: ChangeData): Promise<void> {
    const domain = this.table.domains.find((d) => d.id === change.service.externalId);
    const taker = this.table.customers.find((c) => c.id === change.to.externalId || c.handle === change.to.handle);
    const word = (what: 'applied' | 'failed', reason?: string) =>
      fetch(`${this.options.countersignUrl}/api/v1/admin/contact-changes/${change.id}/${what}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.options.adminKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(reason ? { reason } : {}),
      });
    // A service another system of the provider looks after: not this registrar's to apply.
    if (!domain) return;
    if (!taker) {
      await word('failed', `The registrar has no customer ${change.to.handle} to make a contact of ${domain.name}.`);
      return;
    }
    if (domain.registryLock) {
      this.note(`registry refused ${domain.name}`);
      await word('failed', `The registry refused the update of ${domain.name}: the domain is locked.`);
      return;
    }
    // Here a real registrar sends an EPP <domain:update> and waits for the registry's answer.
    for (const role of change.roles) domain.contacts[role] = taker.id;
    await this.save();
    const res = await word('applied');
    this.note(`applied ${change.id} to ${domain.name}: Countersign says ${res.status}`);
  }

  private note(line: string): void {
    this.table.journal.push(line);
    console.log(`[registrar] ${line}`);
  }

  private async save(): Promise<void> {
    await writeFile(this.options.dataFile, `${JSON.stringify(this.table, null, 2)}\n`);
  }
}

async function text(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The payload when its Standard Webhooks signature and timestamp are good, else null. */
function verified<T>(secret: string, req: IncomingMessage, body: string): T | null {
  try {
    return new Webhook(secret).verify(body, req.headers as Record<string, string>) as T;
  } catch {
    return null;
  }
}
