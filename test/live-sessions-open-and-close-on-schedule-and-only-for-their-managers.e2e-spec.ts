import type { NestExpressApplication } from '@nestjs/platform-express';
import { LiveScheduler, LiveSessionsService } from '@hocvuso/live';
import { Logger } from 'nestjs-pino';
import { createWorkerApp } from '../apps/worker/src/worker.app';
import { ApiHarness } from './support/api-harness';
import { createActor, Role, scopes, type TestActor } from './support/actors';
import {
  CREATE_SESSION,
  createLivePlaces,
  createSession,
  eventually,
  type LivePlaces,
  START,
} from './support/live-harness';

const SESSION = `query ($id: ID!) { liveSession(id: $id) { id status startedAt endedAt scheduledStart } }`;
const RESCHEDULE = `mutation ($input: RescheduleLiveSessionInput!) { rescheduleLiveSession(input: $input) { id scheduledStart scheduledEnd } }`;
const CANCEL = `mutation ($id: ID!) { cancelLiveSession(id: $id) { id status } }`;

describe('live sessions open and close on schedule, and only their trainers and managers see them', () => {
  let api: ApiHarness;
  let worker: NestExpressApplication | undefined;
  let places: LivePlaces;
  let trainer: TestActor;
  let official: TestActor;
  let outsider: TestActor;

  beforeAll(async () => {
    api = await ApiHarness.start();
    places = await createLivePlaces(api, '53');
    trainer = await createActor(api, [[Role.TRAINER, scopes.commune(`53101`, '53')]]);
    official = await createActor(api, [[Role.PROVINCE_OFFICIAL, scopes.province('53')]]);
    outsider = await createActor(api, [[Role.TRAINER, scopes.province('43')]]);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  const status = async (id: string, token = trainer.token) =>
    (await api.gql<{ liveSession: { status: string } }>(SESSION, { id }, token)).data?.liveSession.status;

  it('validates what a session says and refuses target units outside the caller’s scope', async () => {
    const input = {
      title: 'Dịch vụ công trực tuyến',
      scheduledStart: new Date(Date.now() + 3_600_000).toISOString(),
      scheduledEnd: new Date(Date.now() + 7_200_000).toISOString(),
      streamUrl: 'https://stream.example.vn/dvc',
      targetCommuneCodes: [places.communeA],
    };
    const badUrl = await api.gql(
      CREATE_SESSION,
      { input: { ...input, streamUrl: 'javascript:alert(1)' } },
      trainer.token,
    );
    expect(badUrl.errors?.[0].extensions?.code).toBe('INVALID_STREAM_URL');
    const backwards = await api.gql(
      CREATE_SESSION,
      { input: { ...input, scheduledEnd: input.scheduledStart } },
      trainer.token,
    );
    expect(backwards.errors?.[0].extensions?.code).toBe('INVALID_SCHEDULE');
    const wholeProvince = await api.gql(
      CREATE_SESSION,
      { input: { ...input, targetCommuneCodes: [], targetProvinceCodes: ['53'] } },
      trainer.token,
    );
    expect(wholeProvince.errors?.[0].extensions?.code).toBe('INVALID_TARGETS');
    const foreign = await api.gql(CREATE_SESSION, { input }, outsider.token);
    expect(foreign.errors?.[0].extensions?.code).toBe('INVALID_TARGETS');
    const anonymous = await api.gql(CREATE_SESSION, { input });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const created = await api.gql<{ createLiveSession: { id: string; joinCode: string; status: string } }>(
      CREATE_SESSION,
      { input },
      trainer.token,
    );
    const session = created.data!.createLiveSession;
    expect(session).toMatchObject({ status: 'SCHEDULED', joinCode: expect.stringMatching(/^[2-9A-HJKMNP-Z]{6}$/) });
    expect(await status(session.id, official.token)).toBe('SCHEDULED');
    const hidden = await api.gql(SESSION, { id: session.id }, outsider.token);
    expect(hidden.errors?.[0].extensions?.code).toBe('LIVE_SESSION_NOT_FOUND');
    const started = await api.gql(START, { id: session.id }, outsider.token);
    expect(started.errors?.[0].extensions?.code).toBe('LIVE_SESSION_NOT_FOUND');
  });

  it('puts one delayed opening and closing per session on the queue, and rescheduling replaces them', async () => {
    const session = await createSession(api, trainer, places, {
      targetProvinceCodes: [],
      targetCommuneCodes: [places.communeA],
    });
    const scheduler = api.app.get(LiveScheduler);
    const opening = await scheduler.pending('open-session', session.id);
    expect(opening?.delay).toBeGreaterThan(3_500_000);

    const start = new Date(Date.now() + 7_200_000);
    await api.gql(
      RESCHEDULE,
      {
        input: {
          id: session.id,
          scheduledStart: start.toISOString(),
          scheduledEnd: new Date(start.getTime() + 3_600_000).toISOString(),
        },
      },
      trainer.token,
    );

    const moved = await scheduler.pending('open-session', session.id);
    expect(moved!.delay).toBeGreaterThan(7_100_000);
    const closing = await scheduler.pending('close-session', session.id);
    expect(closing!.delay).toBeGreaterThan(10_700_000);

    const cancelled = await api.gql<{ cancelLiveSession: { status: string } }>(
      CANCEL,
      { id: session.id },
      official.token,
    );
    expect(cancelled.data?.cancelLiveSession.status).toBe('CANCELLED');
    expect(await scheduler.pending('open-session', session.id)).toBeNull();
    const restart = await api.gql(START, { id: session.id }, trainer.token);
    expect(restart.errors?.[0].extensions?.code).toBe('LIVE_SESSION_WRONG_STATUS');
  });

  it('opens and closes a session at its times through the worker, and audits each change', async () => {
    const start = new Date(Date.now() + 1_500);
    const session = await createSession(api, trainer, places, {
      targetProvinceCodes: [],
      targetCommuneCodes: [places.communeA],
      scheduledStart: start.toISOString(),
      scheduledEnd: new Date(start.getTime() + 1_500).toISOString(),
    });
    worker = await createWorkerApp();
    worker.useLogger(worker.get(Logger));
    await worker.init();

    await eventually(
      () => status(session.id),
      (s) => s === 'LIVE',
      15_000,
    );
    await eventually(
      () => status(session.id),
      (s) => s === 'ENDED',
      15_000,
    );
    // A retried or duplicated job finds the session moved on and changes nothing.
    const service = api.app.get(LiveSessionsService);
    expect(await service.openScheduled(session.id)).toBe('ENDED');
    expect(await service.closeScheduled(session.id)).toBe('ENDED');
    const audit = await api.sql<{ details: { to: string; by: string } }>(
      `select details from audit_log where action = 'live_session.status_changed' and target_id = ? order by id`,
      [session.id],
    );
    expect(audit.map((row) => row.details)).toEqual([
      { to: 'LIVE', by: 'schedule' },
      { to: 'ENDED', by: 'schedule' },
    ]);
  });

  it('lists the sessions a caller trains or manages, page by page, and none of anybody else’s', async () => {
    const LIST = `query ($first: Int, $after: String) {
      liveSessions(first: $first, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } }
    }`;
    type List = {
      liveSessions: {
        totalCount: number;
        nodes: { id: string }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const byOfficial = await api.gql<List>(LIST, { first: 50 }, official.token);
    if (!byOfficial.data) throw new Error(JSON.stringify(byOfficial.errors));
    const ids = byOfficial.data!.liveSessions.nodes.map((n) => n.id);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const byTrainer = await api.gql<List>(LIST, { first: 50 }, trainer.token);
    expect(byTrainer.data!.liveSessions.nodes.map((n) => n.id)).toEqual(ids);
    const byOutsider = await api.gql<List>(LIST, { first: 50 }, outsider.token);
    expect(byOutsider.data!.liveSessions.nodes.map((n) => n.id).filter((id) => ids.includes(id))).toEqual([]);

    const first = await api.gql<List>(LIST, { first: 1 }, official.token);
    expect(first.data!.liveSessions).toMatchObject({ totalCount: ids.length, pageInfo: { hasNextPage: true } });
    const second = await api.gql<List>(
      LIST,
      { first: 1, after: first.data!.liveSessions.pageInfo.endCursor },
      official.token,
    );
    expect(second.data!.liveSessions.nodes.map((n) => n.id)).toEqual([ids[1]]);
  });
});
