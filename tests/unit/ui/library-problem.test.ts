import { describe, expect, it } from 'vitest';
import { isUnreachable, libraryProblem } from '../../../src/ui/screens/library/library-problem.ts';

describe('libraryProblem', () => {
  it('turns a fetch that never reached the server into a friendly line, never "Failed to fetch"', () => {
    const text = libraryProblem('load', new TypeError('Failed to fetch'), true);
    expect(text).toMatch(/home server/);
    expect(text).not.toMatch(/fetch/i);
  });

  it('counts the browser being offline as unreachable whatever the error says', () => {
    expect(isUnreachable(new Error('something odd'), false)).toBe(true);
    expect(libraryProblem('search', new Error('something odd'), false)).toMatch(/Searching needs the home server/);
  });

  it('counts a gateway error as unreachable, but a server error as the server’s own problem', () => {
    expect(isUnreachable(new Error('HTTP 503'), true)).toBe(true);
    expect(isUnreachable(new Error('HTTP 500: index broken'), true)).toBe(false);
    expect(libraryProblem('load', new Error('HTTP 500: index broken'), true)).toBe(
      'The home server couldn’t list the library (HTTP 500: index broken).',
    );
  });
});
