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

describe('live questions go to trainers for moderation; approved ones are broadcast; upvotes count once', () => {
  let api: ApiHarness;
  let gateway: GatewayHarness;
  const clients = new Clients();
  let places: LivePlaces;
  let trainer: TestActor;
  let sessionId: string;

  beforeAll(async () => {
    api = await ApiHarness.start();
    gateway = await GatewayHarness.start();
    places = await createLivePlaces(api, '47');
    trainer = await createActor(api, [[Role.TRAINER, scopes.province('47')]]);
    sessionId = (await createSession(api, trainer, places)).id;
    await api.gql(START, { id: sessionId }, trainer.token);
  });

  afterAll(async () => {
    clients.closeAll();
    await gateway?.close();
    await api?.close();
  });

  const guest = async (name: string) =>
    clients.connect(
      gateway.url,
      (await ticket(api, { sessionId, as: 'GUEST', guestName: name, villageId: places.villageA })).token,
    );

  it('moderates a question from asking to approval, upvotes and hiding', async () => {
    const trainerClient = await clients.connect(
      gateway.url,
      (await ticket(api, { sessionId, as: 'TRAINER' }, trainer.token)).token,
    );
    const asker = await guest('Cụ Tư');
    const others = await Promise.all([guest('Cô Hạnh'), guest('Chú Bình')]);

    const pending = nextEvent(trainerClient, 'trainer', (u) => u.type === 'question:new');
    const seenByAudience: string[] = [];
    others[0].on('broadcast', (b) => seenByAudience.push(b.type));
    const asked = await asker.request('question:ask', { text: '  Quên mật khẩu VNeID thì   làm thế nào? ' });
    expect(asked.ok).toBe(true);
    const questionId = asked.ok ? asked.data.questionId : '';
    const [update] = await pending;
    expect(update).toMatchObject({
      type: 'question:new',
      data: {
        id: questionId,
        text: 'Quên mật khẩu VNeID thì làm thế nào?',
        askedBy: 'Cụ Tư',
        communeCode: places.communeA,
      },
    });

    const tooSoon = await asker.request('question:ask', { text: 'Câu hỏi thứ hai' });
    expect(tooSoon).toMatchObject({ ok: false, code: 'QUESTION_TOO_SOON' });
    const notYet = await others[0].request('question:upvote', { questionId });
    expect(notYet).toMatchObject({ ok: false, code: 'QUESTION_NOT_FOUND' });
    expect(seenByAudience).not.toContain('question:approved');

    const approved = nextEvent(others[1], 'broadcast', (b) => b.type === 'question:approved');
    expect(await trainerClient.request('question:approve', { questionId })).toEqual({ ok: true, data: {} });
    const [broadcast, snapshot] = await approved;
    expect(broadcast.data).toMatchObject({ id: questionId, upvotes: 0 });
    expect(snapshot.questions.map((q) => q.id)).toEqual([questionId]);

    const votes = await Promise.all([
      others[0].request('question:upvote', { questionId }),
      others[0].request('question:upvote', { questionId }),
      others[1].request('question:upvote', { questionId }),
    ]);
    expect(votes.map((v) => v.ok && v.data.counted)).toEqual([true, false, true]);
    const [, withVotes] = await nextEvent(
      asker,
      'broadcast',
      (b) => b.type === 'question:upvotes' && b.data.upvotes[questionId] === 2,
    );
    expect(withVotes.questions.find((q) => q.id === questionId)?.upvotes).toBe(2);

    const hidden = nextEvent(asker, 'broadcast', (b) => b.type === 'question:hidden');
    await trainerClient.request('question:hide', { questionId });
    const [, afterHide] = await hidden;
    expect(afterHide.questions).toEqual([]);
    const fresh = await guest('Anh Mới');
    expect(fresh.snapshot!.questions).toEqual([]);
  });
});
