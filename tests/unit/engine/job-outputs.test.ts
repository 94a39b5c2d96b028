import { describe, expect, it, vi } from 'vitest';
import { fontLoader, jobOutputs, pdfFontUrl, type JobOutputDeps } from '../../../src/engine/job-outputs';
import type { ClaimedJob } from '../../../src/jobs/job-store';
import type { JobRecord } from '../../../src/jobs/db';
import type { DocumentIntelligenceJob } from '../../../src/read-api/document-intelligence/job-options';
import { sampleResult } from '../helpers/job-store';

const contract: DocumentIntelligenceJob = {
  api: 'document-intelligence',
  face: 'documentintelligence',
  modelId: 'prebuilt-read',
  stringIndexType: 'textElements',
  outputContentFormat: 'text',
  outputPdf: true,
  features: [],
};

function claimed(extra: Partial<JobRecord>): ClaimedJob {
  const record = { id: 'job', format: 'png', ...extra } as JobRecord;
  return { record, input: new Uint8Array([1, 2, 3]) };
}

function deps(): JobOutputDeps & { writePdf: ReturnType<typeof vi.fn> } {
  return { writePdf: vi.fn(async () => new Uint8Array([37, 80, 68, 70])), font: async () => new Uint8Array([9]) };
}

describe('jobOutputs', () => {
  it('writes the searchable PDF from the input, its format, the result and the font when output=pdf was asked', async () => {
    const made = deps();
    const outputs = await jobOutputs(claimed({ contract }), sampleResult('x'), made);
    expect(outputs.pdf).toEqual(new Uint8Array([37, 80, 68, 70]));
    expect(made.writePdf).toHaveBeenCalledWith(new Uint8Array([1, 2, 3]), 'png', sampleResult('x'), new Uint8Array([9]));
  });

  it('makes nothing for Read jobs and DI jobs without output=pdf', async () => {
    const made = deps();
    expect(await jobOutputs(claimed({}), sampleResult(), made)).toEqual({});
    expect(await jobOutputs(claimed({ contract: { ...contract, outputPdf: false } }), sampleResult(), made)).toEqual({});
    expect(made.writePdf).not.toHaveBeenCalled();
  });
});

describe('fontLoader', () => {
  it('fetches the app\'s own font once, and again after a failure', async () => {
    const answers = [new Response(null, { status: 503 }), new Response(new Uint8Array([7]))];
    const fetchFont = vi.fn(async () => answers.shift()!);
    const load = fontLoader(pdfFontUrl('https://app.test/base/'), fetchFont as unknown as typeof fetch);
    await expect(load()).rejects.toThrow('503');
    expect(await load()).toEqual(new Uint8Array([7]));
    expect(await load()).toEqual(new Uint8Array([7]));
    expect(fetchFont).toHaveBeenCalledTimes(2);
    expect(fetchFont).toHaveBeenCalledWith('https://app.test/base/pdfjs/standard_fonts/LiberationSans-Regular.ttf');
  });
});
