import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CertificateStatus } from '@hocvuso/certificates';
import { Connection } from '../graphql/connection.model';

registerEnumType(CertificateStatus, {
  name: 'CertificateStatus',
  description: 'VALID: còn hiệu lực; REVOKED: đã bị thu hồi; NOT_FOUND: không có chứng nhận với mã này',
});

@ObjectType('CertificateVerification', {
  description: 'What anyone holding a verification code may learn; the holder’s name is masked',
})
export class CertificateVerificationModel {
  @Field(() => CertificateStatus)
  status: CertificateStatus;

  @Field({ description: 'The code asked about, grouped: HV7K-2M9Q-XR' })
  code: string;

  @Field(() => String, {
    nullable: true,
    description: 'Family name in full, other words as an initial and "***"; "(đã xóa dữ liệu)" once erased',
  })
  maskedName: string | null;

  @Field(() => String, { nullable: true })
  courseTitle: string | null;

  @Field(() => Int, { nullable: true })
  courseVersionNumber: number | null;

  @Field(() => Date, { nullable: true })
  issuedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'e.g. "Tỉnh Hưng Yên" or "Toàn quốc"' })
  issuingUnitName: string | null;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;

  @Field(() => String, { nullable: true })
  revokedReason: string | null;
}

@ObjectType('Certificate', { description: 'A certificate of a completed course version, as its holder sees it' })
export class CertificateModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Verification code, grouped: HV7K-2M9Q-XR' })
  code: string;

  @Field(() => CertificateStatus, { description: 'VALID or REVOKED' })
  status: CertificateStatus;

  @Field(() => ID)
  residentId: string;

  @Field(() => ID)
  enrollmentId: string;

  @Field(() => ID)
  courseId: string;

  @Field(() => ID)
  courseVersionId: string;

  @Field(() => Int)
  courseVersionNumber: number;

  @Field()
  courseTitle: string;

  @Field(() => String, { nullable: true, description: 'null for a national course' })
  issuingProvinceCode: string | null;

  @Field()
  issuingUnitName: string;

  @Field()
  completedAt: Date;

  @Field()
  issuedAt: Date;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;

  @Field(() => String, { nullable: true })
  revokedReason: string | null;

  @Field({ description: 'The Ed25519-signed text of the QR code (HVS1.…), verifiable offline' })
  qrText: string;
}

export const CertificateConnection = Connection(CertificateModel, 'CertificateConnection');

@ObjectType('CertificatePdf', { description: 'A one-page printable certificate' })
export class CertificatePdfModel {
  @Field()
  fileName: string;

  @Field({ description: 'application/pdf' })
  mimeType: string;

  @Field({ description: 'The PDF, base64-encoded' })
  contentBase64: string;
}
