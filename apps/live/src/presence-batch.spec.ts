import { PresenceBatch, type PresenceMoves } from './presence-batch';

const arrival = (commune: string) =>
  new Map([
    ['persons', 1],
    [`p:${commune}`, 1],
  ]);
const departure = (commune: string) =>
  new Map([
    ['persons', -1],
    [`p:${commune}`, -1],
  ]);

describe('presence batch', () => {
  it('writes the moves of one turn together, added up by session and field', async () => {
    const writes: PresenceMoves[] = [];
    const batch = new PresenceBatch(async (moves) => void writes.push(moves));

    await Promise.all([
      batch.move('s1', arrival('11953')),
      batch.move('s1', arrival('11953')),
      batch.move('s1', departure('26734')),
      batch.move('s2', arrival('26734')),
      batch.move('s2', new Map()),
    ]);
    await batch.move('s1', departure('11953'));

    expect(writes).toEqual([
      new Map([
        [
          's1',
          new Map([
            ['persons', 1],
            ['p:11953', 2],
            ['p:26734', -1],
          ]),
        ],
        ['s2', arrival('26734')],
      ]),
      new Map([['s1', departure('11953')]]),
    ]);
  });

  it('fails every move of a turn whose write fails, and writes the next turn afresh', async () => {
    let fail = true;
    const writes: PresenceMoves[] = [];
    const batch = new PresenceBatch(async (moves) => {
      if (fail) throw new Error('Redis unreachable');
      writes.push(moves);
    });

    const first = batch.move('s1', arrival('11953'));
    const second = batch.move('s1', arrival('11953'));
    await expect(first).rejects.toThrow('Redis unreachable');
    await expect(second).rejects.toThrow('Redis unreachable');
    fail = false;
    await batch.move('s1', departure('11953'));
    expect(writes).toEqual([new Map([['s1', departure('11953')]])]);
  });
});
