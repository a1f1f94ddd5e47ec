import { describe, expect, it } from 'vitest';
import { buildStoryPrompt, splitAtLastSentenceEnd, storyTopic } from '../../../src/core/llm/story-prompt.ts';

describe('story prompt for models without a chat template', () => {
  it('turns the request into the opening sentence of a story', () => {
    const { prompt, stop } = buildStoryPrompt([
      { role: 'system', content: 'You are Hearth.' },
      { role: 'user', content: 'Tell me a story about a brave turtle!' },
    ]);
    expect(prompt).toBe('Once upon a time, there was a brave turtle.');
    expect(stop).toContain('\n\n');
  });

  it('uses the last user message and adds an article when needed', () => {
    expect(storyTopic('a story about dragons')).toBe('some dragons');
    expect(buildStoryPrompt([{ role: 'user', content: 'a story about dragons' }]).prompt).toBe(
      'Once upon a time, there were some dragons.',
    );
    expect(storyTopic('about an owl')).toBe('an owl');
    expect(storyTopic('about owl')).toBe('an owl');
    expect(storyTopic('what about the moon?')).toBe('the moon');
    expect(storyTopic('tell me about owls and the night')).toBe('an owls and the night');
  });

  it('falls back to a classic opener when there is no topic', () => {
    expect(storyTopic('hello there')).toBeNull();
    expect(buildStoryPrompt([{ role: 'user', content: 'hi' }]).prompt).toMatch(/^Once upon a time, .+\.$/);
    expect(buildStoryPrompt([]).prompt).toMatch(/^Once upon a time/);
  });
});

describe('splitAtLastSentenceEnd', () => {
  it('splits after the last terminator, closing quotes included', () => {
    expect(splitAtLastSentenceEnd('She ran. He said "hi!" and then')).toEqual({
      ready: 'She ran. He said "hi!"',
      pending: ' and then',
    });
    expect(splitAtLastSentenceEnd('All done.')).toEqual({ ready: 'All done.', pending: '' });
  });
  it('keeps everything pending without a sentence end', () => {
    expect(splitAtLastSentenceEnd('no end here')).toEqual({ ready: '', pending: 'no end here' });
    expect(splitAtLastSentenceEnd('3.5 apples')).toEqual({ ready: '', pending: '3.5 apples' });
  });
});
