import { baoVeDuLieuCaNhan } from './bao-ve-du-lieu-ca-nhan';
import { chuKySoCaNhan } from './chu-ky-so-ca-nhan';
import { dichVuCongTrucTuyen } from './dich-vu-cong-truc-tuyen';
import { phongChongLuaDao } from './phong-chong-lua-dao';
import { troLyAiVanPhong } from './tro-ly-ai-van-phong';
import { vneidMuc2 } from './vneid-muc-2';
import type { SeedCourse } from './types';

export type { SeedAudience, SeedCourse, SeedLesson, SeedQuestion, SeedQuiz, SeedTopic } from './types';

/**
 * The seed course catalog, in the order a newcomer to the movement would take it: identity first,
 * since the public service portal and digital signatures both start from a VNeID account.
 */
export const seedCatalog: readonly SeedCourse[] = [
  vneidMuc2,
  dichVuCongTrucTuyen,
  chuKySoCaNhan,
  phongChongLuaDao,
  baoVeDuLieuCaNhan,
  troLyAiVanPhong,
];
