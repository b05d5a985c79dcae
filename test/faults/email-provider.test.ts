import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { startHarness } from '../support/harness.js';
import { acceptBoth, inBatches, log, range, startFlow, tokensOf } from './flows.js';
import { expectEveryFlowDone, waitForDeliveries } from './outcomes.js';
import { scale } from './scale.js';

const FLOWS = scale(100, 15);
const DOWN_MS = scale(30_000, 8_000);
/** The flows start over three outages' time: a third before the outage, a third during it, a third after. */
const SPAN_MS = 3 * DOWN_MS;
const WAIT_MS = 300_000;

describe('the email provider', () => {
  it(`failing 30% of sends, then down for ${DOWN_MS / 1000} s, during ${FLOWS} flows: every email goes out once, no workflow fails`, async () => {
    const h = await startHarness();
    try {
      // A third of the failures come after the provider accepted the email, as when its answer is lost on the way back.
      h.resend.flaky({ rate: 0.3, status: 500, lostAnswers: 0.3 });
      const started = Date.now();
      const running = inBatches(range(FLOWS), 10, async (_, i) => {
        await sleep(started + (i * SPAN_MS) / FLOWS - Date.now());
        const flow = await startFlow(h);
        await acceptBoth(h, flow, await tokensOf(h, flow, WAIT_MS));
        return flow;
      });
      const outage = (async () => {
        // Down once a third of the flows started, and once enough sends were tried to have seen failures.
        await sleep(SPAN_MS / 3);
        while (h.resend.attempts.length < 30) await sleep(50);
        const from = h.resend.attempts.length;
        h.resend.down(503);
        log('provider down');
        await sleep(DOWN_MS);
        h.resend.recover();
        log('provider up');
        return { before: h.resend.attempts.slice(0, from), during: h.resend.attempts.slice(from) };
      })();
      const [flows, { before, during }] = await Promise.all([running, outage]);
      log(`${FLOWS} flows decided in ${Date.now() - started} ms`);
      await waitForDeliveries(h.resend, flows, WAIT_MS);

      // The provider did fail, both ways, and sends were tried while it was down.
      expect(before.filter((a) => a.status === 500).length).toBeGreaterThan(0);
      expect(during.length).toBeGreaterThan(0);
      expect(during.every((a) => a.status === 503)).toBe(true);
      // No workflow failed, every request is done, and the provider has each email once.
      await expectEveryFlowDone(h, flows, WAIT_MS);
      log(`${h.resend.attempts.length} sends for ${h.resend.emails.length} emails`);
    } finally {
      await h.close();
    }
  });
});
