// The learned check, shared by every guard. Its model ships as a ~175 KB string in the app's script
// (a string costs next to nothing to parse); it is decoded on first use.

import { SAFETY_MODEL } from './safety-model.ts';
import { safetyClassifier, type SafetyClassifier } from './safety-classifier.ts';

let decoded: SafetyClassifier | null = null;

export function learnedCheck(): SafetyClassifier {
  decoded ??= safetyClassifier(SAFETY_MODEL);
  return decoded;
}
