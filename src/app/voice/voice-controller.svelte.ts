// The voice conversation, shared by every screen of the page: engines (loaded once and kept warm
// by engineHub), the microphone and its VAD stream, the playback queue and core's VoiceSession,
// with the reactive state the UI shows and the actions it calls. VoiceSession does the
// turn-taking; this only wires it, together with memory, personas and parental controls
// (conversation context) and songs and stories (media runtime).

import { openMicrophone, type Microphone } from '../../audio/microphone.ts';
import { PlaybackQueue } from '../../audio/playback-queue.ts';
import type { Embedder } from '../../core/engines.ts';
import type { TurnMetrics } from '../../core/metrics.ts';
import { mediaAudienceOf } from '../../core/personas/media-audience.ts';
import type { ErrorStage, VoiceSessionState } from '../../core/session-types.ts';
import { getTimeTool } from '../../core/tools/get-time.ts';
import { SILERO_FRAME_SAMPLES } from '../../core/vad/silero-input.ts';
import { VoiceSession } from '../../core/voice-session.ts';
import { createConversationContext } from '../conversation-context.ts';
import {
  engineHub,
  loadTurnEndModel,
  selectEngines,
  type EngineStatusMap,
  type RoleStatusLike,
  type VoiceRole,
} from '../../engines/index.ts';
import { canExtractMemories } from '../../engines/llm/select.ts';
import { modelDownloads, type KeptPacks } from '../models/model-downloads.svelte.ts';
import { packOfRole, turnEndPackOf } from '../models/planned-packs.ts';
import { settleable } from '../../core/settleable.ts';
import type { ListedRole } from '../../models-cache/wanted-packs.ts';
import { mediaRuntime } from '../media/media-runtime.ts';
import { readyEmbeddingsPack, sharedEmbedder } from '../media/shared-embedder.ts';
import { currentLlm, currentStt, currentTts, NoLanguageModelError } from './current-engines.ts';
import { LatestPerFrame } from './latest-per-frame.ts';
import { MicSettings } from './mic-settings.svelte.ts';
import { ReplySettings, type ReplyPreferences } from './reply-settings.svelte.ts';
import { MicVad } from './mic-vad.ts';
import { TurnEndEngine, type TurnEndEngineStatus } from './turn-end-engine.ts';
import { lastVadPlan, rememberVadPlan } from './last-vad-plan.ts';
import { yieldToMain } from '../yield-to-main.ts';
import type { VadStream } from '../../engines/vad/vad-stream.ts';

export type { EngineStatusMap, RoleEngineStatus } from '../../engines/index.ts';
export type { TurnEndEngineStatus } from './turn-end-engine.ts';

/** One of the server's model roles, as /api/models lists it. */
export type ServerRole = RoleStatusLike & ListedRole;

/** What the controller needs from the page: the server's model list and the device's WebGPU. */
export interface VoiceControllerDeps {
  /** /api/models; never throws (ok: false when the server could not be asked). */
  readModels: () => Promise<{ ok: true; data: { roles: readonly ServerRole[] } } | { ok: false }>;
  /** What kind of WebGPU adapter this device has. */
  detectWebGpu: () => Promise<{ kind: string }>;
}

export interface ChatLine {
  id: string;
  who: 'you' | 'hearth';
  text: string;
  /** Still streaming in. */
  live: boolean;
  interrupted: boolean;
}

export type MicState = 'off' | 'starting' | 'on' | 'muted';

export interface VoiceProblem {
  title: string;
  message: string;
  /** Only a grown-up can fix it (something is missing on the home server): it stays until dismissed. */
  needsSetup: boolean;
}

const STAGE_NAMES: Record<ErrorStage, string> = {
  stt: 'Speech recognition',
  llm: 'The language model',
  tts: 'The voice',
  tool: 'A tool',
  vad: 'Voice detection',
};

