import { Migration } from '@mikro-orm/migrations';

/**
 * Live attendance: the raw join/leave events the gateways hand in (keyed by the gateway's event
 * id, so a batch written twice adds nothing) and one summary row per session and participant,
 * recomputed from the events (seconds present = union of the intervals). The reach statistics
 * read the summary; its names and types are a contract with them.
 */
export class Migration20261122080000LiveAttendance extends Migration {
  override up(): void {
    this.addSql(`create table "live_attendance_event" (
      "event_id" uuid not null primary key,
      "session_id" uuid not null references "live_session" ("id") on delete cascade,
      "participant_id" text not null,
      "kind" text not null check ("kind" in ('RESIDENT', 'GUEST', 'VENUE')),
      "action" text not null check ("action" in ('JOIN', 'LEAVE')),
      "resident_id" uuid null,
      "venue_id" uuid null,
      "village_id" uuid not null,
      "commune_code" varchar(5) not null,
      "province_code" varchar(2) not null,
      "at" timestamptz not null,
      "batch_id" uuid not null,
      "received_at" timestamptz not null default now());`);
    this.addSql(
      `create index "live_attendance_event_participant_index" on "live_attendance_event" ("session_id", "participant_id", "at");`,
    );
    this.addSql(`create table "live_attendance" (
      "session_id" uuid not null references "live_session" ("id") on delete cascade,
      "participant_id" text not null,
      "kind" text not null check ("kind" in ('RESIDENT', 'GUEST', 'VENUE')),
      "resident_id" uuid null references "resident" ("id"),
      "venue_id" uuid null references "venue" ("id"),
      "village_id" uuid not null references "village" ("id"),
      "commune_code" varchar(5) not null,
      "province_code" varchar(2) not null,
      "first_joined_at" timestamptz not null,
      "last_seen_at" timestamptz not null,
      "seconds_present" integer not null default 0,
      "headcount" integer null,
      primary key ("session_id", "participant_id"));`);
    this.addSql(
      `create index "live_attendance_commune_index" on "live_attendance" ("commune_code", "first_joined_at");`,
    );
    // Set once the session's completions were granted, so a repeated end does the work once.
    this.addSql(`create table "live_attendance_completion" (
      "session_id" uuid not null primary key references "live_session" ("id") on delete cascade,
      "completed_count" integer not null,
      "completed_at" timestamptz not null default now());`);
  }

  override down(): void {
    this.addSql(`drop table if exists "live_attendance_completion";`);
    this.addSql(`drop table if exists "live_attendance";`);
    this.addSql(`drop table if exists "live_attendance_event";`);
  }
}
