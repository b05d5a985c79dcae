import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry, type Metric } from 'prom-client';
import type { Db } from '../db/client.js';
import { DELAY_BUCKETS, storedCounts, type StoredCounts } from '../db/metrics.js';

/**
 * The server's figures in Prometheus's text format: its HTTP answers (counted in this process), and the requests,
 * decisions and emails as PostgreSQL holds them (read at each scrape, so every copy of the server agrees).
 */
export function serverMetrics(db: Db) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'countersign_server_' });
  const answers = new Histogram({
    name: 'countersign_http_request_duration_seconds',
    help: 'HTTP answers by route (its pattern, never the path), method and status, and how long they took',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  let reading: Promise<StoredCounts> | null = null;
  // One read serves the figures of a scrape.
  const counts = () => (reading ??= storedCounts(db).finally(() => setImmediate(() => (reading = null))));
  /** A figure PostgreSQL holds, labelled by one column, set afresh at each scrape. */
  const stored = <L extends string>(
    Metric: typeof Gauge | typeof Counter,
    name: string,
    help: string,
    label: L,
    rows: (c: StoredCounts) => ({ count: number } & Record<L, string>)[],
  ) =>
    new Metric({
      name,
      help,
      labelNames: [label],
      registers: [registry],
      async collect() {
        this.reset();
        for (const row of rows(await counts())) (this as Gauge).inc({ [label]: row[label] }, row.count);
      },
    });
  stored(Gauge, 'countersign_contact_changes', 'Contact-change requests by state', 'state', (c) => c.requestsByState);
  stored(
    Counter,
    'countersign_decisions_total',
    'Decisions recorded by contacts, by decision (accepted, refused)',
    'decision',
    (c) => c.decisions,
  );
  stored(
    Counter,
    'countersign_emails_total',
    'Emails by their last known status (sending, sent, delivered, bounced, complained, failed)',
    'status',
    (c) => c.emailsByStatus,
  );
  stored(
    Counter,
    'countersign_webhook_deliveries_total',
    'Webhook deliveries (an event to an endpoint) by outcome (pending, delivered, failed)',
    'outcome',
    (c) => c.webhookDeliveries,
  );
  // A histogram PostgreSQL has already counted: set from its buckets, not observed delivery by delivery.
  const delayName = 'countersign_webhook_delivery_delay_seconds';
  const delayHelp = 'Time from an event to its successful webhook delivery, retries included';
  registry.registerMetric({
    name: delayName,
    help: delayHelp,
    type: 'histogram',
    async get() {
      const { buckets, count, sum } = (await counts()).webhookDelay;
      const values = [
        ...DELAY_BUCKETS.map((le, i) => ({ metricName: `${delayName}_bucket`, labels: { le }, value: buckets[i]! })),
        { metricName: `${delayName}_bucket`, labels: { le: '+Inf' }, value: count },
        { metricName: `${delayName}_sum`, labels: {}, value: sum },
        { metricName: `${delayName}_count`, labels: {}, value: count },
      ];
      return { name: delayName, help: delayHelp, type: 'histogram', aggregator: 'sum', values };
    },
  } as unknown as Metric);
  return {
    registry,
    /** Fastify's onResponse hook: one observation per answer, labelled by the route's pattern. */
    observe(request: FastifyRequest, reply: FastifyReply, done: () => void) {
      const route = request.routeOptions.url ?? 'unmatched';
      answers.observe({ route, method: request.method, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
      done();
    },
  };
}

/** GET /metrics on a port of its own (METRICS_PORT), apart from the public one. */
export async function serveMetrics(
  registry: Registry,
  host: string,
  port: number,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: the metrics are at /metrics\n');
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
      (err: Error) => res.writeHead(503, { 'content-type': 'text/plain' }).end(`Metrics unavailable: ${err.message}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}/metrics`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
