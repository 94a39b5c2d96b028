/**
 * How each page was read (preparation steps, engines, the second engine's backend, time), posted
 * on a same-origin BroadcastChannel for the benchmark. It carries no text and no pixels, never
 * leaves the browser, and nothing listens unless a page of the app subscribes.
 */
import type { PageReport } from './pipeline/read-page';

export const DIAGNOSTICS_CHANNEL = 'localread-diagnostics';

export interface PageDiagnostics extends PageReport {
  operationId: string;
  page: number;
  /** The second engine's backend, when it read the page. */
  backend?: string;
  /** Time from the page's pixels to its result, in ms. */
  ms: number;
}

let channel: BroadcastChannel | undefined;

export function postPageDiagnostics(diagnostics: PageDiagnostics): void {
  channel ??= new BroadcastChannel(DIAGNOSTICS_CHANNEL);
  channel.postMessage(diagnostics);
}
