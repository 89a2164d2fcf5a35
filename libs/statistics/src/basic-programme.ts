/**
 * The basic programme (Decision 757/QĐ-BKHCN topics for residents): a resident who completed every
 * one of these courses is "confirmed". These are the seed catalog's RESIDENTS courses, named by
 * slug because slugs are stable across databases while ids are not; a course outside the list
 * (a province's own course, a course for public servants) never changes who is confirmed.
 * Changing the list needs a full refresh of the rollups.
 */
export const BASIC_PROGRAMME_SLUGS: readonly string[] = [
  'vneid-muc-2',
  'dich-vu-cong-truc-tuyen',
  'chu-ky-so-ca-nhan',
  'phong-chong-lua-dao',
  'bao-ve-du-lieu-ca-nhan',
];
