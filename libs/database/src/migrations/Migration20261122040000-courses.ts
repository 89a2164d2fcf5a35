import { Migration } from '@mikro-orm/migrations';

/**
 * Courses and learning: a course is a stable identity whose versions are frozen once published;
 * enrollments point at the version the learner started on, so publishing N+1 never moves them.
 */
export class Migration20261122040000Courses extends Migration {
  override up(): void {
    this.addSql(
      `create type "course_audience" as enum ('RESIDENTS', 'PUBLIC_SERVANTS', 'STUDENTS', 'BUSINESS_EMPLOYEES');`,
    );
    this.addSql(
      `create type "course_topic" as enum ('DIGITAL_IDENTITY', 'ONLINE_PUBLIC_SERVICES', 'DIGITAL_SIGNATURES', 'AI_TOOLS', 'ONLINE_SAFETY', 'DATA_AND_INFORMATION');`,
    );
    this.addSql(`create type "course_version_status" as enum ('DRAFT', 'PUBLISHED');`);
    this.addSql(`create type "learning_source" as enum ('SELF', 'ASSISTED', 'ATTENDANCE');`);

    this.addSql(`create table "course" (
      "id" uuid not null primary key,
      "slug" varchar(80) not null unique,
      "province_code" varchar(2) null references "province" ("code"),
      "created_by" uuid null,
      "created_at" timestamptz not null default now());`);

    // Questions live inside their quiz: a quiz is edited and frozen as one piece with its version.
    this.addSql(`create table "quiz" (
      "id" uuid not null primary key,
      "pass_mark" int not null check ("pass_mark" between 1 and 100),
      "max_attempts" int not null check ("max_attempts" >= 1),
      "cooldown_seconds" int not null check ("cooldown_seconds" >= 0),
      "questions" jsonb not null);`);

    this.addSql(`create table "course_version" (
      "id" uuid not null primary key,
      "course_id" uuid not null references "course" ("id"),
      "number" int not null check ("number" >= 1),
      "status" "course_version_status" not null default 'DRAFT',
      "title" varchar(200) not null, "summary" text not null,
      "audience" "course_audience" not null, "topic" "course_topic" not null,
      "estimated_minutes" int not null check ("estimated_minutes" between 1 and 6000),
      "final_quiz_id" uuid null references "quiz" ("id"),
      "search_text" text not null,
      "published_at" timestamptz null, "published_by" uuid null,
      "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(),
      unique ("course_id", "number"),
      check (("status" = 'PUBLISHED') = ("published_at" is not null)));`);
    // At most one draft per course: two editors starting "the next version" at once share it.
    this.addSql(
      `create unique index "course_version_one_draft" on "course_version" ("course_id") where "status" = 'DRAFT';`,
    );

    // Positions are unique per version only at commit, so a move can swap two lessons.
    this.addSql(`create table "lesson" (
      "id" uuid not null primary key,
      "course_version_id" uuid not null references "course_version" ("id") on delete cascade,
      "position" int not null check ("position" >= 1),
      "title" varchar(200) not null, "body_markdown" text not null,
      "video_url" varchar(2000) null, "attachments" jsonb not null default '[]',
      "quiz_id" uuid null references "quiz" ("id"),
      constraint "lesson_version_position_unique" unique ("course_version_id", "position") deferrable initially deferred);`);

    this.addSql(`create table "enrollment" (
      "id" uuid not null primary key,
      "resident_id" uuid not null references "resident" ("id"),
      "course_id" uuid not null references "course" ("id"),
      "course_version_id" uuid not null references "course_version" ("id"),
      "enrolled_at" timestamptz not null default now(), "completed_at" timestamptz null,
      "enrolled_by" uuid null,
      unique ("resident_id", "course_id"));`);
    this.addSql(`create index "enrollment_course_version_index" on "enrollment" ("course_version_id");`);

    this.addSql(`create table "lesson_progress" (
      "id" uuid not null primary key,
      "enrollment_id" uuid not null references "enrollment" ("id"),
      "lesson_id" uuid not null references "lesson" ("id"),
      "viewed_at" timestamptz null, "quiz_passed_at" timestamptz null, "completed_at" timestamptz null,
      "source" "learning_source" not null,
      "assisted_by" uuid null, "consent_id" uuid null references "consent" ("id"),
      "live_class_id" varchar(64) null, "attended_seconds" int null,
      unique ("enrollment_id", "lesson_id"));`);

    this.addSql(`create table "quiz_attempt" (
      "id" uuid not null primary key,
      "enrollment_id" uuid not null references "enrollment" ("id"),
      "quiz_id" uuid not null references "quiz" ("id"),
      "lesson_id" uuid null references "lesson" ("id"),
      "attempt_key" uuid null,
      "answers" jsonb not null,
      "score" int not null check ("score" between 0 and 100),
      "correct_count" int not null,
      "passed" boolean not null,
      "submitted_at" timestamptz not null default now(),
      "source" "learning_source" not null,
      "assisted_by" uuid null, "consent_id" uuid null references "consent" ("id"));`);
    this.addSql(
      `create index "quiz_attempt_enrollment_quiz_index" on "quiz_attempt" ("enrollment_id", "quiz_id", "submitted_at");`,
    );
    // A retried submission carries the same key and gets the stored attempt back.
    this.addSql(
      `create unique index "quiz_attempt_key_unique" on "quiz_attempt" ("enrollment_id", "attempt_key") where "attempt_key" is not null;`,
    );
  }

  override down(): void {
    this.addSql(`drop table if exists "quiz_attempt";`);
    this.addSql(`drop table if exists "lesson_progress";`);
    this.addSql(`drop table if exists "enrollment";`);
    this.addSql(`drop table if exists "lesson";`);
    this.addSql(`drop table if exists "course_version";`);
    this.addSql(`drop table if exists "quiz";`);
    this.addSql(`drop table if exists "course";`);
    this.addSql(`drop type if exists "learning_source";`);
    this.addSql(`drop type if exists "course_version_status";`);
    this.addSql(`drop type if exists "course_topic";`);
    this.addSql(`drop type if exists "course_audience";`);
  }
}
