import { Worker } from '@temporalio/worker';
import { eq } from 'drizzle-orm';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { services } from '../db/schema.js';
import { workflowIdOf } from '../domain/ids.js';
import { findTemporalCli } from '../runtime/temporal.js';
import { tokenIn } from './support/fake-resend.js';
import { startHarness, type Harness } from './support/harness.js';

const dir = fileURLToPath(new URL('./histories/', import.meta.url));
const ENDINGS = ['done', 'refused', 'expired', 'aborted', 'error'] as const;
type Ending = (typeof ENDINGS)[number];

/** Plays one request to the given ending, the way people would. */
async function play(h: Harness, ending: Ending): Promise<string> {
  const { alice, bob, service, id, aliceToken, bobToken } = await h.pending({ roles: ['tech'] });
  if (ending === 'done') {
    await h.decide(id, 'accept', aliceToken);
    await new Promise((r) => setTimeout(r, 1100));
    await h.request('POST', `/api/v1/contact-changes/${id}/resend-email`, { token: alice.token });
    await h.decide(id, 'accept', tokenIn(await h.email(bob, (t) => t.includes(id), 2)));
  } else if (ending === 'refused') {
    await h.decide(id, 'refuse', bobToken, 'Not mine');
  } else if (ending === 'aborted') {
    await h.request('POST', `/api/v1/contact-changes/${id}/cancel`, { token: alice.token, body: { reason: 'Oops' } });
  } else if (ending === 'error') {
    await h.decide(id, 'accept', aliceToken);
    const carol = await h.account('Carol');
    await h.db.update(services).set({ techId: carol.id }).where(eq(services.id, service.id));
    await h.decide(id, 'accept', bobToken);
  }
  await h.waitForState(id, alice, ending, 15_000);
  return id;
}

describe.runIf(process.env.RECORD_HISTORIES)('recording histories (npm run record-histories)', () => {
  it('records one history of each ending', async () => {
    const h = await startHarness({ ttl: '4s', reminders: '2s' });
    const cli = (await findTemporalCli({ repoDir: fileURLToPath(new URL('..', import.meta.url)) }))!;
    try {
      for (const ending of ENDINGS) {
        const id = await play(h, ending);
        const handle = h.temporal.workflow.getHandle(workflowIdOf(id));
        await handle.result();
        // The same JSON as the Web UI's download, which replay accepts as it is.
        const json = execFileSync(cli, ['workflow', 'show', '--workflow-id', handle.workflowId, '--address', inject('temporalAddress'), '--output', 'json']);
        writeFileSync(`${dir}${ending}.json`, json);
      }
    } finally {
      await h.close();
    }
  }, 120_000);
});

describe('replay', () => {
  it('runs a recorded history of each ending against the current workflow code without non-determinism', async () => {
    const recorded = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
    expect(recorded).toEqual(expect.arrayContaining([...ENDINGS]));
    for (const name of recorded) {
      const history = JSON.parse(readFileSync(`${dir}${name}.json`, 'utf8'));
      await expect(Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, history, `replay-${name}`))
        .resolves.toBeUndefined();
    }
  });
});
