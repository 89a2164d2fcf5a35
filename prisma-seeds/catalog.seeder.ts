import { AuditAction, AuditService } from '@hocvuso/audit';
import { loadConfig } from '@hocvuso/config';
import { insertQuiz, insertVersion } from '@hocvuso/courses/course-authoring.service';
import {
  checkCourseFields,
  checkLessonFields,
  checkQuiz,
  checkSlug,
  type QuizDefaults,
} from '@hocvuso/courses/course-rules';
import { CourseAudience, CourseTopic } from '@hocvuso/courses/entities';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { seedCatalog, type SeedCourse } from './catalog';

/** Courses the loader created and the ones whose slug already existed (left exactly as they are). */
export interface CatalogSeedSummary {
  created: number;
  unchanged: number;
}

/**
 * Checks a seed course with the same rules the editors' API applies, before anything is written:
 * a content mistake stops the seed with the slug and the rule, not half a course.
 */
function checkSeedCourse(course: SeedCourse, defaults: QuizDefaults) {
  try {
    return {
      slug: checkSlug(course.slug),
      fields: checkCourseFields({
        ...course,
        audience: CourseAudience[course.audience],
        topic: CourseTopic[course.topic],
      }),
      lessons: course.lessons.map((lesson) => ({
        fields: checkLessonFields(lesson),
        quiz: lesson.quiz ? checkQuiz(lesson.quiz, defaults) : null,
      })),
      finalQuiz: checkQuiz(course.finalQuiz, defaults),
    };
  } catch (error) {
    const details = (error as { details?: unknown }).details;
    throw new Error(`seed catalog: course "${course.slug}" is invalid: ${JSON.stringify(details ?? String(error))}`, {
      cause: error,
    });
  }
}

/**
 * Loads seed courses as national courses with version 1 published (audited, no actor).
 * Idempotent by slug: a course whose slug exists is not touched, so a re-run changes nothing and
 * an editor's later versions of a seeded course are never overwritten.
 */
export async function loadCatalog(
  em: EntityManager,
  courses: readonly SeedCourse[] = seedCatalog,
  defaults: QuizDefaults = {
    maxAttempts: loadConfig().QUIZ_MAX_ATTEMPTS,
    cooldownSeconds: loadConfig().QUIZ_RETRY_COOLDOWN_SECONDS,
  },
): Promise<CatalogSeedSummary> {
  const checked = courses.map((course) => checkSeedCourse(course, defaults));
  const audit = new AuditService();
  let created = 0;
  for (const course of checked) {
    const inserted = await em.transactional(async (tx) => {
      const [row] = await tx.execute<{ id: string }[]>(
        `insert into course (id, slug, province_code) values (gen_random_uuid(), ?, null)
         on conflict (slug) do nothing returning id`,
        [course.slug],
      );
      if (!row) return false;
      const version = await insertVersion(tx, row.id, 1, course.fields, await insertQuiz(tx, course.finalQuiz));
      for (const [index, lesson] of course.lessons.entries()) {
        const quizId = lesson.quiz ? await insertQuiz(tx, lesson.quiz) : null;
        await tx.execute(
          `insert into lesson (id, course_version_id, position, title, body_markdown, video_url, attachments, quiz_id)
           values (gen_random_uuid(), ?, ?, ?, ?, ?, ?::jsonb, ?)`,
          [
            version.id,
            index + 1,
            lesson.fields.title,
            lesson.fields.bodyMarkdown,
            lesson.fields.videoUrl,
            JSON.stringify(lesson.fields.attachments),
            quizId,
          ],
          'run',
        );
      }
      await tx.execute(
        `update course_version set status = 'PUBLISHED', published_at = now() where id = ?`,
        [version.id],
        'run',
      );
      await audit.record(tx, {
        action: AuditAction.COURSE_PUBLISHED,
        targetType: 'course',
        targetId: row.id,
        details: { courseVersionId: version.id, number: 1, provinceCode: null, seed: true },
      });
      return true;
    });
    if (inserted) created++;
  }
  return { created, unchanged: checked.length - created };
}

/** `orm.seeder.seed(CatalogSeeder)`: the seed course catalog. */
export class CatalogSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    await loadCatalog(em);
  }
}
