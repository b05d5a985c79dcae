import { condition, defineUpdate, proxyActivities, proxyLocalActivities, setHandler } from '@temporalio/workflow';

/** What the floor repeats: as many activities, local activities and updates as a completed contact change has. */
export interface FloorInput {
  activities: number;
  localActivities: number;
  updates: number;
}

export const floorUpdate = defineUpdate<number>('decide');

const remote = proxyActivities<{ noop(): Promise<void> }>({ startToCloseTimeout: '30s' });
const local = proxyLocalActivities<{ noop(): Promise<void> }>({ startToCloseTimeout: '30s' });

/** The floor: the same shape as a contact change (half its steps, the decisions, the other half), doing nothing. */
export async function floor(input: FloorInput): Promise<void> {
  let received = 0;
  // Each update runs one local activity when the change's decisions do (they record themselves that way).
  const updateLocal = input.localActivities >= input.updates;
  setHandler(floorUpdate, async () => {
    received += 1;
    if (updateLocal) await local.noop();
    return received;
  });
  const half = (n: number) => Math.ceil(n / 2);
  const steps = async (activities: number, locals: number) => {
    for (let i = 0; i < locals; i++) await local.noop();
    for (let i = 0; i < activities; i++) await remote.noop();
  };
  const locals = updateLocal ? input.localActivities - input.updates : input.localActivities;
  await steps(half(input.activities), half(locals));
  await condition(() => received >= input.updates);
  await steps(input.activities - half(input.activities), locals - half(locals));
}
