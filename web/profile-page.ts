import type { FastifyInstance } from 'fastify';

/** Placeholder: filled in by the contact book pages. */
export default async function page(_app: FastifyInstance) {}
