import { describe, expect, it } from 'vitest';
import { TypedEmitter } from '../../../src/core/index.ts';

type Events = { ping: { n: number }; pong: string };

describe('TypedEmitter', () => {
  it('delivers to listeners in order and unsubscribes via the returned function or off', () => {
    const emitter = new TypedEmitter<Events>();
    const seen: string[] = [];
    const stopA = emitter.on('ping', ({ n }) => seen.push(`a${n}`));
    const b = ({ n }: { n: number }) => seen.push(`b${n}`);
    emitter.on('ping', b);
    emitter.on('pong', (s) => seen.push(s));
    emitter.emit('ping', { n: 1 });
    stopA();
    emitter.emit('ping', { n: 2 });
    emitter.off('ping', b);
    emitter.emit('ping', { n: 3 });
    emitter.emit('pong', 'p');
    expect(seen).toEqual(['a1', 'b1', 'b2', 'p']);
  });

  it('lets a listener unsubscribe itself while being called', () => {
    const emitter = new TypedEmitter<Events>();
    const seen: number[] = [];
    const stop = emitter.on('ping', ({ n }) => {
      seen.push(n);
      stop();
    });
    emitter.on('ping', ({ n }) => seen.push(n * 10));
    emitter.emit('ping', { n: 1 });
    emitter.emit('ping', { n: 2 });
    expect(seen).toEqual([1, 10, 20]);
  });
});
