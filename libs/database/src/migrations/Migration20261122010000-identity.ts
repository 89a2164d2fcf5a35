import { Migration } from '@mikro-orm/migrations';

/** Accounts, role grants, refresh tokens, residents with consent, and the append-only audit log. */
export class Migration20261122010000Identity extends Migration {
  override up(): void {
    this.addSql(`create type "account_status" as enum ('ACTIVE', 'DISABLED');`);
    this.addSql(
      `create type "role" as enum ('ADMIN', 'PROVINCE_OFFICIAL', 'COMMUNE_OFFICIAL', 'YOUTH_LEADER', 'TEAM_LEADER', 'VOLUNTEER', 'TRAINER', 'VENUE_FACILITATOR', 'RESIDENT');`,
    );
    this.addSql(`create type "scope_kind" as enum ('NATION', 'PROVINCE', 'COMMUNE', 'VILLAGE', 'VENUE', 'TEAM');`);
    this.addSql(`create type "gender" as enum ('MALE', 'FEMALE', 'OTHER');`);
    this.addSql(`create type "consent_purpose" as enum ('LEARNING', 'SUPPORT_VISITS', 'CONTACT');`);
    this.addSql(`create type "consent_method" as enum ('SELF', 'ASSISTED_BY_VOLUNTEER', 'BY_GUARDIAN');`);

    this.addSql(`create table "resident" (
      "id" uuid not null primary key,
      "village_id" uuid not null references "village" ("id"),
      "full_name" varchar(255) null,
      "birth_year" int null check ("birth_year" is null or "birth_year" between 1900 and 2100),
      "gender" "gender" null,
      "phone_cipher" text null, "phone_hash" varchar(64) null,
      "citizen_id_cipher" text null, "citizen_id_hash" varchar(64) null,
      "created_by" uuid null, "erased_at" timestamptz null,
      "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(),
      check ("erased_at" is null or ("full_name" is null and "phone_cipher" is null and "citizen_id_cipher" is null)));`);
    this.addSql(`create index "resident_village_id_index" on "resident" ("village_id");`);
    // One resident per phone and per citizen id: the keyed hashes de-duplicate imports.
    this.addSql(
      `create unique index "resident_phone_hash_unique" on "resident" ("phone_hash") where "phone_hash" is not null;`,
    );
    this.addSql(
      `create unique index "resident_citizen_id_hash_unique" on "resident" ("citizen_id_hash") where "citizen_id_hash" is not null;`,
    );

    this.addSql(`create table "consent" (
      "id" uuid not null primary key,
      "resident_id" uuid not null references "resident" ("id"),
      "purpose" "consent_purpose" not null, "method" "consent_method" not null,
      "evidence" varchar(255) null,
      "recorded_at" timestamptz not null, "recorded_by" uuid null,
      "withdrawn_at" timestamptz null, "withdrawn_by" uuid null);`);
    this.addSql(`create index "consent_resident_id_index" on "consent" ("resident_id");`);

    this.addSql(`create table "account" (
      "id" uuid not null primary key,
      "username" varchar(64) null unique check ("username" = lower("username")),
      "phone_cipher" text null, "phone_hash" varchar(64) null unique,
      "display_name" varchar(255) not null, "password_hash" text not null,
      "status" "account_status" not null default 'ACTIVE',
      "resident_id" uuid null unique references "resident" ("id"),
      "last_login_at" timestamptz null,
      "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(),
      check ("username" is not null or "phone_hash" is not null));`);

    this.addSql(`create table "role_grant" (
      "id" uuid not null primary key,
      "account_id" uuid not null references "account" ("id"),
      "role" "role" not null, "scope_kind" "scope_kind" not null, "scope_id" varchar(64) not null,
      "province_code" varchar(2) null, "commune_code" varchar(5) null, "village_id" uuid null,
      "granted_by" uuid null, "created_at" timestamptz not null default now(),
      "revoked_at" timestamptz null, "revoked_by" uuid null);`);
    this.addSql(`create index "role_grant_account_id_index" on "role_grant" ("account_id");`);
    this.addSql(
      `create unique index "role_grant_active_unique" on "role_grant" ("account_id", "role", "scope_kind", "scope_id") where "revoked_at" is null;`,
    );

    this.addSql(`create table "refresh_token" (
      "id" uuid not null primary key,
      "account_id" uuid not null references "account" ("id"),
      "family_id" uuid not null, "token_hash" varchar(64) not null unique,
      "expires_at" timestamptz not null, "created_at" timestamptz not null default now(),
      "used_at" timestamptz null, "revoked_at" timestamptz null);`);
    this.addSql(`create index "refresh_token_account_id_index" on "refresh_token" ("account_id");`);
    this.addSql(`create index "refresh_token_family_id_index" on "refresh_token" ("family_id");`);

    this.addSql(`create table "audit_log" (
      "id" bigserial primary key,
      "occurred_at" timestamptz not null default now(),
      "actor_account_id" uuid null, "action" varchar(64) not null,
      "target_type" varchar(32) null, "target_id" varchar(64) null, "request_id" varchar(64) null,
      "details" jsonb not null default '{}');`);
    this.addSql(`create index "audit_log_target_index" on "audit_log" ("target_type", "target_id");`);
    this.addSql(`create index "audit_log_actor_index" on "audit_log" ("actor_account_id");`);
    // Append-only whatever role connects: a trigger refuses every change to existing lines.
    this.addSql(`create function "audit_log_is_append_only"() returns trigger language plpgsql as $$
      begin raise exception 'audit_log is append-only' using errcode = 'insufficient_privilege'; end $$;`);
    this.addSql(`create trigger "audit_log_no_update_delete" before update or delete on "audit_log"
      for each row execute function "audit_log_is_append_only"();`);
    this.addSql(`create trigger "audit_log_no_truncate" before truncate on "audit_log"
      for each statement execute function "audit_log_is_append_only"();`);
  }

  override down(): void {
    this.addSql(`drop table if exists "audit_log";`);
    this.addSql(`drop function if exists "audit_log_is_append_only"();`);
    this.addSql(`drop table if exists "refresh_token";`);
    this.addSql(`drop table if exists "role_grant";`);
    this.addSql(`drop table if exists "account";`);
    this.addSql(`drop table if exists "consent";`);
    this.addSql(`drop table if exists "resident";`);
    for (const type of ['consent_method', 'consent_purpose', 'gender', 'scope_kind', 'role', 'account_status']) {
      this.addSql(`drop type if exists "${type}";`);
    }
  }
}
