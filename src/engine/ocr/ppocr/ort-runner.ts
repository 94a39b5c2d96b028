/**
 * An ONNX Runtime session behind the driver's `ModelRunner`: our arrays in, the first output
 * copied out, and every tensor released at once (a page's detection map alone is some 16 MB, and
 * on WebGPU an unreleased tensor holds GPU memory until the session ends).
 */
import type { InferenceSession, Tensor } from 'onnxruntime-web';
import type { ModelRunner, TensorData } from './tensor';

/** The `Tensor` constructor of whichever onnxruntime-web build is loaded (wasm or webgpu). */
export type TensorConstructor = new (type: 'float32', data: Float32Array, dims: readonly number[]) => Tensor;

export function ortRunner(Ort: { Tensor: TensorConstructor }, session: InferenceSession): ModelRunner {
  return {
    async run(feeds: Record<string, TensorData>): Promise<TensorData> {
      const inputs: Record<string, Tensor> = {};
      for (const [name, tensor] of Object.entries(feeds)) inputs[name] = new Ort.Tensor('float32', tensor.data, tensor.dims);
      try {
        const outputs = await session.run(inputs);
        try {
          const first = outputs[session.outputNames[0]!];
          if (!first) throw new Error(`The model answered without its output ${session.outputNames[0]}.`);
          return { data: new Float32Array(await first.getData() as Float32Array), dims: [...first.dims] };
        } finally {
          for (const tensor of Object.values(outputs)) tensor.dispose();
        }
      } finally {
        for (const tensor of Object.values(inputs)) tensor.dispose();
      }
    },
  };
}
