import { bundleWorkflowCode } from '@temporalio/worker';
import { cp, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

// Production workers load this prebuilt bundle instead of bundling the workflows at start.
const root = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const { code } = await bundleWorkflowCode({ workflowsPath: root('workflows/index.ts') });
await writeFile(root('dist/workflow-bundle.js'), code);
// tsc copies neither the SQL migrations nor the page assets.
await cp(root('db/migrations'), root('dist/db/migrations'), { recursive: true });
await cp(root('web/assets'), root('dist/web/assets'), { recursive: true });
console.log('dist/ is ready: node dist/server.js, node dist/worker.js');
