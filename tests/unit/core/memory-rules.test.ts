import { describe, expect, it } from 'vitest';
import { extractFactsByRules } from '../../../src/core/memory/fact-rules.ts';
import { parseForgetRequest } from '../../../src/core/memory/forget-request.ts';
import { toThirdPerson } from '../../../src/core/memory/third-person.ts';

const facts = (text: string) => extractFactsByRules(text).map((f) => `${f.slot} = ${f.text}`);

describe('memory extraction rules', () => {
  it.each([
    ['My name is Maya.', ["name = The user's name is Maya."]],
    [
      "Hi, I'm Maya and I love dinosaurs",
      ["name = The user's name is Maya.", 'likes:dinosaur = The user loves dinosaurs.'],
    ],
    ['call me Captain Maya', ["name = The user's name is Captain Maya."]],
    ['my brother is Leo', ["family:brother = The user's brother is called Leo."]],
    ["My brother's name is leo.", ["family:brother = The user's brother is called Leo."]],
    ['I have a sister called Mia', ["family:sister = The user's sister is called Mia."]],
    ['I am six years old', ['age = The user is 6 years old.']],
    ['I have a dog named Rex', ['pet:dog = The user has a dog called Rex.']],
    ['my favorite color is blue', ["favourite:colour = The user's favourite colour is blue."]],
    ['I live in Paris, near the river', ['home = The user lives in Paris.']],
    ["I don't like broccoli any more", ['likes:broccoli = The user does not like broccoli.']],
    ['I really love playing football so much', ['likes:football = The user loves playing football.']],
  ])('%s', (text, expected) => {
    expect(facts(text)).toEqual(expected);
  });

  it.each([
    "I'm tired",
    'I love you',
    "I'd like a story",
    'my brother is annoying',
    'What is my name?',
    'Tell me about dinosaurs',
  ])('finds nothing durable in "%s"', (text) => {
    expect(facts(text)).toEqual([]);
  });

  it('gives "like" and "don\'t like" about the same thing the same slot, so one replaces the other', () => {
    const [liked] = extractFactsByRules('I love broccoli');
    const [disliked] = extractFactsByRules('I hate broccoli');
    expect(liked!.slot).toBe(disliked!.slot);
  });

  it('parses forget requests', () => {
    expect(parseForgetRequest("Forget my brother's name")).toEqual({ kind: 'about', query: 'my brothers name' });
    expect(parseForgetRequest('please forget that')).toEqual({ kind: 'last' });
    expect(parseForgetRequest('forget everything about me')).toEqual({ kind: 'everything' });
    expect(parseForgetRequest('I forgot my coat')).toBeNull();
  });

  it('turns a first-person note into a third-person memory', () => {
    expect(toThirdPerson('I have swimming on Tuesdays')).toBe('The user has swimming on Tuesdays.');
    expect(toThirdPerson('my teddy is called Bobo')).toBe("The user's teddy is called Bobo.");
  });
});
