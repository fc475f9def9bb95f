// vitest runs server modules directly; Next.js's "server-only" guard has nothing to guard there.
export {};
