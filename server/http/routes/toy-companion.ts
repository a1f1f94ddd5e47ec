// Can a toy's companion start on this server? It needs voice detection, speech recognition and a
// language model (a local GGUF pack or an OpenAI-compatible LAN server); without them the agent
// refuses to start. Settings → Toys shows the reason on each toy's card instead of "Online".
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ModelStore } from '../../models/store.ts';
import type { RoleStatus } from '../../models/status.ts';
import type { CompanionReadiness } from '../../../src/core/devices/companion-readiness.ts';

export type { CompanionReadiness };

/** What a toy conversation needs from the server's models, in a parent's words. */
const NEEDS: { role: RoleStatus['role']; words: string }[] = [
  { role: 'vad', words: 'hearing when someone speaks' },
  { role: 'stt', words: 'speech recognition' },
  { role: 'llm-cpu', words: 'a language model' },
];

export function companionReadiness(roles: readonly RoleStatus[], remoteLlm: boolean): CompanionReadiness {
  const missing: string[] = [];
  let checking = false;
  for (const need of NEEDS) {
    if (need.role === 'llm-cpu' && remoteLlm) continue;
    const role = roles.find((r) => r.role === need.role);
    if (role?.pack) continue;
    if (role?.status === 'verifying') checking = true;
    else missing.push(need.words);
  }
  if (missing.length > 0) {
    return {
      state: 'missing',
      canStart: false,
      reason: `Toys can't talk yet: the home server has no ${joinWords(missing)}. Install it under Settings → Models.`,
    };
  }
  if (checking)
    return { state: 'checking', canStart: false, reason: 'The home server is still checking its model files.' };
  return { state: 'ready', canStart: true, reason: null };
}

function joinWords(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/** GET /api/toys/companion: for parents (admin session) and scripts (household key), like the toy list. */
export function registerToyCompanionRoute(
  app: FastifyInstance,
  models: ModelStore,
  remoteLlm: boolean,
  guard: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
): void {
  app.get('/api/toys/companion', { preHandler: guard }, async (_request, reply) => {
    reply.header('Cache-Control', 'no-store');
    return companionReadiness(await models.roles(), remoteLlm);
  });
}
