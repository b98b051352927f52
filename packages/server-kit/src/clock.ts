export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

/** Timestamps are stored as ISO-8601 UTC strings, which sort and compare as text on every database. */
export const isoNow = (clock: Clock = systemClock) => clock.now().toISOString();
