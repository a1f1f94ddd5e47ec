// @echogarden/fvad-wasm ships no types: the Emscripten module factory and libfvad's C API
// (https://github.com/dpirch/libfvad/blob/master/include/fvad.h) as that build exports them.
declare module '@echogarden/fvad-wasm' {
  export interface FvadModule {
    /** A new detector (a pointer), or 0 when out of memory. */
    _fvad_new(): number;
    _fvad_free(inst: number): void;
    _fvad_reset(inst: number): void;
    /** 0 quality ... 3 very aggressive; returns 0, or -1 for an invalid mode. */
    _fvad_set_mode(inst: number, mode: number): number;
    /** 8000, 16000, 32000 or 48000; returns 0, or -1. */
    _fvad_set_sample_rate(inst: number, rate: number): number;
    /** 1 speech, 0 not, -1 bad frame length (10, 20 or 30 ms of 16-bit samples at `frame`). */
    _fvad_process(inst: number, frame: number, length: number): number;
    _malloc(bytes: number): number;
    _free(pointer: number): void;
    HEAP16: Int16Array;
  }
  export default function createFvad(options?: { locateFile?: (path: string) => string }): Promise<FvadModule>;
}
