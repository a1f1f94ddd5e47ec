// The Node engines the toy agent runs VoiceSession with, chosen per role from the model store:
// Silero VAD, Whisper, a GGUF via node-llama-cpp (or an OpenAI-compatible server when configured),
// Piper with the classic voice as fallback, and the embedder. Loaded once, shared by every
// conversation; only the VAD is per conversation (its state belongs to one audio stream).
import type { Embedder, Vad } from '../../src/core/engines.ts';
import type { ModelStore, RoleStatus } from '../models/store.ts';
import { loadNodeEmbedder, type NodeEmbedder } from './embedder.ts';
import { loadLlamaCppChatModel, type NodeChatModel } from './llm-llama-cpp.ts';
import { createOpenAiCompatibleChatModel, type RemoteChatModel } from './llm-openai-compatible.ts';
import { loadWhisper, type NodeSpeechToText } from './stt-whisper.ts';
import { loadClassicVoice, type NodeTextToSpeech } from './tts-classic.ts';
import { loadPiperVoice } from './tts-piper.ts';
import { loadSmartTurn, type NodeTurnEndModel } from './turn-end-smart-turn.ts';
import { createSileroVad, loadSileroModel } from './vad-silero.ts';

export interface RemoteLlmOptions {
  url: string;
  model: string;
  apiKey?: string | null;
}

export interface ServerEngineOptions {
  models: ModelStore;
  /** An OpenAI-compatible server to use instead of a local GGUF (config --llm-url / --llm-model). */
  remoteLlm?: RemoteLlmOptions | null;
  /** llama.cpp threads (default: 1 on ≤ 2 cores). */
  llmThreads?: number;
  /** Whisper's onnxruntime threads (default: 1 on ≤ 2 cores). */
  sttThreads?: number;
  /** Pack ids to use instead of the store's best ready pack per role. */
  packs?: Partial<Record<'vad' | 'stt' | 'llm' | 'tts' | 'embeddings' | 'end-of-turn', string>>;
  /** Skip roles the caller does not need (e.g. a text-only test needs no VAD or STT). */
  skip?: readonly ('vad' | 'stt' | 'llm' | 'embeddings' | 'end-of-turn')[];
  /** The classic voice's flite voice name (slt, kal16, awb, rms). */
  classicVoice?: string;
}

export interface ServerEngines {
  /** A fresh VAD for one conversation; null when no VAD pack is ready. */
  createVad: (() => Vad) | null;
  stt: NodeSpeechToText | null;
  llm: NodeChatModel | RemoteChatModel | null;
  /** Always present: the classic voice needs no model download. */
  tts: NodeTextToSpeech;
  embedder: (Embedder & { readonly packId: string }) | null;
  /** The audio end-of-turn model; null when no pack is installed (the words decide then). */
  turnEnd: NodeTurnEndModel | null;
  /** One line per role: which engine and model, or why it is missing / fell back. */
  report: string[];
  dispose(): Promise<void>;
}

