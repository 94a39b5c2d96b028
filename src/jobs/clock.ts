/** The one source of time for the job store, injectable so that tests can move it. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();
