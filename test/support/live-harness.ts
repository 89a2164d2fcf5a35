import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { APP_CONFIG, type AppConfig, loadConfig } from '@hocvuso/config';
import { LiveClient, type LiveClientEvents, type LiveClientOptions, type Snapshot } from '@hocvuso/live-client';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../../apps/live/src/app.module';
import { LiveIoAdapter } from '../../apps/live/src/live-io.adapter';
import type { ApiHarness } from './api-harness';
import { createActor, Role, scopes, type TestActor } from './actors';

/** A real live gateway listening on a free loopback port, optionally with its own settings. */
export class GatewayHarness {
  private constructor(
    readonly app: INestApplication,
    readonly url: string,
  ) {}

  /** `port` 0 picks a free one; a restarted gateway may take its predecessor's port. */
  static async start(overrides: Partial<AppConfig> = {}, port = 0): Promise<GatewayHarness> {
    const config = { ...loadConfig(), ...overrides };
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
      .overrideProvider(APP_CONFIG)
      .useValue(config)
      .compile();
    const app = moduleRef.createNestApplication({ bufferLogs: true });
    app.useLogger(app.get(Logger));
    app.useWebSocketAdapter(new LiveIoAdapter(app, config));
    app.enableShutdownHooks();
    await app.listen(port, '127.0.0.1');
    const address = app.getHttpServer().address() as AddressInfo;
    return new GatewayHarness(app, `http://127.0.0.1:${address.port}`);
  }

  async close(): Promise<void> {
    await this.app.close();
  }
}

/** Every client a test opened, closed in afterAll/afterEach. */
export class Clients {
  private readonly open: LiveClient[] = [];

  create(options: LiveClientOptions): LiveClient {
    const client = new LiveClient({ backoff: { baseDelayMs: 50, maxDelayMs: 500 }, ...options });
    this.open.push(client);
    return client;
  }

  async connect(url: string, token: string, options: Partial<LiveClientOptions> = {}): Promise<LiveClient> {
    const client = this.create({ url, token, ...options });
    await client.connect();
    return client;
  }

  closeAll(): void {
    for (const client of this.open.splice(0)) client.close();
  }
}

/** Resolves with the first event of a kind that matches; fails after `timeoutMs` (a wait, not a timing claim). */
export function nextEvent<K extends keyof LiveClientEvents>(
  client: LiveClient,
  event: K,
  matches: (...args: Parameters<LiveClientEvents[K]>) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<Parameters<LiveClientEvents[K]>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no ${event} event within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = client.on(event, ((...args: Parameters<LiveClientEvents[K]>) => {
      if (!matches(...args)) return;
      clearTimeout(timer);
      off();
      resolve(args);
    }) as LiveClientEvents[K]);
  });
}

