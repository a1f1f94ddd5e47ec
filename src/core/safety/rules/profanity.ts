// Swearing, from the child or the model.
import type { CategoryRules } from './safety-rule.ts';
import { words } from './safety-rule.ts';

export const profanityRules: CategoryRules<'profanity'> = {
  category: 'profanity',
  rules: [
    {
      pattern: new RegExp(
        words(
          'fuck\\w* | shit\\w* | bitch\\w* | bastard\\w* | asshole\\w* | arsehole\\w* | dickhead\\w* | cunt\\w* | motherfuck\\w* | bullshit | wank\\w* | slut\\w* | whore\\w*',
        ),
      ),
    },
  ],
};
