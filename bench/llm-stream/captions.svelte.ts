// The Talk screen's captions for the bench: the real Conversation component, its lines updated
// from the session's events the way src/app/voice/voice-controller.svelte.ts does: at most once
// per frame (`perFrame`, as the app does now), or on every token (as it did before).

import { flushSync, mount, unmount, type ComponentProps } from 'svelte';
import { LatestPerFrame } from '../../src/app/voice/latest-per-frame.ts';
import type { VoiceSession } from '../../src/core/index.ts';
import Conversation from '../../src/ui/screens/talk/Conversation.svelte';

type Turn = ComponentProps<typeof Conversation>['turns'][number];

export function mountCaptions(target: HTMLElement, session: VoiceSession, { perFrame }: { perFrame: boolean }) {
  const state = $state<{ turns: Turn[] }>({ turns: [] });
  let updates = 0;
  const upsertReply = (turnId: string, change: Partial<Turn>, create = true) => {
    updates++;
    const id = `${turnId}-hearth`;
    const index = state.turns.findIndex((line) => line.id === id);
    if (index === -1) {
      if (!create) return;
      state.turns = [...state.turns, { id, who: 'hearth', text: '', live: true, interrupted: false, ...change }];
      return;
    }
    state.turns = state.turns.map((line, i) => (i === index ? { ...line, ...change } : line));
  };
  const caption = new LatestPerFrame<{ turnId: string; text: string }>(({ turnId, text }) =>
    upsertReply(turnId, { text, live: true }),
  );
  const offs = [
    session.on('userTranscript', ({ turnId, text }) => {
      state.turns = [...state.turns, { id: `${turnId}-you`, who: 'you', text, live: false, interrupted: false }];
    }),
    session.on('agentText', ({ turnId, text }) =>
      perFrame ? caption.push({ turnId, text }) : upsertReply(turnId, { text, live: true }),
    ),
    session.on('turnEnd', ({ turnId }) => {
      caption.flush();
      upsertReply(turnId, { live: false }, false);
    }),
  ];
  const component = mount(Conversation, {
    target,
    props: {
      get turns() {
        return state.turns;
      },
    },
  });
  flushSync();
  return {
    get updates() {
      return updates;
    },
    destroy() {
      for (const off of offs) off();
      void unmount(component);
    },
  };
}