/** The server's model roles a conversation needs (memory search can follow later). */
const CONVERSATION_ROLES: ReadonlySet<string> = new Set(['vad', 'stt', 'llm-cpu', 'llm-webgpu', 'tts']);
/** Roles that load in the background once the conversation's engines are in; never waited for. */
const OPTIONAL_ROLES: ReadonlySet<string> = new Set(['end-of-turn', 'embeddings']);

/** One per page, like the engine hub: the optional end-of-turn model. */
const turnEnd = new TurnEndEngine(loadTurnEndModel);

/** How often a page re-reads /api/models while the server is still checking its model files. */
const CHECKING_POLL_MS = 2_000;
/** While the server's list of models cannot be read at all: re-read after 1 s, doubling to 30 s. */
const UNREACHABLE_FIRST_RETRY_MS = 1_000;
const UNREACHABLE_MAX_RETRY_MS = 30_000;

/** Without the server's list of models there is nothing to keep: each engine loads as it can. */
const NOTHING_TO_KEEP: KeptPacks = {
  outcome: Promise.resolve({ kind: 'ready', downloaded: 0 }),
  settled: () => Promise.resolve(),
};

export class VoiceController {
  engines = $state<EngineStatusMap>(engineHub.status);
  /** The optional audio end-of-turn model: kept apart from `engines`, since nothing waits for it. */
  turnEndEngine = $state<TurnEndEngineStatus>(turnEnd.status);
  /** The embeddings pack memory should use (the latest refresh's), loaded once the voice is in. */
  private memoryEmbeddingsPack: string | null = null;
  sessionState = $state<VoiceSessionState>('idle');
  mic = $state<MicState>('off');
  lines = $state<ChatLine[]>([]);
  metrics = $state<TurnMetrics | null>(null);
  problem = $state<VoiceProblem | null>(null);
  /**
   * The server's model list could not be read (engines that ship with the app still load): the
   * others are not missing but unknown, and the page re-reads the list with backoff until it can.
   */
  get modelsUnavailable(): boolean {
    return this.failedModelReads > 0;
  }
  /** Reads of the model list that failed in a row (sets the next re-read's delay). */
  private failedModelReads = $state(0);
  /**
   * The home server is still hashing model files a conversation needs (`/api/models` says
   * "verifying"): those roles are not missing yet, and the page re-reads the list until done.
   */
  serverChecking = $state(false);
  readonly micSettings = new MicSettings();
  readonly replySettings = new ReplySettings();
  readonly output = new PlaybackQueue();
  /** Songs and stories: the page's one player and catalog, shared with the Library and the mini player. */
  private readonly media = mediaRuntime();

  private session: VoiceSession | null = null;
  private sessionReady: Promise<VoiceSession> | null = null;
  private microphone: Microphone | null = null;
  private vadStream: VadStream | null = null;
  private warming: Promise<void> | null = null;
  /** Settles the first time the engines are planned (before their packs are kept); `done` says so at once. */
  private readonly firstPlan = settleable();
  /** Voice detection was started on the last visit's plan (once per page). */
  private voiceDetectionStarted = false;
  /** Memory's sentence embedder, once the server's embeddings pack has loaded (null until then, or without one). */
  private memoryEmbedder: Embedder | null = null;
  /** The planned chat model can pick out memories (not the stories260K demo). */
  private llmCanExtract = false;
  private problemTimer: ReturnType<typeof setTimeout> | null = null;
  private recheckTimer: ReturnType<typeof setTimeout> | null = null;
  /** Voice detection as the session reads it: the open microphone's VAD stream. */
  private readonly micVad = new MicVad(SILERO_FRAME_SAMPLES);
  /** The reply's caption, re-rendered at most once per frame however fast tokens come. */
  private readonly replyCaption = new LatestPerFrame<{ turnId: string; text: string }>(({ turnId, text }) =>
    this.upsertReply(turnId, { text, live: true }),
  );
  private readonly stt = currentStt(engineHub);
  private readonly llm = currentLlm(engineHub);
  private readonly tts = currentTts(engineHub);

