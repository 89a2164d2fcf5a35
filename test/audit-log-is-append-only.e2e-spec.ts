import { ApiHarness } from './support/api-harness';

describe('the audit log', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await ApiHarness.start();
  });

  afterAll(() => api.close());

  it('accepts new lines and refuses to update, delete or truncate them', async () => {
    const [line] = await api.sql<{ id: string }>(
      `insert into audit_log (action, target_type, target_id, details) values ('test.append', 'test', 't1', '{"n": 1}') returning id`,
    );
    await expect(api.sql(`update audit_log set action = 'forged' where id = ?`, [line.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(api.sql(`delete from audit_log where id = ?`, [line.id])).rejects.toThrow(/append-only/);
    await expect(api.sql(`truncate audit_log`)).rejects.toThrow(/append-only/);
    const [kept] = await api.sql<{ action: string }>(`select action from audit_log where id = ?`, [line.id]);
    expect(kept.action).toBe('test.append');
  });
});
