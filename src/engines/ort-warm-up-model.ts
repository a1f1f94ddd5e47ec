// The smallest ONNX model (one Identity node: float x[1] -> y[1], opset 13), 96 bytes. Creating a
// session of it starts onnxruntime-web (fetching and compiling its WASM, registering its kernels:
// about two seconds on a small machine) before the real model is known, so that cost is paid while
// the app starts rather than on the way to listening. Written by scripts/contract-models'
// GraphBuilder; tests/unit/engines/ort-warm-up-model.test.ts checks these bytes are what it writes.
const BYTES = [
  8, 8, 18, 6, 104, 101, 97, 114, 116, 104, 58, 78, 10, 33, 10, 1, 120, 18, 1, 121, 26, 15, 73, 100, 101, 110, 116, 105,
  116, 121, 95, 110, 111, 100, 101, 95, 49, 34, 8, 73, 100, 101, 110, 116, 105, 116, 121, 18, 7, 119, 97, 114, 109, 45,
  117, 112, 90, 15, 10, 1, 120, 18, 10, 10, 8, 8, 1, 18, 4, 10, 2, 8, 1, 98, 15, 10, 1, 121, 18, 10, 10, 8, 8, 1, 18, 4,
  10, 2, 8, 1, 66, 4, 10, 0, 16, 13,
];

export function ortWarmUpModel(): Uint8Array {
  return Uint8Array.from(BYTES);
}
