/**
 * What a job's contract asks for beside its result, made while the engine still has the input
 * (inputs are deleted when the job ends): for a Document Intelligence job with `output=pdf`, the
 * searchable PDF (the input's pages with the text laid invisibly over them), stored sealed as the
 * job's `pdf` payload.
 */
import type { InputFormat } from '../read-api/formats';
import type { AnalyzeResult } from '../read-api/types';
import { contractOf } from '../read-api/document-intelligence/job-options';
import type { ClaimedJob, JobOutputs } from '../jobs/job-store';
import { EXPORT_FONT_PATH } from './searchable-pdf-of';

/** The shared writer's signature (`src/engine/searchable-pdf-of.ts`). */
export type SearchablePdfWriter = (input: Uint8Array, format: InputFormat, result: AnalyzeResult, font: Uint8Array) => Promise<Uint8Array>;

/** The font the invisible text is set in, served by the app with pdf.js's standard fonts. */
export function pdfFontUrl(baseUrl: string): string {
  return new URL(EXPORT_FONT_PATH, baseUrl).href;
}

export interface JobOutputDeps {
  writePdf: SearchablePdfWriter;
  /** The font's bytes (fetched once per engine by `fontLoader`). */
  font: () => Promise<Uint8Array>;
}

/** Fetches the font from the app's own origin once, and again after a failure. */
export function fontLoader(url: string, fetchFont: typeof fetch = fetch): () => Promise<Uint8Array> {
  let font: Promise<Uint8Array> | null = null;
  return () => {
    font ??= fetchFont(url)
      .then(async (response) => {
        if (!response.ok) throw new Error(`The PDF font answered ${response.status}.`);
        return new Uint8Array(await response.arrayBuffer());
      })
      .catch((reason: unknown) => {
        font = null;
        throw reason;
      });
    return font;
  };
}

/** The outputs of one job: none unless its contract asked for them. */
export async function jobOutputs(job: ClaimedJob, result: AnalyzeResult, deps: JobOutputDeps): Promise<JobOutputs> {
  const contract = contractOf(job.record);
  if (contract.api !== 'document-intelligence' || !contract.outputPdf) return {};
  const pdf = await deps.writePdf(job.input, job.record.format, result, await deps.font());
  // Stored as its own buffer: the writer may hand back a view of a larger one.
  return { pdf: new Uint8Array(pdf) };
}
