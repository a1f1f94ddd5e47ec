// The words search compares: lower-cased, function words and request filler dropped, each word
// reduced to its Porter stem so "turtles", "turtle" and "turtle's" meet. Items and queries go
// through the same steps, so what the server indexes and what a browser asks always agree.
import { stemmer } from 'stemmer';
import { normalizeUtterance } from '../tools/utterance.ts';

// Words that say nothing about what an item is about, in items or in requests.
const FUNCTION_WORDS = new Set(
  (
    'a an the me my us our you your i we it its is are was were be been to of for with and or in on at by from ' +
    'he she him her his they them their this that these those there here as so but not no do does did ' +
    'has have had will would could can shall should may might must than then who what which when where how'
  ).split(' '),
);

// Request filler: "play me the song about ..." should search for the "...".
const REQUEST_WORDS = new Set(
  (
    'play sing tell read hear listen want like some something any anything song songs music tune tunes ' +
    'story stories tale tales about called named one please hearth again little bit now go lets let another'
  ).split(' '),
);

/** The stem of one lower-case word, as indexed and searched. */
export function stemWord(word: string): string {
  return stemmer(word);
}

function words(text: string): string[] {
  return normalizeUtterance(text)
    .split(' ')
    .filter((w) => w.length > 0 && !FUNCTION_WORDS.has(w));
}

/** An item's text as index terms (stems), in order. */
export function indexTerms(text: string): string[] {
  return words(text).map(stemWord);
}

/** A request's topic words as stems: "Play me the song about the Stars" → ["star"]. Empty = "anything". */
export function searchTokens(text: string): string[] {
  return words(text)
    .filter((w) => !REQUEST_WORDS.has(w))
    .map(stemWord);
}

/** Topic words of an item's own text, unstemmed: what the server looks up in WordNet. */
export function topicWords(text: string): string[] {
  return words(text).filter((w) => !REQUEST_WORDS.has(w) && /\p{L}/u.test(w));
}
