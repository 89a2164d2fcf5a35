import { Migration } from '@mikro-orm/migrations';

/**
 * Live sessions, their trainers, polls with their final tallies, venue headcounts and
 * check-ins. Course and lesson ids have no foreign key: a session outlives catalog edits.
 */
export class Migration20261122060000Live extends Migration {
  override up(): void {
    this.addSql(`create type "live_session_status" as enum ('SCHEDULED', 'LIVE', 'ENDED', 'CANCELLED');`);
    this.addSql(`create type "live_poll_kind" as enum ('POLL', 'QUIZ');`);
    this.addSql(`create table "live_session" (
      "id" uuid not null primary key,
      "title" varchar(200) not null,
      "course_id" uuid null,
      "lesson_id" uuid null,
      "scheduled_start" timestamptz not null,
      "scheduled_end" timestamptz not null,
      "stream_url" varchar(2000) not null check ("stream_url" ~ '^https?://'),
      "target_province_codes" text[] not null default '{}',
      "target_commune_codes" text[] not null default '{}',
      "join_code" varchar(8) not null,
      "status" "live_session_status" not null default 'SCHEDULED',
      "started_at" timestamptz null,
      "ended_at" timestamptz null,
      "created_by" uuid null references "account" ("id"),
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      check ("scheduled_end" > "scheduled_start"),
      check (cardinality("target_province_codes") + cardinality("target_commune_codes") > 0));`);
    this.addSql(`create unique index "live_session_join_code_unique" on "live_session" ("join_code");`);
    this.addSql(`create index "live_session_scheduled_start_index" on "live_session" ("scheduled_start", "id");`);
    this.addSql(`create table "live_session_trainer" (
      "id" uuid not null primary key,
      "session_id" uuid not null references "live_session" ("id") on delete cascade,
      "account_id" uuid not null references "account" ("id"));`);
    this.addSql(
      `create unique index "live_session_trainer_unique" on "live_session_trainer" ("session_id", "account_id");`,
    );
    this.addSql(`create index "live_session_trainer_account_index" on "live_session_trainer" ("account_id");`);
    this.addSql(`create table "live_poll" (
      "id" uuid not null primary key,
      "session_id" uuid not null references "live_session" ("id") on delete cascade,
      "kind" "live_poll_kind" not null,
      "question" varchar(300) not null,
      "options" jsonb not null,
      "correct_option" int null,
      "opened_by" uuid not null,
      "opened_at" timestamptz not null,
      "closed_at" timestamptz null,
      "answer_count" int null,
      "tallies" jsonb null,
      "tallies_by_commune" jsonb null);`);
    this.addSql(`create index "live_poll_session_id_index" on "live_poll" ("session_id");`);
    this.addSql(`create table "live_venue_headcount" (
      "id" bigserial primary key,
      "session_id" uuid not null references "live_session" ("id") on delete cascade,
      "venue_id" uuid not null references "venue" ("id"),
      "commune_code" varchar(5) not null,
      "headcount" int not null check ("headcount" >= 0),
      "reported_by" uuid not null,
      "reported_at" timestamptz not null default now());`);
    this.addSql(
      `create index "live_venue_headcount_session_venue_index" on "live_venue_headcount" ("session_id", "venue_id", "id");`,
    );
    this.addSql(`create table "live_check_in" (
      "id" uuid not null primary key,
      "session_id" uuid not null references "live_session" ("id") on delete cascade,
      "venue_id" uuid not null references "venue" ("id"),
      "resident_id" uuid not null references "resident" ("id"),
      "checked_in_by" uuid not null,
      "checked_in_at" timestamptz not null default now());`);
    this.addSql(
      `create unique index "live_check_in_session_resident_unique" on "live_check_in" ("session_id", "resident_id");`,
    );
  }

  override down(): void {
    this.addSql(`drop table if exists "live_check_in";`);
    this.addSql(`drop table if exists "live_venue_headcount";`);
    this.addSql(`drop table if exists "live_poll";`);
    this.addSql(`drop table if exists "live_session_trainer";`);
    this.addSql(`drop table if exists "live_session";`);
    this.addSql(`drop type if exists "live_poll_kind";`);
    this.addSql(`drop type if exists "live_session_status";`);
  }
}
