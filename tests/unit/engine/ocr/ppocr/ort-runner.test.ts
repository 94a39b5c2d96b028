import { describe, expect, it } from 'vitest';
import type { InferenceSession } from 'onnxruntime-web';
import { ortRunner, type TensorConstructor } from '../../../../../src/engine/ocr/ppocr/ort-runner';

/** Just enough of an ONNX tensor: its data, its shape, and whether it was released. */
class FakeTensor {
  disposed = false;
  constructor(readonly type: string, readonly data: Float32Array, readonly dims: readonly number[]) {}
  async getData() { return this.data; }
  dispose() { this.disposed = true; }
}

const created: FakeTensor[] = [];
const Ort = {
  Tensor: class extends FakeTensor {
    constructor(type: string, data: Float32Array, dims: readonly number[]) {
      super(type, data, dims);
      created.push(this);
    }
  } as unknown as TensorConstructor,
};

function session(answer: (feeds: Record<string, FakeTensor>) => Record<string, FakeTensor>) {
  return { outputNames: ['y'], run: async (feeds: Record<string, FakeTensor>) => answer(feeds) } as unknown as InferenceSession;
}

describe('ortRunner', () => {
  it('runs the session on our arrays, answers a copy of the first output and releases every tensor', async () => {
    const out = new FakeTensor('float32', Float32Array.from([1, 2]), [1, 2]);
    let fed: FakeTensor | undefined;
    const runner = ortRunner(Ort, session((feeds) => ((fed = feeds.x), { y: out })));
    const result = await runner.run({ x: { data: Float32Array.from([5]), dims: [1, 1] } });
    expect(fed?.dims).toEqual([1, 1]);
    expect(result).toEqual({ data: Float32Array.from([1, 2]), dims: [1, 2] });
    expect(result.data).not.toBe(out.data);
    expect(out.disposed).toBe(true);
    expect(created.every((t) => t.disposed)).toBe(true);
  });

  it('releases the inputs when the session fails', async () => {
    created.length = 0;
    const runner = ortRunner(Ort, session(() => { throw new Error('bad model'); }));
    await expect(runner.run({ x: { data: new Float32Array(1), dims: [1] } })).rejects.toThrow('bad model');
    expect(created).toHaveLength(1);
    expect(created[0]!.disposed).toBe(true);
  });

  it('rejects when the output is missing', async () => {
    const runner = ortRunner(Ort, session(() => ({} as Record<string, FakeTensor>)));
    await expect(runner.run({ x: { data: new Float32Array(1), dims: [1] } })).rejects.toThrow(/without its output y/);
  });
});
