/**
 * The boundary between the driver and ONNX Runtime: plain arrays and their shape in, the same
 * out. The reader sees sessions only through this, so it runs in tests with fake models and the
 * ONNX tensors live (and are released) in one place, `ort-runner.ts`.
 */

/** A float tensor: its values in row-major order and its shape. */
export interface TensorData {
  data: Float32Array;
  dims: readonly number[];
}

/** One model: runs its inputs (by input name) and answers its (first) output. */
export interface ModelRunner {
  run(feeds: Record<string, TensorData>): Promise<TensorData>;
}
