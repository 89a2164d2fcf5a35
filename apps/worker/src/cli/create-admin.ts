import 'reflect-metadata';
import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { AuditModule } from '@hocvuso/audit';
import { ConfigModule } from '@hocvuso/config';
import { DatabaseModule } from '@hocvuso/database';
import {
  AccountsService,
  IdentityError,
  identityErrorMessages,
  IdentityModule,
  renderMessage,
} from '@hocvuso/identity';
import { RedisModule } from '@hocvuso/redis';

/**
 * `npm run accounts:create-admin -- --username admin --display-name "Quản trị"`, the password on
 * stdin (one line, e.g. `printf '%s\n' "$PASSWORD" | npm run ...`): creates an account holding
 * ADMIN on the nation. An existing username is left alone (exit 0). Exit 1 on a refused password
 * or name, 2 on bad usage. The password is never printed.
 */
@Module({ imports: [AuditModule, ConfigModule, DatabaseModule, IdentityModule, RedisModule] })
class CreateAdminModule {}

const USAGE =
  'Cách dùng: npm run accounts:create-admin -- --username <tên đăng nhập> --display-name "<tên hiển thị>"  (mật khẩu đọc từ stdin, một dòng)\n';

async function readLine(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Mật khẩu: ');
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0];
}

async function main(argv: string[]): Promise<number> {
  let values: { username?: string; 'display-name'?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { username: { type: 'string' }, 'display-name': { type: 'string' } },
      strict: true,
    }));
  } catch {
    process.stderr.write(USAGE);
    return 2;
  }
  const username = values.username;
  const displayName = values['display-name'];
  if (!username || !displayName) {
    process.stderr.write(USAGE);
    return 2;
  }
  const password = await readLine();
  Logger.overrideLogger(['error', 'warn']);
  const app = await NestFactory.createApplicationContext(CreateAdminModule, { logger: ['error', 'warn'] });
  try {
    const result = await app.get(AccountsService).createAdmin({ username, displayName, password });
    process.stdout.write(
      result.created
        ? `Đã tạo tài khoản quản trị "${username}" (id ${result.accountId}) với vai trò ADMIN trên toàn quốc.\n`
        : `Tài khoản "${username}" đã tồn tại (id ${result.accountId}); không thay đổi gì.\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof IdentityError) {
      process.stderr.write(
        `Không tạo được tài khoản: ${renderMessage(identityErrorMessages[error.code], error.details)} (${error.code})\n`,
      );
      return 1;
    }
    throw error;
  } finally {
    await app.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`accounts:create-admin thất bại: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