  constructor(private readonly deps: VoiceControllerDeps) {
    engineHub.subscribe((status) => (this.engines = status));
    turnEnd.subscribe((status) => (this.turnEndEngine = status));
    // Music and stories go quieter while Hearth speaks (and, below, while the user talks).
    this.media.player.followSpeaking(this.output);
  }

  /**
   * Typing works once the voice is ready and the language model is either ready or known to be
   * missing: without one, typed songs, stories and "stop" still work (core's direct commands).
   */
  get canType(): boolean {
    const llm = this.engines.llm.state;
    return this.engines.tts.state === 'ready' && (llm === 'ready' || (llm === 'missing' && !this.serverChecking));
  }

  /** Typing gets real answers, not only songs and stories. */
  get canChat(): boolean {
    return this.canType && this.engines.llm.state === 'ready';
  }

  /** Talking also needs speech recognition. */
  get canListen(): boolean {
    return this.canChat && this.engines.stt.state === 'ready' && this.engines.vad.state === 'ready';
  }

  /** Listening cannot start until a grown-up adds something (the kiosk keeper waits, not retries). */
  get blocked(): boolean {
    return this.missingForTalking.length > 0;
  }

  /**
   * What only a grown-up can add before Hearth can listen and answer (kiosk mode needs both);
   * empty while the server is still checking its files, its list cannot be read, or the engines
   * are still loading.
   */
  get missingForTalking(): ('stt' | 'llm')[] {
    if (this.serverChecking || this.modelsUnavailable) return [];
    return (['stt', 'llm'] as const).filter((role) => this.engines[role].state === 'missing');
  }

  get loading(): boolean {
    return Object.values(this.engines).some(
      (status) => status.state === 'loading' || status.state === 'idle' || status.upgrading,
    );
  }

  /**
   * Settles once voice detection is in (its quick stand-in is enough), failed, or was never
   * started: work that can wait (the other screens' code) comes after the page can listen.
   */
  async voiceDetectionSettled(): Promise<void> {
    await engineHub.engine('vad');
  }

  /** Starts loading the engines (once per page; later calls re-check the server's models). */
  warmUp(): Promise<void> {
    this.warming ??= this.refreshEngines().finally(() => (this.warming = null));
    return this.warming;
  }

