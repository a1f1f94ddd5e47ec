// Monitoring the child can see (issue 14): a LiveKit toy is told, in sound and in a state message,
// when a parent opens its live transcript (the observer token from Settings → Toys), and gets a
// quiet notice when the parent leaves. Real server, embedded room server, agent and voice; the toy
// is the simulator's ToyClient, the parent an rtc-node participant with the observer token.
import { Room } from '@livekit/rtc-node';
import { describe, expect, it } from 'vitest';
import type { ToyMessage } from '../../../server/toys/simulator/livekit-toy.ts';
import { MONITORING_ENDED_TEXT, monitoringNoticeText } from '../../../server/agent/monitoring-notice.ts';
import { STATE_TOPIC, type AgentMessage } from '../../../server/agent/protocol.ts';
import { observerGrant, useToyServer } from '../agent/toy-server.ts';
import { TEST_CHILD_AGE } from '../../helpers/toy-consent.ts';

type Monitoring = Extract<AgentMessage, { type: 'monitoring' }>;
const isMonitoring =
  (watching: boolean) =>
  (m: ToyMessage): m is ToyMessage & Monitoring =>
    m.type === 'monitoring' && m.watching === watching;

describe('a parent listening live is announced to the child', () => {
  const toys = useToyServer({ withoutPacks: ['piper-contract'] });

  it('the toy hears a chime and words, and gets a monitoring message, when the parent joins and leaves', async () => {
    const { server } = toys.toyServer;
    const toy = await toys.connect('Monitored bear');
    const parent = new Room();
    try {
      const grant = await observerGrant(server.url, toy.deviceId);

      const joinedAt = Date.now();
      await parent.connect(grant.url, grant.token, { autoSubscribe: true, dynacast: false });

      // The words for the child's age the parent gave at consent, on the state topic.
      const told = await toy.waitForMessage('the monitoring notice', isMonitoring(true), 60_000, joinedAt);
      expect(told.topic).toBe(STATE_TOPIC);
      expect(told.text).toBe(monitoringNoticeText(TEST_CHILD_AGE));
      // Heard, not only shown: the child said nothing, so what the toy hears now is the notice.
      await toy.waitForQuiet(toy.voice, joinedAt, 600, 60_000, 'the spoken monitoring notice');
      expect(toy.voice.audibleMs(joinedAt)).toBeGreaterThan(1000);
      // Told once per parent visit, not again.
      expect(toy.messages.filter(isMonitoring(true))).toHaveLength(1);

      const leftAt = Date.now();
      await parent.disconnect();
      const ended = await toy.waitForMessage('the end-of-monitoring notice', isMonitoring(false), 60_000, leftAt);
      expect(ended.text).toBe(MONITORING_ENDED_TEXT);
      await toy.waitForQuiet(toy.voice, leftAt, 300, 60_000, 'the end-of-monitoring chime');
    } catch (error) {
      throw toys.withContext(error);
    } finally {
      await parent.disconnect().catch(() => undefined);
      await toy.disconnect();
    }
  }, 240_000);
});
