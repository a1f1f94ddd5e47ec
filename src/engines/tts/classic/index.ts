export {
  createClassicTextToSpeech,
  CLASSIC_TTS_PACK,
  type ClassicTextToSpeech,
  type ClassicTextToSpeechOptions,
} from './classic-tts.ts';
export { DEFAULT_FLITE_VOICE, FLITE_VOICES, isFliteVoice, type FliteVoice } from '../../../core/tts/flite-voices.ts';
