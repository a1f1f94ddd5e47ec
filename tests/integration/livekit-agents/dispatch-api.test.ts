// LiveKit's AgentDispatchService on the embedded room server, called by livekit-server-sdk's own
// AgentDispatchClient (JSON) and by raw protobuf Twirp requests (what the Go and Python SDKs send).
import {
  AgentDispatch,
  CreateAgentDispatchRequest,
  ListAgentDispatchRequest,
  ListAgentDispatchResponse,
} from '@livekit/protocol';
import { AccessToken, AgentDispatchClient, TwirpError } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_WAITING_DISPATCHES } from '../../../server/livekit/agent-dispatch/agent-dispatcher.ts';
import { API_KEY, API_SECRET, startDispatchServer, type DispatchTestServer } from './helpers/dispatch-server.ts';

describe('AgentDispatchService (Twirp) on the embedded room server', () => {
  let lk: DispatchTestServer;
  let client: AgentDispatchClient;
  let base: string;

  beforeAll(async () => {
    lk = await startDispatchServer();
    client = new AgentDispatchClient(lk.url, API_KEY, API_SECRET);
    base = lk.url.replace('ws://', 'http://');
  });

  afterAll(async () => {
    await lk?.stop();
  });

  async function adminToken(room: string, secret = API_SECRET): Promise<string> {
    const at = new AccessToken(API_KEY, secret);
    at.addGrant({ roomAdmin: true, room });
    return at.toJwt();
  }

  function twirp(method: string, body: string | Uint8Array, token?: string, type = 'application/json') {
    return fetch(`${base}/twirp/livekit.AgentDispatchService/${method}`, {
      method: 'POST',
      headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: typeof body === 'string' ? body : Buffer.from(body),
    });
  }

  async function twirpError(response: Response): Promise<{ status: number; code: string; msg: string }> {
    const body = (await response.json()) as { code: string; msg: string };
    return { status: response.status, ...body };
  }

  it('creates, lists, gets and deletes dispatches for a room that does not exist yet', async () => {
    const created = await client.createDispatch('later-room', 'storyteller', { metadata: '{"toy":"owl"}' });
    expect(created.id).toMatch(/^AD_/);
    expect(created).toMatchObject({ room: 'later-room', agentName: 'storyteller', metadata: '{"toy":"owl"}' });
    expect(created.state?.createdAt).toBeGreaterThan(0n);
    const second = await client.createDispatch('later-room', 'helper');

    expect((await client.listDispatch('later-room')).map((d) => d.id).sort()).toEqual([created.id, second.id].sort());
    expect((await client.getDispatch(second.id, 'later-room'))?.agentName).toBe('helper');
    expect(lk.dispatch.listDispatches('later-room').map((d) => d.id)).toContain(created.id);

    await client.deleteDispatch(created.id, 'later-room');
    expect((await client.listDispatch('later-room')).map((d) => d.id)).toEqual([second.id]);
    expect(await client.getDispatch(created.id, 'later-room')).toBeUndefined();
    const again = await client.deleteDispatch(created.id, 'later-room').catch((err: unknown) => err);
    expect(again).toBeInstanceOf(TwirpError);
    expect((again as TwirpError).status).toBe(404);
    expect((again as TwirpError).code).toBe('not_found');
  });

  it('speaks protobuf too', async () => {
    const body = new CreateAgentDispatchRequest({ room: 'proto-room', agentName: 'proto-agent' }).toBinary();
    const created = await twirp('CreateDispatch', body, await adminToken('proto-room'), 'application/protobuf');
    expect(created.status).toBe(200);
    expect(created.headers.get('content-type')).toBe('application/protobuf');
    const dispatch = AgentDispatch.fromBinary(new Uint8Array(await created.arrayBuffer()));
    expect(dispatch.agentName).toBe('proto-agent');

    const listed = await twirp(
      'ListDispatch',
      new ListAgentDispatchRequest({ room: 'proto-room' }).toBinary(),
      await adminToken('proto-room'),
      'application/protobuf',
    );
    const list = ListAgentDispatchResponse.fromBinary(new Uint8Array(await listed.arrayBuffer()));
    expect(list.agentDispatches.map((d) => d.id)).toEqual([dispatch.id]);
  });

  it('refuses callers without an admin token for that room, with Twirp errors that say why', async () => {
    const body = JSON.stringify({ room: 'guarded', agentName: 'x' });
    expect(await twirpError(await twirp('CreateDispatch', body))).toMatchObject({
      status: 401,
      code: 'unauthenticated',
    });
    const forged = await twirpError(
      await twirp('CreateDispatch', body, await adminToken('guarded', 'not-the-secret-not-the-secret-0123456789')),
    );
    expect(forged).toMatchObject({ status: 401, code: 'unauthenticated' });
    expect(forged.msg).toMatch(/invalid token/);
    const otherRoom = await twirpError(await twirp('CreateDispatch', body, await adminToken('another-room')));
    expect(otherRoom).toMatchObject({ status: 403, code: 'permission_denied' });
    const joinOnly = new AccessToken(API_KEY, API_SECRET, { identity: 'kid' });
    joinOnly.addGrant({ roomJoin: true, room: 'guarded' });
    expect(await twirpError(await twirp('CreateDispatch', body, await joinOnly.toJwt()))).toMatchObject({
      status: 403,
      code: 'permission_denied',
    });
    // Nothing was created by any refused call.
    expect(lk.dispatch.listDispatches('guarded')).toEqual([]);
  });

  it('answers bad input with 4xx and keeps what was there', async () => {
    const token = await adminToken('bad-input');
    const kept = await client.createDispatch('bad-input', 'keeper');
    expect(await twirpError(await twirp('CreateDispatch', '{not json', token))).toMatchObject({
      status: 400,
      code: 'malformed',
    });
    expect(
      await twirpError(await twirp('CreateDispatch', JSON.stringify({ room: '', agentName: 'x' }), token)),
    ).toMatchObject({ status: 400, code: 'invalid_argument' });
    const huge = JSON.stringify({ room: 'bad-input', agentName: 'x', metadata: 'm'.repeat(70_000) });
    expect(await twirpError(await twirp('CreateDispatch', huge, token))).toMatchObject({
      status: 400,
      code: 'invalid_argument',
    });
    expect(await twirpError(await twirp('Explode', '{}', token))).toMatchObject({ status: 404, code: 'bad_route' });
    expect((await twirp('CreateDispatch', 'x'.repeat(300_000), token)).status).toBe(413);
    expect(lk.dispatch.listDispatches('bad-input').map((d) => d.id)).toEqual([kept.id]);
  });

  it('holds its limit on waiting dispatches under parallel requests', async () => {
    const before = lk.dispatch.listDispatches('flood-0').length;
    expect(before).toBe(0);
    // 1,100 parallel creates for rooms that do not exist: at most the limit is kept, the rest are refused.
    const results = await Promise.all(
      Array.from({ length: 1100 }, (_, i) =>
        client.createDispatch(`flood-${i}`, 'x').then(
          () => 'created',
          (err: unknown) => (err instanceof TwirpError ? err.code : 'other'),
        ),
      ),
    );
    const created = results.filter((r) => r === 'created').length;
    expect(results.filter((r) => r !== 'created' && r !== 'resource_exhausted')).toEqual([]);
    let flood = 0;
    for (let i = 0; i < 1100; i++) flood += lk.dispatch.listDispatches(`flood-${i}`).length;
    expect(flood).toBe(created);
    // The earlier tests left dispatches waiting in these rooms; together they fill the limit exactly.
    const earlier = ['later-room', 'proto-room', 'bad-input'].reduce(
      (n, room) => n + lk.dispatch.listDispatches(room).length,
      0,
    );
    expect(flood + earlier).toBe(MAX_WAITING_DISPATCHES);

    // Deleting a waiting dispatch frees exactly one place.
    const full = await client.createDispatch('one-more', 'x').then(
      () => 'created',
      (err: unknown) => (err instanceof TwirpError ? err.code : 'other'),
    );
    expect(full).toBe('resource_exhausted');
    const freed = results.findIndex((r) => r === 'created');
    const [gone] = lk.dispatch.listDispatches(`flood-${freed}`);
    await client.deleteDispatch(gone?.id ?? '', `flood-${freed}`);
    expect((await client.createDispatch('one-more', 'x')).room).toBe('one-more');
    await expect(client.createDispatch('two-more', 'x')).rejects.toMatchObject({ code: 'resource_exhausted' });
  });
});