  /** Asks the server which packs are ready and loads whatever changed. */
  async refreshEngines(): Promise<void> {
    const handOverPacks = this.startVoiceDetectionEarly();
    // The graphics check costs the main thread tens of milliseconds: in a task of its own, not in
    // the one that starts voice detection (or mounts the app).
    const webgpuChecked = yieldToMain().then(() => this.deps.detectWebGpu());
    const [models, webgpu] = await Promise.all([this.deps.readModels(), webgpuChecked]).catch((error: unknown) => {
      handOverPacks?.(Promise.resolve());
      throw error;
    });
    // Startup stages, for bench:startup: the server's models and the graphics check are in.
    performance.mark('hearth:engines:planned');
    this.failedModelReads = models.ok ? 0 : this.failedModelReads + 1;
    const roles = models.ok ? models.data.roles : [];
    this.serverChecking = roles.some((role) => CONVERSATION_ROLES.has(role.role) && role.status === 'verifying');
    // An optional pack still being checked is asked about again too (Talk does not say "checking"
    // for it): otherwise a pack the server was still hashing when the page opened never loaded.
    const checkingOptional = roles.some((role) => OPTIONAL_ROLES.has(role.role) && role.status === 'verifying');
    if (this.recheckTimer) clearTimeout(this.recheckTimer);
    this.recheckTimer = null;
    const plan = selectEngines(roles, {
      webgpu: webgpu.kind === 'hardware' ? 'hardware' : webgpu.kind === 'software' ? 'software' : 'none',
    });
    // The packs are kept on this device, one after another (progress on Talk and Settings); the
    // service worker then serves the engines from that cache. Each engine starts once its own pack
    // is in (a failed download still lets it load from the server), not after every pack.
    const kept = models.ok ? modelDownloads.keepForPlan(plan, roles) : NOTHING_TO_KEEP;
    const packKept = (role: VoiceRole): Promise<void> => kept.settled(packOfRole(plan, role));
    // Listening needs no pack: voice detection starts now (on its quick stand-in; Silero's model
    // once its pack is kept).
    handOverPacks?.(packKept('vad'));
    engineHub.applyVoiceDetection(plan.vad, packKept('vad'));
    rememberVadPlan(plan.vad);
    // The other engines in a task of their own: starting them (and the re-render of Talk their
    // status brings) is not added to the task that starts voice detection (startup's long tasks).
    await yieldToMain();
    engineHub.apply(plan, packKept);
    this.firstPlan.settle();
    this.llmCanExtract = canExtractMemories(plan.llm);
    // The end-of-turn model only once voice detection has loaded its own model (not just the quick
    // stand-in), so it never delays listening, and once its pack is kept.
    void Promise.all([engineHub.engine('vad').then((vad) => vad?.upgraded), kept.settled(turnEndPackOf(plan))]).then(
      () => turnEnd.apply(plan.turnEnd),
    );
    // Memory's embeddings model (its own runtime and worker) once the voice is in: on a small
    // machine it would slow the engines a conversation waits for; memories meanwhile match by words.
    this.memoryEmbeddingsPack = readyEmbeddingsPack(roles);
    void Promise.all([engineHub.settled(['stt', 'llm', 'tts']), kept.settled(this.memoryEmbeddingsPack)]).then(() =>
      this.loadMemoryEmbedder(this.memoryEmbeddingsPack),
    );
    await kept.outcome;
    performance.mark('hearth:engines:packs-kept');
    // Live readiness: keep asking until the server has checked every file, then load what became
    // ready. Scheduled once this refresh is done, so the next one really asks again.
    if (this.serverChecking || checkingOptional)
      this.recheckTimer = setTimeout(() => void this.warmUp(), CHECKING_POLL_MS);
    else if (this.modelsUnavailable) {
      const delay = Math.min(UNREACHABLE_MAX_RETRY_MS, UNREACHABLE_FIRST_RETRY_MS * 2 ** (this.failedModelReads - 1));
      this.recheckTimer = setTimeout(() => void this.warmUp(), delay);
    }
  }

  /**
   * The first time the engines are planned, voice detection starts at once on the last visit's
   * plan (its quick stand-in needs no pack), before the server's list of models is in. Returns what
   * hands it the packs' keeping once that is known; the real plan then keeps it, or replaces it.
   */
  private startVoiceDetectionEarly(): ((packsKept: Promise<unknown>) => void) | null {
    if (this.voiceDetectionStarted) return null;
    this.voiceDetectionStarted = true;
    let handOver!: (packsKept: Promise<unknown>) => void;
    const packsKept = new Promise<unknown>((resolve) => (handOver = resolve));
    engineHub.applyVoiceDetection(lastVadPlan(), packsKept);
    return handOver;
  }

  /** Memory uses the embeddings pack the library index uses too (one shared worker). */
  private loadMemoryEmbedder(packId: string | null): void {
    if (!packId) {
      this.memoryEmbedder = null;
      return;
    }
    sharedEmbedder(packId).then(
      (embedder) => (this.memoryEmbedder = embedder),
      (error: unknown) =>
        console.warn('Hearth: the embeddings model could not be loaded; memories are matched by their words.', error),
    );
  }

  /** The orb: start listening (first press asks for the microphone), or stop. */
  async toggleListening(): Promise<void> {
    if (this.mic === 'off') await this.startListening();
    else await this.stopListening();
  }

