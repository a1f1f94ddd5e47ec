// No audio of a child is stored (issue 14): a spoken turn of a LiveKit toy and of a stock xiaozhi toy
// (WebSocket, Opus) through the real server (VAD, Whisper contract pack, reply voice), and then every
// file in the data and media folders is compared with before the turn. New or grown files must hold no audio container (RIFF/WAVE, Ogg/Opus, FLAC,
// MP3) and, all together, grow by far less than the turn's audio would take as 16-bit PCM: a server
// that kept the child's utterance or the reply (raw, WAV or Opus) fails one or the other.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useToyServer } from '../agent/toy-server.ts';
import { connectToy, pairToy } from '../xiaozhi/xiaozhi-harness.ts';

interface FileState {
  size: number;
  mtimeMs: number;
}

function snapshot(dir: string, into = new Map<string, FileState>()): Map<string, FileState> {
  if (!fs.existsSync(dir)) return into;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) snapshot(full, into);
    else if (entry.isFile()) {
      const stat = fs.statSync(full);
      into.set(full, { size: stat.size, mtimeMs: stat.mtimeMs });
    }
  }
  return into;
}

const AUDIO_MAGIC: [string, Buffer][] = [
  ['WAV', Buffer.from('RIFF')],
  ['Ogg/Opus', Buffer.from('OggS')],
  ['Opus header', Buffer.from('OpusHead')],
  ['FLAC', Buffer.from('fLaC')],
  ['MP3', Buffer.from('ID3')],
];

/**
 * Files new or changed since `before` hold no audio container, and together grew by far less than
 * the child's utterance alone would take as 16 kHz 16-bit PCM.
 */
/** A long utterance (the contract Whisper still hears "Tell me a story."), so a stored copy would be big. */
const LONG_UTTERANCE = 'Tell me a story about a little red fox who lives in the big green forest near the river.';

function expectNoAudioKept(folders: string[], before: Map<string, FileState>, utteranceMs: number): void {
  const after = new Map<string, FileState>();
  for (const dir of folders) snapshot(dir, after);
  let grown = 0;
  const changed: string[] = [];
  for (const [file, state] of after) {
    const old = before.get(file);
    if (old && old.size === state.size && old.mtimeMs === state.mtimeMs) continue;
    changed.push(file);
    grown += Math.max(0, state.size - (old?.size ?? 0));
    // A new file whole; a grown one from where it ended (SQLite rewrites its pages in place).
    const added = fs.readFileSync(file).subarray(old && old.size < state.size ? old.size : 0);
    for (const [kind, magic] of AUDIO_MAGIC) expect(added.includes(magic), `${kind} data in ${file}`).toBe(false);
  }
  // Any copy of the utterance as 16 kHz PCM adds at least this much. What a turn writes (its
  // text, the day's usage) lands in whole 4 KB pages of the WAL, a handful per turn: the utterance
  // is long enough (3 s or more) that they stay far below it.
  const utteranceBytes = (utteranceMs / 1000) * 16000 * 2;
  expect(utteranceBytes).toBeGreaterThan(90_000);
  expect(grown, `files changed: ${changed.join(', ')}`).toBeLessThan(utteranceBytes / 2);
}

/** History turns the server keeps (text) for a toy. */
async function keptTurns(serverUrl: string, key: string, deviceId: string): Promise<number> {
  const res = await fetch(`${serverUrl}/api/devices/${encodeURIComponent(deviceId)}/turns`, {
    headers: { authorization: `Bearer ${key}` },
  });
  return ((await res.json()) as { turns: unknown[] }).turns.length;
}

describe('no audio of a child is stored', () => {
  const toys = useToyServer();

  it('a spoken toy turn leaves no audio in the data or media folders', async () => {
    const { server } = toys.toyServer;
    const mediaDir = path.join(path.dirname(server.dataDir), 'media');
    const folders = [server.dataDir, ...(fs.existsSync(mediaDir) ? [mediaDir] : [])];
    const toy = await toys.connect('Quiet bear');
    try {
      const before = new Map<string, FileState>();
      for (const dir of folders) snapshot(dir, before);
      const since = Date.now();
      const said = await toy.say(LONG_UTTERANCE);
      await toy.waitForMessage(
        'the user transcript',
        (m) => m.type === 'transcript' && m.role === 'user' && m.final,
        90_000,
        since,
      );
      await toy.waitForMessage(
        'the reply',
        (m) => m.type === 'transcript' && m.role === 'agent' && m.final,
        90_000,
        since,
      );
      // The turn is kept in the history (text): the write we expect has happened.
      const key = toys.toyServer.householdKey;
      await expect.poll(() => keptTurns(server.url, key, toy.deviceId), { timeout: 60_000 }).toBeGreaterThan(0);

      expectNoAudioKept(folders, before, said.durationMs);
      // The reply was heard (voice, or the story on the media track), yet none of it was kept.
      expect(toy.voice.audibleMs(since) + toy.media.audibleMs(since)).toBeGreaterThan(0);
    } catch (error) {
      throw toys.withContext(error, 3000);
    } finally {
      await toy.disconnect();
    }
  }, 300_000);

  it('a spoken turn of a stock xiaozhi toy (Opus over its WebSocket) leaves no audio either', async () => {
    const { server, householdKey: key } = toys.toyServer;
    const mediaDir = path.join(path.dirname(server.dataDir), 'media');
    const folders = [server.dataDir, ...(fs.existsSync(mediaDir) ? [mediaDir] : [])];
    const paired = await pairToy(server.url, key, { name: 'Quiet owl' });
    const toy = await connectToy(paired, { lines: toys.lines, name: 'quiet owl' });
    try {
      const before = new Map<string, FileState>();
      for (const dir of folders) snapshot(dir, before);
      const said = await toy.say(LONG_UTTERANCE);
      await toy.waitForMessage('the reply', (m) => m.type === 'tts' && m.state === 'stop', 120_000, said.startedAt);
      await expect.poll(() => keptTurns(server.url, key, paired.device.id), { timeout: 60_000 }).toBeGreaterThan(0);
      expectNoAudioKept(folders, before, said.endedAt - said.startedAt);
      // The reply was heard as decoded Opus at the toy, yet none of it was kept.
      expect(toy.heard.audibleFrames(said.startedAt)).toBeGreaterThan(0);
    } catch (error) {
      throw toys.withContext(error, 3000);
    } finally {
      toy.goodbye();
      toy.close();
    }
  }, 300_000);
});
