import { customAlphabet, nanoid } from 'nanoid';

export const newId = (): string => nanoid();

const digits = customAlphabet('0123456789', 4);
const letters = customAlphabet('abcdefghijklmnopqrstuvwxyz', 2);

/** A handle in the style of OVH's NIC handles, e.g. "ab1234-cs". */
export const newHandle = (): string => `${letters()}${digits()}-cs`;

export const workflowIdOf = (changeId: string): string => `contact-change-${changeId}`;
