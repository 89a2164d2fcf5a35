import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@hocvuso/config';
import { CertificateSigner } from './certificate-signer';
import { CertificatesService } from './certificates.service';

/** Certificates; AuditModule and ConfigModule are global, the EntityManager comes from DatabaseModule. */
import { CertificatesPersonalData } from './certificates-personal-data';

@Module({
  providers: [
    {
      provide: CertificateSigner,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new CertificateSigner(config.CERTIFICATE_SIGNING_KEY),
    },
    CertificatesPersonalData,
    CertificatesService,
  ],
  exports: [CertificateSigner, CertificatesService],
})
export class CertificatesModule {}
