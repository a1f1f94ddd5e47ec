// A stock LiveKit agent written only against the public @livekit/agents API (unchanged, from the
// npm registry): when dispatched to a room it joins and publishes a 440 Hz tone as its microphone,
// named after the participant its job is for (publisher and participant jobs) so tests can see it.
// Hearth's compatibility test runs it as a separate process with `node tone-agent.mjs start`.
// Plain JavaScript in its own package: @livekit/agents needs @livekit/rtc-node ^0.13, Hearth pins 1.1.0.
import { cli, defineAgent, ServerOptions } from '@livekit/agents';
import {
  AudioFrame,
  AudioSource,
  LocalAudioTrack,
  RoomEvent,
  TrackPublishOptions,
  TrackSource,
} from '@livekit/rtc-node';
import { fileURLToPath } from 'node:url';

const SAMPLE_RATE = 48000;
const FRAME = SAMPLE_RATE / 100; // 10 ms

export default defineAgent({
  entry: async (ctx) => {
    await ctx.connect();
    const source = new AudioSource(SAMPLE_RATE, 1);
    const target = ctx.job.participant?.identity;
    const track = LocalAudioTrack.createAudioTrack(target ? `tone-for-${target}` : 'tone', source);
    await ctx.room.localParticipant.publishTrack(
      track,
      new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE }),
    );
    let running = true;
    ctx.room.once(RoomEvent.Disconnected, () => {
      running = false;
    });
    // captureFrame waits while the source's queue is full, so this loop runs at real time.
    for (let n = 0; running; n++) {
      const samples = new Int16Array(FRAME);
      for (let i = 0; i < FRAME; i++) {
        samples[i] = Math.round(0.3 * 32767 * Math.sin((2 * Math.PI * 440 * (n * FRAME + i)) / SAMPLE_RATE));
      }
      await source.captureFrame(new AudioFrame(samples, SAMPLE_RATE, 1, FRAME));
    }
  },
});

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  cli.runApp(
    new ServerOptions({
      agent: fileURLToPath(import.meta.url),
      // livekit_agent.proto's JobType: 0 a job per room, 1 per publishing participant, 2 per participant.
      serverType: Number(process.env.AGENT_JOB_TYPE ?? 0),
      // The test gives each worker its own health-check port (the default 8081 could be taken).
      host: '127.0.0.1',
      port: Number(process.env.AGENT_HEALTH_PORT ?? 8081),
      // Tests run beside CPU hogs: report the real load, but do not refuse jobs for it.
      loadThreshold: Infinity,
      numIdleProcesses: 1,
      // Starting a job process takes seconds on a busy 2-core machine (the 10 s default ran out).
      initializeProcessTimeout: 60_000,
      drainTimeout: 5000,
      shutdownProcessTimeout: 5000,
    }),
  );
}
