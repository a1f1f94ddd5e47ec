import { describe, expect, it } from 'vitest';
import { parseContentRange, planResponse, planResume, retryDelayMs } from '../../../src/models-cache/range-plan.ts';

describe('planResume', () => {
  it('asks for the whole file when nothing is on the device', () => {
    expect(planResume(0, 1000)).toEqual({ kind: 'fetch', range: null, keepBytes: 0 });
    expect(planResume(0, null)).toEqual({ kind: 'fetch', range: null, keepBytes: 0 });
  });

  it('asks for the rest with an open-ended Range after a partial download', () => {
    expect(planResume(400, 1000)).toEqual({ kind: 'fetch', range: 'bytes=400-', keepBytes: 400 });
    expect(planResume(400, null)).toEqual({ kind: 'fetch', range: 'bytes=400-', keepBytes: 400 });
  });

  it('fetches nothing when the partial is already complete, and discards one that is too long', () => {
    expect(planResume(1000, 1000)).toEqual({ kind: 'complete' });
    expect(planResume(1001, 1000)).toEqual({ kind: 'discard' });
  });
});

describe('planResponse', () => {
  it('appends a 206 that starts exactly where the partial ends', () => {
    expect(planResponse(400, { status: 206, contentRange: 'bytes 400-999/1000', contentLength: '600' })).toEqual({
      kind: 'append',
      offset: 400,
      total: 1000,
    });
  });

  it('refuses a 206 that would leave a gap or an overlap, or has no valid Content-Range', () => {
    expect(planResponse(400, { status: 206, contentRange: 'bytes 0-999/1000', contentLength: '1000' }).kind).toBe(
      'error',
    );
    expect(planResponse(400, { status: 206, contentRange: null, contentLength: '600' }).kind).toBe('error');
    expect(planResponse(400, { status: 206, contentRange: 'bytes 400-1000/1000', contentLength: '600' }).kind).toBe(
      'error',
    );
  });

  it('starts over when the server ignores the Range and sends the whole file', () => {
    expect(planResponse(400, { status: 200, contentRange: null, contentLength: '1000' })).toEqual({
      kind: 'restart',
      total: 1000,
    });
    expect(planResponse(0, { status: 200, contentRange: null, contentLength: null })).toEqual({
      kind: 'restart',
      total: null,
    });
  });

  it('reports other statuses as errors', () => {
    expect(planResponse(0, { status: 404, contentRange: null, contentLength: null })).toEqual({
      kind: 'error',
      message: 'HTTP 404',
    });
    expect(planResponse(10, { status: 416, contentRange: 'bytes */10', contentLength: null }).kind).toBe('error');
  });
});

describe('parseContentRange', () => {
  it('parses complete and unknown-length ranges', () => {
    expect(parseContentRange('bytes 0-9/10')).toEqual({ start: 0, end: 9, total: 10 });
    expect(parseContentRange('bytes 5-9/*')).toEqual({ start: 5, end: 9, total: null });
    expect(parseContentRange('bytes */10')).toBeNull();
    expect(parseContentRange('items 0-9/10')).toBeNull();
  });
});

describe('retryDelayMs', () => {
  it('doubles from half a second and is capped', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map((a) => retryDelayMs(a))).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });
});
