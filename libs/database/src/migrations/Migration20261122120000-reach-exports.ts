import { Migration } from '@mikro-orm/migrations';

/**
 * Reach statistics exports: a request for a unit's report over a period, built by the worker
 * (QUEUED → RUNNING → DONE | FAILED) and kept, file included, until `expires_at`. The id may be
 * the client's own (a retried request finds its row); the unit is stored with its codes so
 * readers are checked against its scope without a join.
 */
export class Migration20261122120000ReachExports extends Migration {
  override up(): void {
    this.addSql(`create table "reach_export" (
      "id" uuid not null primary key,
      "requested_by" uuid not null references "account" ("id"),
      "unit_kind" varchar(16) not null,
      "unit_key" varchar(64) not null,
      "unit_name" varchar(255) not null,
      "province_code" varchar(2) not null,
      "commune_code" varchar(5) null,
      "period_from" date not null,
      "period_to" date not null,
      "format" varchar(8) not null check ("format" in ('XLSX', 'CSV')),
      "status" varchar(16) not null default 'QUEUED' check ("status" in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
      "progress" smallint not null default 0 check ("progress" between 0 and 100),
      "file_name" varchar(128) null,
      "file" bytea null,
      "error_code" varchar(64) null,
      "created_at" timestamptz not null default now(),
      "finished_at" timestamptz null,
      "expires_at" timestamptz not null);`);
    this.addSql(
      `create index "reach_export_requested_by_index" on "reach_export" ("requested_by", "created_at", "id");`,
    );
    this.addSql(`create index "reach_export_expires_at_index" on "reach_export" ("expires_at");`);
  }

  override down(): void {
    this.addSql(`drop table if exists "reach_export";`);
  }
}