  async startListening(): Promise<void> {
    if (this.mic !== 'off') return;
    // Inside the tap: lets the browser's autoplay policy start Hearth's voice.
    this.output.unlock();
    this.mic = 'starting';
    try {
      await this.ensurePlanned();
      // Listening needs only voice detection: speech recognition, the language model and the
      // voice keep loading, and the first turn waits for what it uses (current-engines.ts).
      const vad = await engineHub.engine('vad');
      const sttComing = engineHub.current('stt') !== null || engineHub.isLoading('stt');
      if (!sttComing) {
        this.showProblem(
          {
            title: 'Speech recognition isn’t installed yet',
            message: this.canType
              ? 'Hearth can’t understand speech yet: a grown-up needs to add speech recognition to the home server. You can type instead.'
              : 'Hearth can’t understand speech yet: a grown-up needs to add speech recognition to the home server.',
            needsSetup: true,
          },
          false,
        );
        this.mic = 'off';
        return;
      }
      if (!vad) throw new Error(this.engines.vad.error ?? 'Voice detection could not be loaded.');
      const session = await this.ensureSession();
      // Each frame goes to the VAD worker once, as it arrives, so voice detection keeps up with
      // the microphone; the session reads the answers by the frames' sequence numbers.
      const stream = vad.openStream();
      this.micVad.attach(stream);
      let microphone: Microphone;
      try {
        microphone = await openMicrophone({
          processing: this.micSettings.value,
          frameSamples: vad.frameSamples,
          onFrame: (frame) => {
            // An idle session drops audio; only frames it will read go to the model.
            if (session.state === 'idle') return;
            this.micVad.hand(stream, frame);
            void session.pushAudio(frame.samples);
          },
          onEnded: () => {
            this.showProblem({
              title: 'The microphone stopped',
              message: 'It may have been unplugged or its permission taken away. Tap the orb to try again.',
              needsSetup: false,
            });
            void this.stopListening();
          },
        });
      } catch (error) {
        await this.micVad.detach(stream);
        throw error;
      }
      if (this.mic !== 'starting') {
        // Stopped while we were asking for the microphone.
        await microphone.stop();
        await this.micVad.detach(stream);
        return;
      }
      this.microphone = microphone;
      this.vadStream = stream;
      this.mic = 'on';
      if (this.problem && !this.problem.needsSetup) this.clearProblem();
    } catch (error) {
      this.mic = 'off';
      this.showProblem(micProblem(error, this.canType), false);
    }
  }

  async stopListening(): Promise<void> {
    const microphone = this.microphone;
    const stream = this.vadStream;
    this.microphone = null;
    this.vadStream = null;
    this.mic = 'off';
    this.forgetHalfHeardSpeech();
    await microphone?.stop();
    if (stream) await this.micVad.detach(stream);
  }

  toggleMute(): void {
    if (!this.microphone) return;
    const muted = this.mic !== 'muted';
    this.microphone.setMuted(muted);
    this.mic = muted ? 'muted' : 'on';
    if (muted) this.forgetHalfHeardSpeech();
  }

  /**
   * No more audio is coming: an utterance in progress would otherwise wait forever for its
   * trailing silence. A reply in progress is left to finish.
   */
  private forgetHalfHeardSpeech(): void {
    if (this.session?.state !== 'userSpeaking') return;
    this.session.stop();
    this.session.start();
  }

  /**
   * Says `text` in a voice and speed (the persona editor's "Listen"), through the same voice
   * engine and speakers as replies; a reply still playing stops first. Resolves once it was heard.
   */
  async previewVoice(text: string, style: { voice?: string; rate?: number }): Promise<void> {
    this.interrupt();
    this.output.unlock();
    await this.voiceOnItsWay();
    for await (const pcm of this.tts.synthesize(text, style)) this.output.enqueue(pcm, this.tts.sampleRate);
    await this.output.whenIdle();
  }

