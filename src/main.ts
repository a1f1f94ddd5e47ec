import { mount } from 'svelte';
import App from './ui/App.svelte';
import { retentionChore } from './app/privacy/retention-chore.ts';
import { prewarmSileroVad } from './engines/vad/silero-vad.ts';
import { kiosk } from './ui/kiosk/kiosk-mode.svelte.ts';
import { currentRoute } from './ui/router.ts';
import { voice } from './ui/voice/voice-controller.svelte.ts';
import { yieldToMain } from './app/yield-to-main.ts';
import { prefetchScreens } from './ui/screens/lazy-screens.ts';
import './ui/theme.css';

// The app's modules are loaded and evaluated (bench:startup reports the time to here).
performance.mark('hearth:app:start');
// Listening needs voice detection first: its worker and runtime start now, before the app mounts
// (a static import, so the worker is created at once, not after the first render). Only when the
// page opens where it listens (Talk, or a kiosk): a parent's visit to Settings or Library skips
// onnxruntime's start.
// The engines' plan (and voice detection on the last visit's plan, ready in milliseconds) starts
// here too, rather than when Talk first renders.
if (kiosk.active || currentRoute() === 'talk') {
  prewarmSileroVad();
  void voice.warmUp();
}
const target = document.getElementById('app');
if (!target) throw new Error('Hearth: #app mount point is missing from index.html');

// Each start-up step in a task of its own, so none holds the main thread long enough for a tap or
// a frame to wait (bench:startup counts the long tasks).
await yieldToMain();
const app = mount(App, { target });
await yieldToMain();
// What a parent chose not to keep is deleted at start, then daily and when a forget date comes.
retentionChore();
// The other screens' code, once the page can listen and has a quiet moment: opening one later
// needs no network, and its parse never delays listening.
void voice.voiceDetectionSettled().then(() => {
  if ('requestIdleCallback' in window) requestIdleCallback(() => void prefetchScreens(), { timeout: 3_000 });
  else setTimeout(() => void prefetchScreens(), 1_000);
});

export default app;
