// A toy's card says why its companion cannot start: GET /api/toys/companion through the real app
// (no model packs installed: no speech recognition, no language model), and the rule itself on
// model role states (ready, missing, still verifying, a LAN language model server).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoleStatus } from '../../../server/models/status.ts';
import { companionReadiness } from '../../../server/http/routes/toy-companion.ts';
import { adminToken, buildTestApp, type BuiltApp } from './helpers.ts';

const role = (name: RoleStatus['role'], status: RoleStatus['status']): RoleStatus =>
  ({
    role: name,
    label: name,
    status,
    pack: status === 'ready' ? { id: `${name}-pack` } : null,
    better: [],
    fix: null,
    packs: [],
  }) as unknown as RoleStatus;

describe('companion readiness rule', () => {
  it('is ready only with voice detection, speech recognition and a language model', () => {
    const all = [role('vad', 'ready'), role('stt', 'ready'), role('llm-cpu', 'ready')];
    expect(companionReadiness(all, false)).toEqual({ state: 'ready', canStart: true, reason: null });
    const noStt = companionReadiness([role('vad', 'ready'), role('stt', 'missing'), role('llm-cpu', 'ready')], false);
    expect(noStt).toMatchObject({ state: 'missing', canStart: false });
    expect(noStt.reason).toMatch(/speech recognition/);
    expect(noStt.reason).not.toMatch(/language model/);
  });

  it('names everything missing in plain words; a LAN language model server counts as one', () => {
    const none = companionReadiness([role('vad', 'ready'), role('stt', 'missing'), role('llm-cpu', 'missing')], false);
    expect(none.reason).toMatch(/speech recognition or a language model/);
    expect(none.reason).not.toMatch(/npm|stt|llm/);
    const remote = companionReadiness([role('vad', 'ready'), role('stt', 'ready'), role('llm-cpu', 'missing')], true);
    expect(remote.canStart).toBe(true);
  });

  it('says "checking" while the server still verifies a pack it has', () => {
    const verifying = companionReadiness(
      [role('vad', 'ready'), role('stt', 'verifying'), role('llm-cpu', 'ready')],
      false,
    );
    expect(verifying).toMatchObject({ state: 'checking', canStart: false });
  });
});

describe('GET /api/toys/companion', () => {
  let built: BuiltApp;
  let admin: string;
  beforeAll(async () => {
    built = await buildTestApp();
    admin = await adminToken(built.app);
  }, 120_000);
  afterAll(async () => built?.close());

  it('tells a parent that toys cannot talk yet on a server with no packs, and why', async () => {
    const res = await built.app.inject({
      method: 'GET',
      url: '/api/toys/companion',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { canStart: boolean; reason: string };
    expect(body).toMatchObject({ state: 'missing', canStart: false });
    expect(body.reason).toMatch(/speech recognition/);
    expect(body.reason).toMatch(/language model/);
  });

  it('answers scripts with the household key, and refuses anyone else with a 401', async () => {
    const key = await built.app.inject({
      method: 'GET',
      url: '/api/toys/companion',
      headers: { authorization: `Bearer ${built.householdKey}` },
    });
    expect(key.statusCode).toBe(200);
    const anonymous = await built.app.inject({ method: 'GET', url: '/api/toys/companion' });
    expect(anonymous.statusCode).toBe(401);
    expect((anonymous.json() as { message: string }).message).toMatch(/PIN|household key/);
  });
});
