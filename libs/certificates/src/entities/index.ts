import { CertificateSchema } from './certificate.entity';

export { Certificate } from './certificate.entity';

export const certificatesEntities = [CertificateSchema];
