/**
 * The shape of the seed course catalog: plain data, written once here and read by the course
 * loader, the demo seeder and the tests. Text is Vietnamese with full diacritics, NFC-normalised.
 */

/** Who a course is written for. */
export type SeedAudience = 'RESIDENTS' | 'PUBLIC_SERVANTS' | 'STUDENTS' | 'BUSINESS_EMPLOYEES';

/** The movement's framework topic a course belongs to. */
export type SeedTopic =
  | 'DIGITAL_IDENTITY'
  | 'ONLINE_PUBLIC_SERVICES'
  | 'DIGITAL_SIGNATURES'
  | 'AI_TOOLS'
  | 'ONLINE_SAFETY'
  | 'DATA_AND_INFORMATION';

export interface SeedQuestion {
  prompt: string;
  choices: string[];
  /** Zero-based indices into `choices`; more than one when the prompt asks to pick all that apply. */
  correct: number[];
  /** Shown after the attempt is submitted, never before. */
  explanation?: string;
}

export interface SeedQuiz {
  /** Percentage of questions answered correctly needed to pass, 1..100. */
  passMark: number;
  questions: SeedQuestion[];
}

export interface SeedLesson {
  title: string;
  bodyMarkdown: string;
  videoUrl?: string;
  quiz?: SeedQuiz;
}

export interface SeedCourse {
  /** Stable, URL-safe identifier of the course across seed runs. */
  slug: string;
  title: string;
  summary: string;
  audience: SeedAudience;
  topic: SeedTopic;
  estimatedMinutes: number;
  lessons: SeedLesson[];
  finalQuiz: SeedQuiz;
}
