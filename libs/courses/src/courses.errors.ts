export enum CoursesErrorCode {
  /** also the answer for a course outside the editor's scope, or a draft asked for by a learner */
  COURSE_NOT_FOUND = 'COURSE_NOT_FOUND',
  LESSON_NOT_FOUND = 'LESSON_NOT_FOUND',
  /** also the answer for someone else's enrollment outside the caller's scope */
  ENROLLMENT_NOT_FOUND = 'ENROLLMENT_NOT_FOUND',
  DUPLICATE_COURSE_SLUG = 'DUPLICATE_COURSE_SLUG',
  /** another lesson of the same draft has this title (the same lesson again is a retry, not an error) */
  LESSON_TITLE_TAKEN = 'LESSON_TITLE_TAKEN',
  /** a published version is frozen; edits go to the next draft */
  COURSE_VERSION_PUBLISHED = 'COURSE_VERSION_PUBLISHED',
  /** publishing needs at least one lesson and a final quiz */
  COURSE_NOT_READY = 'COURSE_NOT_READY',
  NO_PUBLISHED_VERSION = 'NO_PUBLISHED_VERSION',
  INVALID_COURSE = 'INVALID_COURSE',
  INVALID_LESSON = 'INVALID_LESSON',
  INVALID_QUIZ = 'INVALID_QUIZ',
  INVALID_QUIZ_ANSWERS = 'INVALID_QUIZ_ANSWERS',
  INVALID_ATTENDANCE = 'INVALID_ATTENDANCE',
  INVALID_PAGE = 'INVALID_PAGE',
  /** the previous lesson is not done yet */
  LESSON_LOCKED = 'LESSON_LOCKED',
  /** the final quiz opens when every lesson is done */
  FINAL_QUIZ_LOCKED = 'FINAL_QUIZ_LOCKED',
  LESSON_HAS_NO_QUIZ = 'LESSON_HAS_NO_QUIZ',
  QUIZ_ALREADY_PASSED = 'QUIZ_ALREADY_PASSED',
  QUIZ_ATTEMPTS_EXHAUSTED = 'QUIZ_ATTEMPTS_EXHAUSTED',
  /** `details.retryAfterSeconds` says how long to wait */
  QUIZ_COOLDOWN = 'QUIZ_COOLDOWN',
  /** assisted learning needs the resident's open LEARNING consent */
  LEARNING_CONSENT_REQUIRED = 'LEARNING_CONSENT_REQUIRED',
  /** only a resident's account (or an assisting one, naming the resident) can enroll */
  NOT_A_LEARNER = 'NOT_A_LEARNER',
  /** the lesson belongs to another version than the one the resident is enrolled on */
  LESSON_NOT_IN_ENROLLMENT = 'LESSON_NOT_IN_ENROLLMENT',
}

export const coursesErrorMessages: Record<CoursesErrorCode, string> = {
  COURSE_NOT_FOUND: 'Không tìm thấy khóa học.',
  LESSON_NOT_FOUND: 'Không tìm thấy bài học.',
  ENROLLMENT_NOT_FOUND: 'Không tìm thấy lượt đăng ký học.',
  DUPLICATE_COURSE_SLUG: 'Đã có khóa học khác dùng mã định danh (slug) này.',
  LESSON_TITLE_TAKEN: 'Bản nháp đã có một bài học khác mang tên này.',
  COURSE_VERSION_PUBLISHED: 'Phiên bản này đã xuất bản nên không thể sửa; hãy sửa trên bản nháp mới.',
  COURSE_NOT_READY: 'Khóa học cần ít nhất một bài học và một bài kiểm tra cuối khóa trước khi xuất bản.',
  NO_PUBLISHED_VERSION: 'Khóa học chưa được xuất bản.',
  INVALID_COURSE: 'Thông tin khóa học không hợp lệ: {reason}',
  INVALID_LESSON: 'Thông tin bài học không hợp lệ: {reason}',
  INVALID_QUIZ: 'Bài kiểm tra không hợp lệ: {reason}',
  INVALID_QUIZ_ANSWERS: 'Câu trả lời không hợp lệ: {reason}',
  INVALID_ATTENDANCE: 'Thông tin tham dự lớp học không hợp lệ.',
  INVALID_PAGE: 'Tham số phân trang không hợp lệ: số mục mỗi trang từ 1 đến 200 và con trỏ phải lấy từ trang trước.',
  LESSON_LOCKED: 'Bài học này chưa mở: hãy hoàn thành bài học trước đó.',
  FINAL_QUIZ_LOCKED: 'Bài kiểm tra cuối khóa chỉ mở khi đã hoàn thành tất cả bài học.',
  LESSON_HAS_NO_QUIZ: 'Bài học này không có bài kiểm tra.',
  QUIZ_ALREADY_PASSED: 'Bạn đã đạt bài kiểm tra này.',
  QUIZ_ATTEMPTS_EXHAUSTED: 'Bạn đã dùng hết số lần làm bài kiểm tra này.',
  QUIZ_COOLDOWN: 'Vui lòng chờ {retryAfterSeconds} giây trước khi làm lại bài kiểm tra.',
  LEARNING_CONSENT_REQUIRED:
    'Người dân chưa đồng ý (hoặc đã rút lại đồng ý) cho mục đích học tập, nên không thể ghi nhận hỗ trợ học tập.',
  NOT_A_LEARNER: 'Tài khoản này không gắn với người dân nào; hãy chọn người dân cần hỗ trợ.',
  LESSON_NOT_IN_ENROLLMENT: 'Bài học không thuộc phiên bản khóa học mà người dân đang học.',
};

/**
 * A courses or learning rule was broken. `details` carries ids, field names, counts and
 * reasons written by the code: never a name, phone number or citizen id.
 */
export class CoursesError extends Error {
  constructor(
    readonly code: CoursesErrorCode,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${code}: ${coursesErrorMessages[code]}`);
    this.name = 'CoursesError';
  }
}
