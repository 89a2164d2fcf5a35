import { randomInt, randomUUID } from 'node:crypto';
import { normalizePhone, PiiVault } from '@hocvuso/identity';
import { ApiHarness } from './support/api-harness';
import { createActor, Role, type TestActor } from './support/actors';
import {
  Clients,
  createLivePlaces,
  createResidentActor,
  createSession,
  eventually,
  GatewayHarness,
  JOIN,
  type LivePlaces,
  nextEvent,
  ticket,
} from './support/live-harness';

const HEADCOUNT = `mutation ($input: UpdateVenueHeadcountInput!) { updateVenueHeadcount(input: $input) { venueId headcount } }`;
const CHECK_IN = `mutation ($input: CheckInResidentInput!) { checkInResident(input: $input) { residentId alreadyCheckedIn } }`;

describe('joining a live session as a resident, a guest, a venue and a trainer', () => {
  let api: ApiHarness;
  let gateway: GatewayHarness;
  const clients = new Clients();
  let places: LivePlaces;
  let trainer: TestActor;
  let facilitator: TestActor;
  let otherFacilitator: TestActor;
  let resident: TestActor & { residentId: string };
  let session: { id: string; joinCode: string };

  beforeAll(async () => {
    api = await ApiHarness.start();
    gateway = await GatewayHarness.start();
    places = await createLivePlaces(api, '41');
    trainer = await createActor(api, [
      [Role.TRAINER, { kind: 'PROVINCE' as never, id: '41', provinceCode: '41', communeCode: null, villageId: null }],
    ]);
    const venueScope = (venueId: string, communeCode: string, villageId: string) => ({
      kind: 'VENUE' as never,
      id: venueId,
      provinceCode: '41',
      communeCode,
      villageId,
    });
    facilitator = await createActor(api, [
      [Role.VENUE_FACILITATOR, venueScope(places.venueA, places.communeA, places.villageA)],
    ]);
    otherFacilitator = await createActor(api, [
      [Role.VENUE_FACILITATOR, venueScope(places.venueB, places.communeB, places.villageB)],
    ]);
    resident = await createResidentActor(api, places.villageA, places.communeA, '41');
    session = await createSession(api, trainer, places);
  });

  afterEach(() => clients.closeAll());

  afterAll(async () => {
    clients.closeAll();
    await gateway?.close();
    await api?.close();
  });

  it('gives a resident a ticket by join code and a snapshot of the session on connecting', async () => {
    const pass = await ticket(api, { joinCode: session.joinCode.toLowerCase(), as: 'RESIDENT' }, resident.token);
    expect(pass).toMatchObject({ sessionId: session.id, participantId: resident.residentId, kind: 'RESIDENT' });
    expect(pass.gatewayUrl).toBe('http://127.0.0.1:3001');

    const client = await clients.connect(gateway.url, pass.token);

    expect(client.snapshot).toMatchObject({
      sessionId: session.id,
      status: 'SCHEDULED',
      title: 'Cài đặt và kích hoạt VNeID mức 2',
      streamUrl: 'https://stream.example.vn/live/vneid',
      step: 0,
      openPoll: null,
      you: { participantId: resident.residentId, kind: 'RESIDENT', communeCode: places.communeA },
    });
    expect(client.snapshot!.seq).toEqual(expect.any(Number));
    expect(client.snapshot!.counters.connected).toBeGreaterThanOrEqual(1);
  });

  it('lets a guest join with a name and a village and nothing else, and refuses a bad name or village', async () => {
    const pass = await ticket(api, {
      sessionId: session.id,
      as: 'GUEST',
      guestName: '  Bà  Tư ',
      villageId: places.villageB,
    });
    const client = await clients.connect(gateway.url, pass.token);
    expect(client.snapshot!.you).toEqual({
      participantId: pass.participantId,
      kind: 'GUEST',
      displayName: 'Bà Tư',
      communeCode: places.communeB,
    });

    const badName = await api.gql(JOIN, {
      input: { sessionId: session.id, as: 'GUEST', guestName: '1', villageId: places.villageB },
    });
    expect(badName.errors?.[0].extensions?.code).toBe('INVALID_GUEST_NAME');
    const badVillage = await api.gql(JOIN, {
      input: {
        sessionId: session.id,
        as: 'GUEST',
        guestName: 'Bà Tư',
        villageId: '00000000-0000-4000-8000-000000000000',
      },
    });
    expect(badVillage.errors?.[0].extensions?.code).toBe('INVALID_JOIN_REQUEST');
  });

  it('counts a venue’s headcount among the people a trainer sees, by commune', async () => {
    const trainerPass = await ticket(api, { sessionId: session.id, as: 'TRAINER' }, trainer.token);
    const trainerClient = await clients.connect(gateway.url, trainerPass.token);
    const venuePass = await ticket(
      api,
      { sessionId: session.id, as: 'VENUE', venueId: places.venueA, headcount: 40 },
      facilitator.token,
    );
    expect(venuePass.participantId).toBe(places.venueA);
    await clients.connect(gateway.url, venuePass.token);
    const guestPass = await ticket(api, {
      sessionId: session.id,
      as: 'GUEST',
      guestName: 'Anh Ba',
      villageId: places.villageA,
    });
    await clients.connect(gateway.url, guestPass.token);

    const [update] = await nextEvent(
      trainerClient,
      'trainer',
      (u) => u.type === 'counters' && u.data.byCommune[places.communeA]?.people === 41,
    );
    expect(update.type === 'counters' && update.data.byCommune[places.communeA]).toEqual({
      connected: 2,
      people: 41,
      venues: 1,
    });

    const raised = await api.gql(
      HEADCOUNT,
      { input: { sessionId: session.id, venueId: places.venueA, headcount: 55 } },
      facilitator.token,
    );
    expect(raised.data).toEqual({ updateVenueHeadcount: { venueId: places.venueA, headcount: 55 } });
    await nextEvent(
      trainerClient,
      'trainer',
      (u) => u.type === 'counters' && u.data.byCommune[places.communeA]?.people === 56,
    );
    const history = await api.sql<{ headcount: number }>(
      `select headcount from live_venue_headcount where session_id = ? and venue_id = ? order by id`,
      [session.id, places.venueA],
    );
    expect(history.map((row) => row.headcount)).toEqual([40, 55]);
  });

  it('refuses a venue the facilitator does not host, and a trainer ticket to a non-trainer', async () => {
    const notMine = await api.gql(
      JOIN,
      { input: { sessionId: session.id, as: 'VENUE', venueId: places.venueA } },
      otherFacilitator.token,
    );
    expect(notMine.errors?.[0].extensions?.code).toBe('VENUE_NOT_AVAILABLE');
    const notTrainer = await api.gql(JOIN, { input: { sessionId: session.id, as: 'TRAINER' } }, facilitator.token);
    expect(notTrainer.errors?.[0].extensions?.code).toBe('NOT_A_TRAINER');
    const noAccount = await api.gql(JOIN, { input: { sessionId: session.id, as: 'RESIDENT' } });
    expect(noAccount.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('checks a resident in at a venue by name and birth year, once, and not from another commune', async () => {
    const input = { sessionId: session.id, venueId: places.venueA, fullName: 'nguyen thi HOA', birthYear: 1960 };
    const first = await api.gql(CHECK_IN, { input }, facilitator.token);
    expect(first.data).toEqual({ checkInResident: { residentId: resident.residentId, alreadyCheckedIn: false } });
    const again = await api.gql(CHECK_IN, { input }, facilitator.token);
    expect(again.data).toEqual({ checkInResident: { residentId: resident.residentId, alreadyCheckedIn: true } });
    const elsewhere = await api.gql(CHECK_IN, { input: { ...input, venueId: places.venueB } }, otherFacilitator.token);
    expect(elsewhere.errors?.[0].extensions?.code).toBe('CHECK_IN_RESIDENT_NOT_FOUND');
    const rows = await api.sql(`select resident_id from live_check_in where session_id = ?`, [session.id]);
    expect(rows).toEqual([{ resident_id: resident.residentId }]);
  });

  it('checks a resident in by phone within the venue’s commune, and tells an ambiguous name apart', async () => {
    const phone = `09${String(randomInt(0, 1e8)).padStart(8, '0')}`;
    const residentId = randomUUID();
    const vault = api.app.get(PiiVault);
    await api.sql(
      `insert into resident (id, village_id, full_name, birth_year, phone_cipher, phone_hash) values (?, ?, 'Trần Văn Nam', 1955, ?, ?)`,
      [residentId, places.villageA, vault.encrypt(normalizePhone(phone)!), vault.hash('phone', normalizePhone(phone)!)],
    );
    await api.sql(`insert into resident (id, village_id, full_name, birth_year) values (?, ?, 'Trần Văn Nam', 1955)`, [
      randomUUID(),
      places.villageA,
    ]);
    const base = { sessionId: session.id, venueId: places.venueA };

    const byPhone = await api.gql(
      CHECK_IN,
      { input: { ...base, phone: phone.replace(/^0/, '+84 ') } },
      facilitator.token,
    );
    expect(byPhone.data).toEqual({ checkInResident: { residentId, alreadyCheckedIn: false } });
    const byName = await api.gql(
      CHECK_IN,
      { input: { ...base, fullName: 'Trần Văn Nam', birthYear: 1955 } },
      facilitator.token,
    );
    expect(byName.errors?.[0].extensions?.code).toBe('CHECK_IN_AMBIGUOUS');
    const neither = await api.gql(CHECK_IN, { input: base }, facilitator.token);
    expect(neither.errors?.[0].extensions?.code).toBe('INVALID_CHECK_IN');
    const audit = await api.sql<{ details: Record<string, unknown> }>(
      `select details from audit_log where action = 'live_session.resident_checked_in' and target_id = ? order by id`,
      [session.id],
    );
    expect(JSON.stringify(audit)).not.toContain('Nam');
    expect(JSON.stringify(audit)).not.toContain(phone.slice(2));
  });

  it('refuses tickets once the session has ended, and the gateway refuses their sockets', async () => {
    const pass = await ticket(api, {
      sessionId: session.id,
      as: 'GUEST',
      guestName: 'Chị Năm',
      villageId: places.villageA,
    });
    await api.gql(`mutation ($id: ID!) { startLiveSession(id: $id) { status } }`, { id: session.id }, trainer.token);
    await api.gql(`mutation ($id: ID!) { endLiveSession(id: $id) { status } }`, { id: session.id }, trainer.token);

    const late = await api.gql(JOIN, {
      input: { sessionId: session.id, as: 'GUEST', guestName: 'Chị Năm', villageId: places.villageA },
    });
    expect(late.errors?.[0].extensions?.code).toBe('LIVE_SESSION_CLOSED');
    const client = clients.create({ url: gateway.url, token: pass.token });
    await expect(client.connect()).rejects.toMatchObject({ code: 'SESSION_CLOSED' });
    await eventually(
      () => client.connected,
      (connected) => connected === false,
    );
  });
});
