// Every engine shares one onnxruntime-web (src/engines/ort.ts): the app's own pin must be the
// version transformers.js pins, or npm nests a second copy and the page fetches and compiles two
// builds again without any error to say so.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url);
const readJson = (path: string) =>
  JSON.parse(readFileSync(new URL(path, root), 'utf8')) as { version: string; dependencies: Record<string, string> };

describe('one onnxruntime-web for every engine', () => {
  it('pins the version transformers.js pins, and npm keeps no second copy inside transformers.js', () => {
    const wanted = readJson('node_modules/@huggingface/transformers/package.json').dependencies['onnxruntime-web'];
    expect(readJson('package.json').dependencies['onnxruntime-web']).toBe(wanted);
    expect(readJson('node_modules/onnxruntime-web/package.json').version).toBe(wanted);
    expect(existsSync(new URL('node_modules/@huggingface/transformers/node_modules/onnxruntime-web', root))).toBe(
      false,
    );
  });
});
