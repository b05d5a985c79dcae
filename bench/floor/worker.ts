import { NativeConnection, Worker } from '@temporalio/worker';
import { fileURLToPath } from 'node:url';

/** The floor's worker, in a process of its own like the product's. */
const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS! });
const worker = await Worker.create({
  connection,
  taskQueue: process.env.FLOOR_TASK_QUEUE!,
  workflowsPath: fileURLToPath(new URL('./workflow.ts', import.meta.url)),
  activities: { async noop() {} },
});
process.on('SIGTERM', () => worker.shutdown());
await worker.run();
await connection.close();
