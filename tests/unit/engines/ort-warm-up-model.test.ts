// The warm-up model that starts onnxruntime-web early is a real, runnable ONNX model: the bytes are
// exactly what the repo's own graph builder writes, and onnxruntime runs them (x passes through).
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../../../scripts/contract-models/onnx-graph.ts';
import { ortWarmUpModel } from '../../../src/engines/ort-warm-up-model.ts';

describe('ORT warm-up model', () => {
  it('is the Identity model the graph builder writes, and onnxruntime runs it', async () => {
    const g = new GraphBuilder('warm-up');
    const x = g.input('x', 'float32', [1]);
    g.op('Identity', [x], {}, g.output('y', 'float32', [1]));
    expect(Array.from(ortWarmUpModel())).toEqual(Array.from(g.encode(13, 'hearth')));

    const session = await ort.InferenceSession.create(ortWarmUpModel());
    const out = await session.run({ x: new ort.Tensor('float32', Float32Array.from([0.25]), [1]) });
    expect(Array.from(out.y!.data as Float32Array)).toEqual([0.25]);
    await session.release();
  });
});
