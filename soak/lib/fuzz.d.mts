// Types of fuzz.mjs, for the e2e spec (TypeScript).
import type { Rng } from './inputs.mjs';
export type FuzzBody =
  | { kind: 'b64'; data: string }
  | { kind: 'text'; text: string }
  | { kind: 'huge'; size: number };
export type KeyMode = 'valid' | 'key2' | 'none' | 'wrong' | 'empty' | 'long';
export interface FuzzRequest {
  method: string;
  url: string;
  keyMode: KeyMode;
  headers: Record<string, string>;
  body: FuzzBody | undefined;
}
export function fuzzRequests(rng: Rng, count: number, origin: string, ids?: string[]): FuzzRequest[];
