import type { Language } from '../domain/contact-change.js';

/** One area's copy in every language: a language without it, or with a key missing or extra, fails the build. */
export type Catalogue<T> = Readonly<Record<Language, T>>;
