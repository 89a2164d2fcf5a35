import { randomUUID } from 'node:crypto';
import { ProvinceSchema } from '@hocvuso/geography/entities/province.entity';
import { defineEntity, p } from '@mikro-orm/core';
import { QuizSchema } from './quiz.entity';

/** Who a course is written for. */
export enum CourseAudience {
  RESIDENTS = 'RESIDENTS',
  PUBLIC_SERVANTS = 'PUBLIC_SERVANTS',
  STUDENTS = 'STUDENTS',
  BUSINESS_EMPLOYEES = 'BUSINESS_EMPLOYEES',
}

/** The movement's framework topics. */
export enum CourseTopic {
  DIGITAL_IDENTITY = 'DIGITAL_IDENTITY',
  ONLINE_PUBLIC_SERVICES = 'ONLINE_PUBLIC_SERVICES',
  DIGITAL_SIGNATURES = 'DIGITAL_SIGNATURES',
  AI_TOOLS = 'AI_TOOLS',
  ONLINE_SAFETY = 'ONLINE_SAFETY',
  DATA_AND_INFORMATION = 'DATA_AND_INFORMATION',
}

export enum CourseVersionStatus {
  DRAFT = 'DRAFT',
  /** frozen: never edited again */
  PUBLISHED = 'PUBLISHED',
}

/** The stable identity of a course; what it says lives in its versions. */
const CourseSchema = defineEntity({
  name: 'Course',
  tableName: 'course',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    slug: p.string().length(80).unique(),
    /** the publishing unit; null for a national course */
    province: () => p.manyToOne(ProvinceSchema).nullable(),
    createdBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class Course extends CourseSchema.class {}
CourseSchema.setClass(Course);

const CourseVersionSchema = defineEntity({
  name: 'CourseVersion',
  tableName: 'course_version',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    course: () => p.manyToOne(CourseSchema),
    number: p.integer(),
    status: p.enum(() => CourseVersionStatus).nativeEnumName('course_version_status'),
    title: p.string().length(200),
    summary: p.text(),
    audience: p.enum(() => CourseAudience).nativeEnumName('course_audience'),
    topic: p.enum(() => CourseTopic).nativeEnumName('course_topic'),
    estimatedMinutes: p.integer(),
    finalQuiz: () => p.manyToOne(QuizSchema).nullable(),
    /** folded title and summary for accent-insensitive search */
    searchText: p.text(),
    publishedAt: p.datetime().nullable(),
    publishedBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class CourseVersion extends CourseVersionSchema.class {}
CourseVersionSchema.setClass(CourseVersion);
export { CourseSchema, CourseVersionSchema };
