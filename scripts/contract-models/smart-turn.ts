// smart-turn-contract: Smart Turn v3's exact ONNX contract (input_features float32 [batch, 80, 800],
// Whisper log-mel of the last 8 s; one output, a probability [batch, 1]) with a rule in place of the
// network: the turn sounds finished when the lower half of the mel bins (below ~1.7 kHz) carries more
// than the upper half, as a falling voice does, and unfinished when the upper half dominates (a
// high, rising sound). Tests can make either with a low or a high tone; ordinary speech reads finished.
import { GraphBuilder } from './onnx-graph.ts';
import type { GeneratedFile } from './pack.ts';

export const SMART_TURN_CONTRACT_PACK_ID = 'smart-turn-contract';
/** The file name of the real pack, so the engine loads either the same way. */
export const SMART_TURN_CONTRACT_FILE = 'smart-turn-v3.0.onnx';
/** How sharply the lower-minus-upper difference of mean log-mel turns into a probability. */
export const SMART_TURN_CONTRACT_GAIN = 40;

function smartTurnGraph(): Uint8Array {
  const g = new GraphBuilder('smart_turn_contract');
  const x = g.input('input_features', 'float32', ['batch', 80, 800]);
  g.output('probability', 'float32', ['batch', 1]);
  const band = (from: number, to: number) =>
    g.op('ReduceMean', [g.op('Slice', [x, g.i64('start', [from]), g.i64('end', [to]), g.i64('axis', [1])])], {
      axes: [1, 2],
      keepdims: 1,
    }); // [batch, 1, 1]
  const lowerMinusUpper = g.op('Sub', [band(0, 40), band(40, 80)]);
  const logit = g.op('Mul', [lowerMinusUpper, g.f32('gain', [SMART_TURN_CONTRACT_GAIN], [])]);
  g.op('Flatten', [g.op('Sigmoid', [logit])], { axis: 1 }, 'probability');
  return g.encode(17);
}

export function buildSmartTurnPack(): GeneratedFile[] {
  return [{ path: SMART_TURN_CONTRACT_FILE, data: smartTurnGraph() }];
}
