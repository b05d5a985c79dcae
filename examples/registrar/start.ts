import { copyFile, access } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Registrar } from './registrar.js';

/**
 * `npx tsx examples/registrar/start.ts`, beside `npm start`: see the README's "Integrating with your systems".
 * Its table starts as a copy of table.example.json (in .registrar.json, which it then keeps up to date).
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const dataFile = process.env.REGISTRAR_DATA ?? path.join(here, '.registrar.json');
await access(dataFile).catch(() => copyFile(path.join(here, 'table.example.json'), dataFile));

const registrar = await new Registrar({
  countersignUrl: process.env.COUNTERSIGN_URL ?? 'http://localhost:3000',
  adminKey: process.env.ADMIN_API_KEY ?? '',
  checkSecret: process.env.CHECK_SECRET ?? '',
  dataFile,
  port: Number(process.env.REGISTRAR_PORT ?? 4000),
}).start();
await registrar.load();
await registrar.subscribe();
console.log(`[registrar] listening on ${registrar.url}; its table is ${dataFile}`);