  /**
   * Plans the engines if need be (a page opened on another screen may not have yet: an unplanned
   * voice only looks "on its way"), and waits while the home server is still checking its model
   * files (just after it starts): a voice being checked is on its way, not missing.
   */
  private async voiceOnItsWay(): Promise<void> {
    const plannedBefore = this.firstPlan.done;
    await this.ensurePlanned();
    const voiceComing = (): boolean => engineHub.current('tts') !== null || engineHub.isLoading('tts');
    if (voiceComing()) return;
    // Ask the server again only if the plan was made before this call (it may be out of date).
    if (plannedBefore) await this.warmUp();
    while (!voiceComing() && this.serverChecking) {
      await new Promise((resolve) => setTimeout(resolve, CHECKING_POLL_MS));
      await this.warmUp();
    }
  }

  /** The stop button: Hearth stops talking (and thinking) now. */
  interrupt(): void {
    this.session?.interrupt();
  }

  /** Typed message: the same turn as speech, without VAD and STT. */
  async send(text: string): Promise<void> {
    this.output.unlock();
    try {
      const session = await this.ensureSession();
      await session.sendText(text);
    } catch (error) {
      this.showProblem({ title: 'Hearth couldn’t answer', message: errorMessage(error), needsSetup: false });
    }
  }

  /** Changes how Hearth answers; a conversation under way follows from its next pause. */
  setReplyPreference<K extends keyof ReplyPreferences>(key: K, value: ReplyPreferences[K]): void {
    this.replySettings.set(key, value);
    this.applyReplySettings();
  }

  /** This device's settings were deleted: the switches on screen and in use go back to their defaults. */
  settingsDeleted(): void {
    this.micSettings.reload();
    this.replySettings.reload();
    this.applyReplySettings();
    void this.applyMicSettings();
  }

  /** A conversation under way follows the reply switches from its next pause. */
  private applyReplySettings(): void {
    this.session?.setPreemptiveGeneration(this.replySettings.value.answerInPauses);
  }

  /** Applies new microphone switches by reopening the microphone, if it is on. */
  async applyMicSettings(): Promise<void> {
    if (this.mic === 'off' || this.mic === 'starting') return;
    await this.stopListening();
    await this.startListening();
  }

  /** Engines are chosen at least once before anyone waits for them (not for their packs' download). */
  private async ensurePlanned(): Promise<void> {
    if (!this.firstPlan.done) await Promise.race([this.warmUp(), this.firstPlan.promise]);
  }

  private ensureSession(): Promise<VoiceSession> {
    this.sessionReady ??= this.createSession().catch((error: unknown) => {
      this.sessionReady = null;
      throw error;
    });
    return this.sessionReady;
  }

  private async createSession(): Promise<VoiceSession> {
    // Plans the engines first if need be (one request to the server on a page's first conversation).
    await this.voiceOnItsWay();
    // Neither the language model nor the voice is waited for here: a turn waits for them when it
    // needs them (a missing language model is no reason to refuse: songs, stories and "stop" work).
    if (!engineHub.current('tts') && !engineHub.isLoading('tts'))
      throw new Error(this.engines.tts.error ?? 'The voice could not be loaded.');
    // Media tools come in through extraTools, so the context's persona-aware registry holds every
    // tool once (and a persona's allowed-tools list covers them too).
    const context = await createConversationContext({
      extraTools: [getTimeTool, ...this.media.tools.tools],
      embedder: () => this.memoryEmbedder,
      extractionLlm: this.llm,
      llmCanExtract: () => this.llmCanExtract && engineHub.current('llm') !== null,
      onProblem: (message) => this.showProblem({ title: 'Hearth couldn’t save something', message, needsSetup: false }),
    });
    const session = new VoiceSession({
      vad: this.micVad,
      stt: this.stt,
      llm: this.llm,
      tts: this.tts,
      output: this.output,
      // Adaptive end of turn (the default): at a pause the model's verdict, while it is loaded, wins
      // over the words; before it loads, or if it fails, the words decide.
      turnEnd: turnEnd.model,
      ...context.sessionOptions(),
      // Starting on the answer in a pause (the Talking switch): off by default, as WebLLM writes one
      // reply at a time, so a start in a pause that was not the end must be cancelled before the real one.
      config: { preemptiveGeneration: this.replySettings.value.answerInPauses },
      // The context's tools need no services (they close over memory and personas); media's do,
      // with the active persona's language and ages filtering what plays.
      toolServices: { ...this.media.tools.services, mediaAudience: () => mediaAudienceOf(context.personaRecord()) },
    });
    context.attach(session);
    this.listen(session);
    session.start();
    this.session = session;
    return session;
  }

