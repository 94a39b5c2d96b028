// Types of inputs.mjs, for the e2e spec (TypeScript).
export interface Rng {
  next(): number;
  int(max: number): number;
  pick<T>(items: readonly T[]): T;
  bytes(length: number): Uint8Array;
  shuffle<T>(items: readonly T[]): T[];
}
export interface SoakDocument {
  name: string;
  bytes: Uint8Array;
  pages: number;
  pixels: number;
}
export const FIXTURES: URL;
export function random(seed: number): Rng;
export function onePngColour(width: number, height: number, grey?: number): Uint8Array;
export function stripedBmp(width?: number, height?: number): Uint8Array;
export function hugePagePdf(size?: number): Uint8Array;
export function fixture(name: string): Uint8Array;
export function mixedDocuments(): SoakDocument[];
export function hugeDocuments(): SoakDocument[];
