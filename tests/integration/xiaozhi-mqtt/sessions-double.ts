// A test double of XiaozhiSessions (the real one is server/toys/xiaozhi's conversation): it answers
// the hello with the channel's extras, counts the toy's Opus, and on "listen stop" replies the way a
// turn does (stt, tts start, sentence_start, real 24 kHz Opus of a tone, tts stop). It exists so the
// transport can be tested without the speech engines; the spoken-turn tests use the real sessions.
import type { XiaozhiChannel, XiaozhiSessions } from '../../../server/toys/xiaozhi/channel.ts';
import { OpusEncoder } from '../../../server/toys/xiaozhi/opus-codec.ts';

export class ScriptedSessionsDouble implements XiaozhiSessions {
  readonly channels: XiaozhiChannel[] = [];
  readonly closeReasons: string[] = [];
  readonly uplinkPackets = new Map<XiaozhiChannel, number>();
  private readonly attachWaiters: Array<(channel: XiaozhiChannel) => void> = [];

  attach(channel: XiaozhiChannel): void {
    this.channels.push(channel);
    this.uplinkPackets.set(channel, 0);
    channel.onOpus(() => this.uplinkPackets.set(channel, (this.uplinkPackets.get(channel) ?? 0) + 1));
    channel.onClose((reason) => this.closeReasons.push(reason));
    channel.onJson((message) => {
      if (message.type === 'hello') {
        channel.sendJson({
          type: 'hello',
          transport: 'udp',
          session_id: `double-${this.channels.length}`,
          audio_params: { format: 'opus', sample_rate: 24000, channels: 1, frame_duration: 60 },
          ...channel.helloExtras(),
        });
      } else if (message.type === 'listen' && message.state === 'stop') {
        this.reply(channel);
      }
    });
    for (const waiter of this.attachWaiters.splice(0)) waiter(channel);
  }

  closeDevice(deviceId: string, reason: string): void {
    for (const channel of this.channels) if (channel.deviceId === deviceId) channel.close(reason);
  }

  nextChannel(): Promise<XiaozhiChannel> {
    return new Promise((resolve) => this.attachWaiters.push(resolve));
  }

  private reply(channel: XiaozhiChannel): void {
    channel.sendJson({ type: 'stt', text: `heard ${this.uplinkPackets.get(channel)} packets` });
    channel.sendJson({ type: 'tts', state: 'start' });
    channel.sendJson({ type: 'tts', state: 'sentence_start', text: 'A tone for you.' });
    const encoder = new OpusEncoder(24000, 60);
    for (let f = 0; f < 10; f++) {
      const pcm = new Float32Array(encoder.frameSamples);
      for (let i = 0; i < pcm.length; i++) pcm[i] = 0.4 * Math.sin((2 * Math.PI * 440 * (f * pcm.length + i)) / 24000);
      channel.sendOpus(encoder.encode(pcm), f * 60);
    }
    encoder.release();
    channel.sendJson({ type: 'tts', state: 'stop' });
  }
}
