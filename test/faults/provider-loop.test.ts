import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { ADMIN_KEY, startHarness, waitFor } from '../support/harness.js';
import { ChildWorker } from './child-worker.js';
import { log, startFlow, tokensOf, whileUnavailable } from './flows.js';

/** A killed worker's work is retried once its timeout is over: wait well past it. */
const WAIT_MS = 120_000;

describe('a request the provider applies, its worker killed while it waits in doing', () => {
  it('a new worker carries it on: applied moves the roles once, and everyone is told once', async () => {
    const h = await startHarness({ worker: false, env: { PROVIDER_APPLIES: 'domain' } });
    let worker: ChildWorker | null = await ChildWorker.start(h);
    try {
      const flow = await startFlow(h);
      const tokens = await tokensOf(h, flow, WAIT_MS);
      expect((await h.decide(flow.id, 'accept', tokens.aliceToken)).statusCode).toBe(200);
      const last = await h.decide(flow.id, 'accept', tokens.bobToken);
      expect(last.json()).toMatchObject({ state: 'doing' });
      await worker.kill();
      worker = await ChildWorker.start(h);

      const tries = await whileUnavailable(() =>
        h.request('POST', `/api/v1/admin/contact-changes/${flow.id}/applied`, { token: ADMIN_KEY }),
      );
      log(`applied after the kill: ${tries.map((t) => t.statusCode).join(', ')}`);
      expect(tries.at(-1)!.json()).toMatchObject({ state: 'done' });
      const services = (await h.request('GET', '/api/v1/services', { token: flow.bob.token })).json() as {
        items: { id: string; contacts: { tech: string; billing: string } }[];
      };
      expect(services.items.find((s) => s.id === flow.service.id)?.contacts).toMatchObject({
        tech: flow.bob.handle,
        billing: flow.bob.handle,
      });
      for (const person of [flow.alice, flow.bob]) {
        await waitFor(
          async () => h.resend.to(person.email).some((e) => e.text.includes(flow.id) && !e.text.includes('#token=')),
          WAIT_MS,
          `the outcome email to ${person.handle}`,
        );
      }
      // Sent once each, though a worker died on the way.
      const outcomes = (email: string) =>
        h.resend.to(email).filter((e) => e.text.includes(flow.id) && !e.text.includes('#token=')).length;
      expect([outcomes(flow.alice.email), outcomes(flow.bob.email)]).toEqual([1, 1]);
    } finally {
      await (worker as ChildWorker | null)?.kill();
      await h.close();
    }
  });
});

describe('a webhook delivery, its worker killed while the endpoint has not answered', () => {
  it('the next worker delivers it again with the same webhook-id, and every event of the request arrives in order', async () => {
    const received: { id: string; type: string; changeId: string }[] = [];
    let hold: ServerResponse | null = null;
    let holding = true;
    let secret = '';
    const receiver = createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const event = new Webhook(secret).verify(body, req.headers as Record<string, string>) as {
          type: string;
          data: { id: string };
        };
        received.push({ id: String(req.headers['webhook-id']), type: event.type, changeId: event.data.id });
        // The first delivery is held unanswered: the worker is killed while it waits.
        if (holding && !hold) {
          hold = res;
          return;
        }
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const h = await startHarness({ worker: false });
    let worker: ChildWorker | null = await ChildWorker.start(h);
    let endpointId = '';
    try {
      const created = await h.request('POST', '/api/v1/admin/webhooks', {
        token: ADMIN_KEY,
        body: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks` },
      });
      expect(created.statusCode, created.body).toBe(201);
      ({ id: endpointId, secret } = created.json() as { id: string; secret: string });
      const flow = await startFlow(h);
      await waitFor(async () => hold !== null, WAIT_MS, 'the first delivery');
      const first = received[0]!;
      await worker.kill();
      holding = false;
      (hold as ServerResponse | null)?.socket?.destroy();
      worker = await ChildWorker.start(h);
      const tokens = await tokensOf(h, flow, WAIT_MS);
      expect((await h.decide(flow.id, 'accept', tokens.aliceToken)).statusCode).toBe(200);
      expect((await h.decide(flow.id, 'accept', tokens.bobToken)).statusCode).toBe(200);
      const mine = () => received.filter((r) => r.changeId === flow.id);
      await waitFor(async () => mine().some((r) => r.type === 'contact_change.done'), WAIT_MS, 'the done event');
      log(
        `deliveries: ${mine()
          .map((r) => `${r.type}#${r.id}`)
          .join(', ')}`,
      );
      // The held one came again, with its id; each event's first arrival is in the order the request lived them.
      expect(mine().filter((r) => r.id === first.id).length).toBeGreaterThanOrEqual(2);
      const firsts = [...new Map(mine().map((r) => [r.id, r.type])).values()];
      expect(firsts).toEqual([
        'contact_change.created',
        'contact_change.decision',
        'contact_change.decision',
        'contact_change.applying',
        'contact_change.done',
      ]);
    } finally {
      if (endpointId) await h.request('DELETE', `/api/v1/admin/webhooks/${endpointId}`, { token: ADMIN_KEY });
      await (worker as ChildWorker | null)?.kill();
      await h.close();
      receiver.closeAllConnections();
      await new Promise((resolve) => receiver.close(resolve));
    }
  });
});