export async function createServerEngines(options: ServerEngineOptions): Promise<ServerEngines> {
  const { models } = options;
  const roles = await models.roles();
  const skip = new Set(options.skip ?? []);
  const report: string[] = [];
  const disposers: (() => Promise<void>)[] = [];
  const pick = (role: RoleStatus['role'], override: string | undefined): string | null => {
    if (override) return override;
    const status = roles.find((r) => r.role === role);
    if (status?.pack) return status.pack.id;
    report.push(`${role}: no ready pack${status?.fix ? ` (fix: ${status.fix})` : ''}`);
    return null;
  };

  try {
    let createVad: ServerEngines['createVad'] = null;
    const vadPack = skip.has('vad') ? null : pick('vad', options.packs?.vad);
    if (vadPack) {
      const session = await loadSileroModel(models, vadPack);
      disposers.push(() => session.release());
      createVad = () => createSileroVad(session, vadPack);
      report.push(`vad: Silero (${vadPack}) on onnxruntime-node`);
    }

    let stt: NodeSpeechToText | null = null;
    const sttPack = skip.has('stt') ? null : pick('stt', options.packs?.stt);
    if (sttPack) {
      stt = await loadWhisper(models, {
        packId: sttPack,
        ...(options.sttThreads !== undefined ? { threads: options.sttThreads } : {}),
      });
      disposers.push(() => stt?.dispose() ?? Promise.resolve());
      report.push(`stt: Whisper (${sttPack}, ${stt.dtype}) on transformers.js + onnxruntime-node`);
    }

    let llm: ServerEngines['llm'] = null;
    if (!skip.has('llm')) {
      if (options.remoteLlm) {
        llm = createOpenAiCompatibleChatModel({
          baseUrl: options.remoteLlm.url,
          model: options.remoteLlm.model,
          apiKey: options.remoteLlm.apiKey ?? null,
        });
        report.push(`llm: ${options.remoteLlm.model} at ${llm.endpoint} (OpenAI-compatible)`);
      } else {
        const llmPack = pick('llm-cpu', options.packs?.llm);
        if (llmPack) {
          const local = await loadLlamaCppChatModel(models, {
            packId: llmPack,
            ...(options.llmThreads !== undefined ? { threads: options.llmThreads } : {}),
          });
          disposers.push(() => local.dispose());
          llm = local;
          report.push(
            `llm: ${llmPack} on node-llama-cpp (${local.hasChatTemplate ? 'chat template' : 'story continuation'})`,
          );
        }
      }
    }

    const tts = await loadVoice(models, roles, options, report);
    disposers.push(() => tts.dispose());

    let embedder: NodeEmbedder | null = null;
    if (!skip.has('embeddings')) {
      embedder = await loadNodeEmbedder(models, options.packs?.embeddings);
      if (embedder) {
        disposers.push(() => embedder?.dispose() ?? Promise.resolve());
        report.push(`embeddings: ${embedder.packId} on transformers.js + onnxruntime-node`);
      } else report.push('embeddings: no ready pack');
    }

    const turnEnd = skip.has('end-of-turn') ? null : await loadTurnEnd(models, roles, options, report);
    if (turnEnd) disposers.push(() => turnEnd.dispose());

    return { createVad, stt, llm, tts, embedder, turnEnd, report, dispose: () => disposeAll(disposers) };
  } catch (error) {
    await disposeAll(disposers);
    throw error;
  }
}

/** The end-of-turn pack when one is ready; optional, so a failure to load is reported, not thrown. */
async function loadTurnEnd(
  models: ModelStore,
  roles: RoleStatus[],
  options: ServerEngineOptions,
  report: string[],
): Promise<NodeTurnEndModel | null> {
  const packId = options.packs?.['end-of-turn'] ?? roles.find((r) => r.role === 'end-of-turn')?.pack?.id;
  if (!packId) {
    report.push('end-of-turn: no pack installed (the words so far decide when a turn ends)');
    return null;
  }
  try {
    const model = await loadSmartTurn(models, packId);
    report.push(`end-of-turn: Smart Turn (${packId}) on onnxruntime-node`);
    return model;
  } catch (error) {
    report.push(
      `end-of-turn: Smart Turn (${packId}) failed to load (${error instanceof Error ? error.message : String(error)}); the words decide`,
    );
    return null;
  }
}

/** Piper when a Piper pack is ready and loads; otherwise the classic voice, saying why. */
async function loadVoice(
  models: ModelStore,
  roles: RoleStatus[],
  options: ServerEngineOptions,
  report: string[],
): Promise<NodeTextToSpeech> {
  const status = roles.find((r) => r.role === 'tts');
  const piperPack = options.packs?.tts ?? status?.packs.find((p) => p.engine === 'piper' && p.state === 'ready')?.id;
  if (piperPack) {
    try {
      const piper = await loadPiperVoice(models, { packId: piperPack });
      report.push(`tts: Piper (${piperPack}) on onnxruntime-node`);
      return piper;
    } catch (error) {
      report.push(
        `tts: Piper (${piperPack}) failed to load (${error instanceof Error ? error.message : String(error)}); using the classic voice`,
      );
    }
  }
  const classic = await loadClassicVoice(
    models,
    options.classicVoice !== undefined ? { voice: options.classicVoice } : {},
  );
  if (!piperPack) report.push(`tts: classic voice (${classic.model}); no Piper voice is ready`);
  return classic;
}

async function disposeAll(disposers: (() => Promise<void>)[]): Promise<void> {
  for (const dispose of disposers.reverse()) await dispose().catch(() => undefined);
}

export type { NodeChatModel } from './llm-llama-cpp.ts';
export type { RemoteChatModel } from './llm-openai-compatible.ts';
export type { NodeSpeechToText } from './stt-whisper.ts';
export type { NodeTextToSpeech } from './tts-classic.ts';
