import { seedCatalog } from '../../../prisma-seeds/catalog';
import { BASIC_PROGRAMME_SLUGS } from './basic-programme';

describe('the basic programme', () => {
  it('is exactly the seed catalog’s courses for residents', () => {
    const residentCourses = seedCatalog
      .filter((course) => course.audience === 'RESIDENTS')
      .map((course) => course.slug);
    expect([...BASIC_PROGRAMME_SLUGS].sort()).toEqual([...residentCourses].sort());
  });
});