/** Polls `read` until `done` holds (or fails after `timeoutMs`). */
export async function eventually<T>(
  read: () => Promise<T> | T,
  done: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms; last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface LivePlaces {
  provinceCode: string;
  communeA: string;
  communeB: string;
  villageA: string;
  villageB: string;
  venueA: string;
  venueB: string;
}

/**
 * A province with two communes, a village and a venue in each, under codes of this spec's own
 * (`provinceCode` two digits, used by no other spec).
 */
export async function createLivePlaces(api: ApiHarness, provinceCode: string): Promise<LivePlaces> {
  const communeA = `${provinceCode}101`;
  const communeB = `${provinceCode}102`;
  await api.sql(
    `insert into province (code, name, full_name, name_en, kind, search_text)
     values (?, 'Thử Nghiệm', 'Tỉnh Thử Nghiệm', 'Test', 'PROVINCE', 'thu nghiem') on conflict (code) do nothing`,
    [provinceCode],
  );
  await api.sql(
    `insert into commune (code, province_code, name, full_name, name_en, kind, search_text) values
       (?, ?, 'Xã Đông', 'Xã Đông', 'Dong', 'XA', 'xa dong'), (?, ?, 'Xã Tây', 'Xã Tây', 'Tay', 'XA', 'xa tay')
     on conflict (code) do nothing`,
    [communeA, provinceCode, communeB, provinceCode],
  );
  const tag = randomUUID().slice(0, 8);
  const villageA = await insertVillage(api, communeA, `Thôn Một ${tag}`);
  const villageB = await insertVillage(api, communeB, `Thôn Hai ${tag}`);
  const venueA = await insertVenue(api, villageA, `Nhà văn hóa Một ${tag}`);
  const venueB = await insertVenue(api, villageB, `Nhà văn hóa Hai ${tag}`);
  return { provinceCode, communeA, communeB, villageA, villageB, venueA, venueB };
}

async function insertVillage(api: ApiHarness, communeCode: string, name: string): Promise<string> {
  const id = randomUUID();
  await api.sql(`insert into village (id, commune_code, name, kind, search_text) values (?, ?, ?, 'THON', ?)`, [
    id,
    communeCode,
    name,
    `${name} ${id}`.toLowerCase(),
  ]);
  return id;
}

async function insertVenue(api: ApiHarness, villageId: string, name: string): Promise<string> {
  const id = randomUUID();
  await api.sql(`insert into venue (id, village_id, name, capacity, search_text) values (?, ?, ?, 200, ?)`, [
    id,
    villageId,
    name,
    `${name} ${id}`.toLowerCase(),
  ]);
  return id;
}

/** A resident row (with an account linked to it) in a village. */
export async function createResidentActor(
  api: ApiHarness,
  villageId: string,
  communeCode: string,
  provinceCode: string,
): Promise<TestActor & { residentId: string }> {
  const residentId = randomUUID();
  await api.sql(`insert into resident (id, village_id, full_name, birth_year) values (?, ?, 'Nguyễn Thị Hoa', 1960)`, [
    residentId,
    villageId,
  ]);
  const actor = await createActor(api, [[Role.RESIDENT, scopes.village(villageId, communeCode, provinceCode)]], {
    residentId,
  });
  return { ...actor, residentId };
}

export const CREATE_SESSION = `mutation ($input: CreateLiveSessionInput!) {
  createLiveSession(input: $input) { id status joinCode title streamUrl scheduledStart scheduledEnd trainerAccountIds targetCommuneCodes targetProvinceCodes }
}`;
export const JOIN = `mutation ($input: JoinLiveSessionInput!) {
  joinLiveSession(input: $input) { sessionId participantId kind token expiresAt gatewayUrl }
}`;
export const START = `mutation ($id: ID!) { startLiveSession(id: $id) { id status startedAt } }`;
export const END = `mutation ($id: ID!) { endLiveSession(id: $id) { id status endedAt } }`;

export interface Ticket {
  sessionId: string;
  participantId: string;
  kind: string;
  token: string;
  gatewayUrl: string;
}

/** A session in the places' province, starting in an hour unless told otherwise, taught by `trainer`. */
export async function createSession(
  api: ApiHarness,
  trainer: TestActor,
  places: LivePlaces,
  input: Record<string, unknown> = {},
): Promise<{ id: string; joinCode: string; status: string }> {
  const start = new Date(Date.now() + 3_600_000);
  const result = await api.gql<{ createLiveSession: { id: string; joinCode: string; status: string } }>(
    CREATE_SESSION,
    {
      input: {
        title: 'Cài đặt và kích hoạt VNeID mức 2',
        scheduledStart: start.toISOString(),
        scheduledEnd: new Date(start.getTime() + 5_400_000).toISOString(),
        streamUrl: 'https://stream.example.vn/live/vneid',
        targetProvinceCodes: [places.provinceCode],
        ...input,
      },
    },
    trainer.token,
  );
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.createLiveSession;
}

export async function ticket(api: ApiHarness, input: Record<string, unknown>, token?: string): Promise<Ticket> {
  const result = await api.gql<{ joinLiveSession: Ticket }>(JOIN, { input }, token);
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.joinLiveSession;
}

export type { Snapshot };
