import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toImageAnalysisResult } from '../../../../src/read-api/image-analysis/to-image-analysis-result';
import type { AnalyzeResult, BoundingBox, Line } from '../../../../src/read-api/types';
import { assertImageAnalysisResult } from '../../../support/image-analysis-schema';

const box = (x: number, y: number, w: number, h: number): BoundingBox => [x, y, x + w, y, x + w, y + h, x, y + h];

function line(text: string, x: number, y: number, words = text.split(' ')): Line {
  let left = x;
  return {
    text,
    boundingBox: box(x, y, words.length * 50, 20),
    words: words.map((word) => {
      const placed = { text: word, boundingBox: box(left, y, 45, 20), confidence: 0.9 };
      left += 50;
      return placed;
    }),
  };
}

function resultOf(lines: Line[], page: { width?: number; height?: number } = {}): AnalyzeResult {
  return {
    version: '3.2.0',
    modelVersion: '2022-04-30',
    readResults: [{ page: 1, angle: 0, width: page.width ?? 640, height: page.height ?? 480, unit: 'pixel', lines }],
  };
}

describe('the spec validator', () => {
  it("accepts the spec's own example once the features we never send are left out", () => {
    const example = JSON.parse(
      readFileSync(new URL('../../../fixtures/azure/ImageAnalysis-AnalyzeFromImageData_MaximumSet.json', import.meta.url), 'utf8'),
    ) as { responses: { 200: { body: Record<string, unknown> } } };
    const { modelVersion, metadata, readResult } = example.responses[200].body;
    expect(() => assertImageAnalysisResult({ modelVersion, metadata, readResult })).not.toThrow();
    expect(() => assertImageAnalysisResult(example.responses[200].body)).toThrow(/additional/);
  });

  it('refuses fractional or negative coordinates and a polygon of three points', () => {
    const body = toImageAnalysisResult(resultOf([line('Hello world', 10, 10)]));
    const word = body.readResult!.blocks[0]!.lines[0]!.words[0]!;
    expect(() => assertImageAnalysisResult(body)).not.toThrow();
    word.boundingPolygon[0] = { x: 1.5, y: 2 };
    expect(() => assertImageAnalysisResult(body)).toThrow(/integer/);
    word.boundingPolygon[0] = { x: -1, y: 2 };
    expect(() => assertImageAnalysisResult(body)).toThrow(/>= 0/);
    (word.boundingPolygon as unknown[]).pop();
    expect(() => assertImageAnalysisResult(body)).toThrow(/fewer than 4/);
  });
});

describe('toImageAnalysisResult', () => {
  it('puts every line of the image in one block, words with four {x, y} points, and the image size', () => {
    const body = toImageAnalysisResult(resultOf([line('Sample text', 721, 502), line('123 456', 721, 548)], { width: 864, height: 576 }));
    assertImageAnalysisResult(body);
    expect(body.metadata).toEqual({ width: 864, height: 576 });
    expect(body.modelVersion).toBe('2023-10-01');
    expect(body.readResult!.blocks).toHaveLength(1);
    const [first, second] = body.readResult!.blocks[0]!.lines;
    expect(first).toEqual({
      text: 'Sample text',
      boundingPolygon: [{ x: 721, y: 502 }, { x: 821, y: 502 }, { x: 821, y: 522 }, { x: 721, y: 522 }],
      words: [
        { text: 'Sample', boundingPolygon: [{ x: 721, y: 502 }, { x: 766, y: 502 }, { x: 766, y: 522 }, { x: 721, y: 522 }], confidence: 0.9 },
        { text: 'text', boundingPolygon: [{ x: 771, y: 502 }, { x: 816, y: 502 }, { x: 816, y: 522 }, { x: 771, y: 522 }], confidence: 0.9 },
      ],
    });
    expect(second!.text).toBe('123 456');
  });

  it('rounds coordinates and keeps them on the image (a rotated box may reach past its edge)', () => {
    const tilted: Line = {
      text: 'edge',
      boundingBox: [-3.4, 10.6, 99.5, 8.2, 101, 30, -0.6, 32.49],
      words: [{ text: 'edge', boundingBox: [-3.4, 10.6, 99.5, 8.2, 101, 30, -0.6, 32.49], confidence: 1.2 }],
    };
    const body = toImageAnalysisResult(resultOf([tilted], { width: 100, height: 31 }));
    assertImageAnalysisResult(body);
    const { boundingPolygon, words } = body.readResult!.blocks[0]!.lines[0]!;
    expect(boundingPolygon).toEqual([{ x: 0, y: 11 }, { x: 99, y: 8 }, { x: 99, y: 30 }, { x: 0, y: 30 }]);
    expect(words[0]!.confidence).toBe(1);
  });

  it('drops empty words and lines left without words or text, as the spec requires', () => {
    const blank: Line = { text: ' ', boundingBox: box(0, 0, 10, 10), words: [{ text: ' ', boundingBox: box(0, 0, 10, 10), confidence: 0.5 }] };
    const withEmptyWord = line('kept', 10, 40);
    withEmptyWord.words.push({ text: '', boundingBox: box(60, 40, 5, 20), confidence: 0.1 });
    const body = toImageAnalysisResult(resultOf([blank, withEmptyWord]));
    assertImageAnalysisResult(body);
    expect(body.readResult!.blocks[0]!.lines.map((kept) => kept.words.map((word) => word.text))).toEqual([['kept']]);
  });

  it('answers an image without text with an empty block list, as the SDK expects', () => {
    const body = toImageAnalysisResult(resultOf([]));
    expect(body.readResult).toEqual({ blocks: [] });
    assertImageAnalysisResult(body);
  });

  it('reports the pinned model version when the caller pinned one', () => {
    expect(toImageAnalysisResult(resultOf([]), '2023-10-01').modelVersion).toBe('2023-10-01');
  });

  it('throws when the engine gave no page', () => {
    expect(() => toImageAnalysisResult({ version: '3.2.0', modelVersion: '2022-04-30', readResults: [] })).toThrow(/no page/);
  });
});