  private listen(session: VoiceSession): void {
    session.on('state', ({ state }) => {
      this.sessionState = state;
      // So "stop" is heard over the music.
      this.media.player.duck('listening', state === 'userSpeaking');
    });
    session.on('userTranscript', ({ turnId, text }) => {
      this.replyCaption.flush();
      this.lines = [...this.lines, { id: `${turnId}-you`, who: 'you', text, live: false, interrupted: false }];
    });
    session.on('agentText', ({ turnId, text }) => this.replyCaption.push({ turnId, text }));
    // The caption's last words land before the line is marked interrupted or finished.
    session.on('interrupted', ({ turnId }) => {
      this.replyCaption.flush();
      this.upsertReply(turnId, { interrupted: true, live: false }, false);
    });
    session.on('turnEnd', ({ turnId }) => {
      this.replyCaption.flush();
      this.upsertReply(turnId, { live: false }, false);
    });
    session.on('metrics', (metrics) => {
      // A turn that never got to the model (nothing understood) has nothing worth showing.
      if (metrics.llmTtftMs !== null || metrics.voiceToVoiceMs !== null) this.metrics = metrics;
    });
    session.on('error', ({ stage, error }) => {
      if (error instanceof NoLanguageModelError) {
        this.showProblem(
          {
            title: 'Hearth can’t chat yet',
            message:
              'A grown-up needs to add a language model to the home server. Until then, ask for a song or a story: “play a song”.',
            needsSetup: true,
          },
          false,
        );
        return;
      }
      this.showProblem({
        title: `${STAGE_NAMES[stage]} had a problem`,
        message: `${error.message} Hearth is still listening.`,
        needsSetup: false,
      });
    });
  }

  /** Updates the reply line of `turnId`; creates it when `create` and it does not exist yet. */
  private upsertReply(turnId: string, change: Partial<ChatLine>, create = true): void {
    const id = `${turnId}-hearth`;
    const index = this.lines.findIndex((line) => line.id === id);
    if (index === -1) {
      if (!create) return;
      this.lines = [...this.lines, { id, who: 'hearth', text: '', live: true, interrupted: false, ...change }];
      return;
    }
    this.lines = this.lines.map((line, i) => (i === index ? { ...line, ...change } : line));
  }

  private showProblem(problem: VoiceProblem, autoClear = true): void {
    this.problem = problem;
    if (this.problemTimer) clearTimeout(this.problemTimer);
    this.problemTimer = autoClear ? setTimeout(() => this.clearProblem(), 12_000) : null;
  }

  clearProblem(): void {
    this.problem = null;
    if (this.problemTimer) clearTimeout(this.problemTimer);
    this.problemTimer = null;
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function micProblem(error: unknown, canType: boolean): VoiceProblem {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') {
    return {
      title: 'Hearth may not use the microphone',
      message:
        'Allow the microphone for this page (the icon in the address bar), then tap the orb again. On another device, Hearth must be opened over https or from localhost.',
      needsSetup: false,
    };
  }
  if (name === 'NotFoundError' || name === 'OverconstrainedError') {
    return {
      title: 'No microphone found',
      message: `Plug in or switch on a microphone, then tap the orb again.${canType ? ' You can type instead.' : ''}`,
      needsSetup: false,
    };
  }
  return { title: 'Couldn’t start listening', message: errorMessage(error), needsSetup: false };
}
