import { describe, expect, it } from 'vitest';
import { ToolCallDeltaAccumulator } from '../../../src/core/llm/tool-call-deltas.ts';

describe('ToolCallDeltaAccumulator', () => {
  it('joins streamed name and argument pieces per index', () => {
    const acc = new ToolCallDeltaAccumulator();
    acc.add([{ index: 0, id: 'c1', function: { name: 'play_song', arguments: '' } }]);
    acc.add([{ index: 0, function: { arguments: '{"query":' } }]);
    acc.add([{ index: 1, id: 'c2', function: { name: 'set_volume', arguments: '{"level": 3}' } }]);
    acc.add([{ index: 0, function: { arguments: ' "moon"}' } }]);
    expect(acc.finish()).toEqual([
      { id: 'c1', name: 'play_song', arguments: { query: 'moon' } },
      { id: 'c2', name: 'set_volume', arguments: { level: 3 } },
    ]);
    expect(acc.size).toBe(0);
  });

  it('drops calls with broken JSON or no name, and names calls without ids', () => {
    const acc = new ToolCallDeltaAccumulator();
    acc.add([{ index: 0, function: { name: 'a', arguments: '{"x":' } }]);
    acc.add([{ index: 1, function: { arguments: '{}' } }]);
    acc.add([{ index: 2, function: { name: 'stop' } }]);
    expect(acc.finish()).toEqual([{ id: 'call_2', name: 'stop', arguments: {} }]);
  });
});
