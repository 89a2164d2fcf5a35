import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { loadConfig } from '@hocvuso/config';
import { createOrmOptions } from '@hocvuso/database';
import { MikroORM } from '@mikro-orm/postgresql';

const root = resolve(__dirname, '..');
const fixture = (name: string) => resolve(__dirname, 'fixtures/units', name);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI from source, on the Node running the tests, against the run's database. */
function cli(...args: string[]): Promise<Run> {
  const { DATABASE_URL, REDIS_KEY_PREFIX, NODE_OPTIONS: _jestOnly, ...env } = process.env;
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['-r', 'tsconfig-paths/register', '-r', '@swc-node/register', 'apps/worker/src/cli/units-import.ts', ...args],
      { cwd: root, env: { ...env, DATABASE_URL, REDIS_KEY_PREFIX }, timeout: 50_000 },
      (error, stdout, stderr) =>
        done({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

describe('the units:import command', () => {
  let orm: MikroORM;
  const sql = <R = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    orm.em.fork().execute<R[]>(text, params);
  const stored = async () => [
    ...(await sql('select code, name from province order by code')),
    ...(await sql('select code, name, kind from commune order by code')),
  ];

  beforeAll(async () => {
    orm = await MikroORM.init(createOrmOptions(loadConfig()));
    await sql('truncate province, commune, village, venue cascade');
  });

  afterAll(async () => {
    await orm.close();
  });

  it('rejects a malformed file with exit code 1, the position and the reason, no stack trace, and writes nothing', async () => {
    const run = await cli(fixture('malformed-late-province-code.json'));

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Vị trí: [1].Wards[1].ProvinceCode');
    expect(run.stderr).toContain('Lý do: là "98" nhưng xã/phường nằm trong tỉnh/thành phố mã "99"');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
    expect(await stored()).toEqual([]);
  });

  it('imports a valid file with exit code 0, printing progress and the summary', async () => {
    const run = await cli(fixture('tiny-valid.json'));

    expect(run).toMatchObject({ code: 0 });
    expect(run.stderr).toContain('tỉnh/thành phố: 2/2');
    expect(run.stderr).toContain('xã/phường/đặc khu: 3/3');
    expect(run.stdout).toContain('Tỉnh/thành phố: 2 (tạo mới 2, cập nhật 0, không đổi 0)');
    expect(run.stdout).toContain('1 thành phố, 1 tỉnh');
    expect(run.stdout).toContain('Xã/phường/đặc khu: 3 (tạo mới 3, cập nhật 0, không đổi 0)');
    expect(run.stdout).toContain('1 xã, 1 phường, 1 đặc khu');
    expect(await stored()).toEqual([
      { code: '98', name: 'Thử Nghiệm' },
      { code: '99', name: 'Mẫu' },
      { code: '98001', name: 'Bến Đò', kind: 'PHUONG' },
      { code: '98002', name: 'Đồng Xanh', kind: 'XA' },
      { code: '99001', name: 'Hòn Ngọc', kind: 'DAC_KHU' },
    ]);
  });

  it('reports everything unchanged when run again', async () => {
    const run = await cli(fixture('tiny-valid.json'));

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Tỉnh/thành phố: 2 (tạo mới 0, cập nhật 0, không đổi 2)');
    expect(run.stdout).toContain('Xã/phường/đặc khu: 3 (tạo mới 0, cập nhật 0, không đổi 3)');
  });

  it('rejects broken JSON with its line and column', async () => {
    const run = await cli(fixture('broken-json.json'));

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Vị trí: dòng 6, cột 5');
    expect(run.stderr).toContain('Lý do: JSON không hợp lệ');
  });

  it('explains its usage with exit code 2 when no file is given', async () => {
    const run = await cli();

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('npm run units:import -- <tệp');
  });
});
