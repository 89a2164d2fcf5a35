import { execFile } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { resolve } from 'node:path';
import { ApiHarness } from './support/api-harness';

const root = resolve(__dirname, '..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The command from source, on the Node running the tests, against the run's database; `stdin` is piped in. */
function createAdmin(args: string[], stdin: string): Promise<Run> {
  const { NODE_OPTIONS: _jestOnly, ...env } = process.env;
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      ['-r', 'tsconfig-paths/register', '-r', '@swc-node/register', 'apps/worker/src/cli/create-admin.ts', ...args],
      { cwd: root, env, timeout: 50_000 },
      (error, stdout, stderr) =>
        done({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
    child.stdin!.end(stdin);
  });
}

describe('the accounts:create-admin command', () => {
  let api: ApiHarness;
  const username = `quan_tri_${randomInt(1_000_000)}`;
  const password = 'Mật khẩu quản trị 2026';

  beforeAll(async () => {
    api = await ApiHarness.start();
  });

  afterAll(() => api.close());

  it('creates an account with ADMIN on the nation from a password on stdin, printing no password', async () => {
    const run = await createAdmin(['--username', username, '--display-name', 'Quản trị'], `${password}\n`);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(`Đã tạo tài khoản quản trị "${username}"`);
    expect(run.stdout + run.stderr).not.toContain(password);

    const grants = await api.sql<{ role: string; scope_kind: string; scope_id: string }>(
      `select g.role, g.scope_kind, g.scope_id from role_grant g join account a on a.id = g.account_id where a.username = ?`,
      [username],
    );
    expect(grants).toEqual([{ role: 'ADMIN', scope_kind: 'NATION', scope_id: 'VN' }]);

    const login = await api.gql<{ login: { account: { roles: string[] } } }>(
      `mutation ($input: LoginInput!) { login(input: $input) { account { roles } } }`,
      { input: { identifier: username, password } },
    );
    expect(login.data?.login.account.roles).toEqual(['ADMIN']);
    const audit = await api.sql<{ action: string }>(
      `select action from audit_log where target_id = (select id::text from account where username = ?) order by id`,
      [username],
    );
    expect(audit.map((line) => line.action)).toContain('account.created');
  });

  it('leaves an existing username alone and exits 0', async () => {
    const run = await createAdmin(['--username', username, '--display-name', 'Người khác'], 'another password 1\n');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('đã tồn tại');
    const [account] = await api.sql<{ display_name: string; n: string }>(
      `select display_name, (select count(*) from role_grant g where g.account_id = a.id) as n from account a where username = ?`,
      [username],
    );
    expect(account).toEqual({ display_name: 'Quản trị', n: '1' });
  });

  it('refuses a weak password with exit 1 and bad usage with exit 2, creating nothing', async () => {
    const weak = `yeu_${randomInt(1_000_000)}`;
    const run = await createAdmin(['--username', weak, '--display-name', 'Yếu'], '12345678\n');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('PASSWORD_ALL_DIGITS');
    expect(run.stderr).not.toContain('12345678');
    expect((await createAdmin(['--username', weak], 'Mật khẩu tốt 2026\n')).code).toBe(2);
    expect(await api.sql(`select 1 from account where username = ?`, [weak])).toEqual([]);
  });
});
