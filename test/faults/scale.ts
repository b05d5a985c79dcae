/** FAULTS=short (what .ci/run uses): the same faults, over fewer flows and runs. */
export const short = process.env.FAULTS === 'short';

/** `full` for `npm run test:faults`, `brief` under FAULTS=short. */
export const scale = (full: number, brief: number): number => (short ? brief : full);
