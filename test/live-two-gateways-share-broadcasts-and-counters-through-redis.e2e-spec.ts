import { ApiHarness } from './support/api-harness';
import { createActor, Role, scopes, type TestActor } from './support/actors';
import {
  Clients,
  createLivePlaces,
  createSession,
  GatewayHarness,
  type LivePlaces,
  nextEvent,
  START,
  ticket,
} from './support/live-harness';

describe('two live gateways share one session through Redis', () => {
  let api: ApiHarness;
  let gatewayA: GatewayHarness;
  let gatewayB: GatewayHarness;
  const clients = new Clients();
  let places: LivePlaces;
  let trainer: TestActor;
  let sessionId: string;

  beforeAll(async () => {
    api = await ApiHarness.start();
    gatewayA = await GatewayHarness.start();
    gatewayB = await GatewayHarness.start();
    places = await createLivePlaces(api, '50');
    trainer = await createActor(api, [[Role.TRAINER, scopes.province('50')]]);
    sessionId = (await createSession(api, trainer, places)).id;
    await api.gql(START, { id: sessionId }, trainer.token);
  });

  afterAll(async () => {
    clients.closeAll();
    await gatewayA?.close();
    await gatewayB?.close();
    await api?.close();
  });

  const guestOn = async (gateway: GatewayHarness, name: string, villageId: string) =>
    clients.connect(gateway.url, (await ticket(api, { sessionId, as: 'GUEST', guestName: name, villageId })).token);

  it('delivers a trainer’s broadcast on one gateway to participants on the other, in one sequence', async () => {
    const trainerClient = await clients.connect(
      gatewayA.url,
      (await ticket(api, { sessionId, as: 'TRAINER' }, trainer.token)).token,
    );
    const onA = await guestOn(gatewayA, 'Bà Ở A', places.villageA);
    const onB = await guestOn(gatewayB, 'Bà Ở B', places.villageB);
    const seq = onB.snapshot!.seq;

    const atA = nextEvent(onA, 'broadcast', (b) => b.type === 'step');
    const atB = nextEvent(onB, 'broadcast', (b) => b.type === 'step');
    await trainerClient.request('step:set', { step: 7 });

    const [[fromA], [fromB]] = await Promise.all([atA, atB]);
    expect(fromB).toEqual({ seq: seq + 1, type: 'step', data: { step: 7 } });
    expect(fromA).toEqual(fromB);
  });

  it('counts participants of both gateways in the trainer’s counters, by commune', async () => {
    const trainerClient = await clients.connect(
      gatewayB.url,
      (await ticket(api, { sessionId, as: 'TRAINER' }, trainer.token)).token,
    );
    await guestOn(gatewayA, 'Ông Đông', places.villageA);
    await guestOn(gatewayB, 'Ông Tây', places.villageB);

    const [update] = await nextEvent(
      trainerClient,
      'trainer',
      (u) =>
        u.type === 'counters' &&
        (u.data.byCommune[places.communeA]?.connected ?? 0) >= 2 &&
        (u.data.byCommune[places.communeB]?.connected ?? 0) >= 2,
    );
    if (update.type !== 'counters') throw new Error('not counters');
    expect(update.data.byCommune[places.communeA].connected + update.data.byCommune[places.communeB].connected).toBe(
      update.data.connected,
    );
    expect(update.data.connected).toBe(4);
  });

  it('takes poll answers on either gateway and tallies them together, one per participant', async () => {
    const trainerClient = await clients.connect(
      gatewayA.url,
      (await ticket(api, { sessionId, as: 'TRAINER' }, trainer.token)).token,
    );
    const onA = await guestOn(gatewayA, 'Chị Hoa', places.villageA);
    const onB = await guestOn(gatewayB, 'Chị Huệ', places.villageB);
    const opened = await trainerClient.request('poll:open', {
      kind: 'POLL',
      question: 'Đã có chữ ký số chưa?',
      options: ['Có', 'Chưa'],
    });
    const pollId = opened.ok ? opened.data.pollId : '';
    await nextEvent(onB, 'broadcast', (b) => b.type === 'poll:opened');

    const results = nextEvent(onA, 'broadcast', (b) => b.type === 'poll:results' && b.data.total === 2);
    await Promise.all([
      onA.request('poll:answer', { pollId, option: 0 }),
      onB.request('poll:answer', { pollId, option: 1 }),
    ]);
    const [broadcast] = await results;
    expect(broadcast.data).toMatchObject({ tallies: [1, 1], total: 2 });
    expect(await trainerClient.request('poll:close', { pollId })).toMatchObject({
      ok: true,
      data: { tallies: [1, 1], total: 2 },
    });
  });
});
