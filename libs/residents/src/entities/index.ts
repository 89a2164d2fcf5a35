import { ConsentSchema } from './consent.entity';
import { ResidentSchema } from './resident.entity';

export { Consent, ConsentMethod, ConsentPurpose } from './consent.entity';
export { Gender, Resident } from './resident.entity';

export const residentsEntities = [ConsentSchema, ResidentSchema];
