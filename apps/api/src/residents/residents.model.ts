import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConsentMethod, ConsentPurpose, ErasureReason, Gender } from '@hocvuso/residents';
import { Connection } from '../graphql/connection.model';

registerEnumType(Gender, { name: 'Gender', description: 'MALE: nam; FEMALE: nữ; OTHER: khác' });
registerEnumType(ConsentPurpose, {
  name: 'ConsentPurpose',
  description: 'LEARNING: học tập và cấp chứng chỉ; SUPPORT_VISITS: hỗ trợ tận nhà; CONTACT: liên hệ nhắc lịch học',
});
registerEnumType(ConsentMethod, {
  name: 'ConsentMethod',
  description:
    'SELF: tự người dân; ASSISTED_BY_VOLUNTEER: có tình nguyện viên/cán bộ hỗ trợ; BY_GUARDIAN: người giám hộ',
});
registerEnumType(ErasureReason, {
  name: 'ErasureReason',
  description:
    'RESIDENT_REQUEST, CONSENT_WITHDRAWN, DUPLICATE_RECORD, ENTERED_BY_MISTAKE (a code: no free text reaches the audit log)',
});

@ObjectType('Consent', { description: 'Proof of consent for one purpose; a withdrawal is kept, never deleted' })
export class ConsentModel {
  @Field(() => ID)
  id: string;

  @Field(() => ConsentPurpose)
  purpose: ConsentPurpose;

  @Field(() => ConsentMethod)
  method: ConsentMethod;

  @Field(() => String, { nullable: true, description: 'e.g. the number of a signed paper form' })
  evidence: string | null;

  @Field()
  recordedAt: Date;

  @Field(() => ID, { nullable: true, description: 'Account that recorded it' })
  recordedBy: string | null;

  @Field(() => Date, { nullable: true })
  withdrawnAt: Date | null;

  @Field(() => ID, { nullable: true })
  withdrawnBy: string | null;
}

@ObjectType('Resident', {
  description: 'A learner. Phone and citizen id are masked; `residentContact` reads them in clear (audited)',
})
export class ResidentModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Unicode NFC' })
  fullName: string;

  @Field(() => Int)
  birthYear: number;

  @Field(() => Gender, { nullable: true })
  gender: Gender | null;

  @Field(() => String, { nullable: true, description: '"090****123"' })
  phoneMasked: string | null;

  @Field(() => String, { nullable: true, description: '"001*******45"' })
  citizenIdMasked: string | null;

  @Field()
  createdAt: Date;

  villageId: string;
}

@ObjectType('ResidentContact', { description: 'Phone and citizen id in clear; every read is written to the audit log' })
export class ResidentContactModel {
  @Field(() => ID)
  residentId: string;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true })
  citizenId: string | null;
}

@ObjectType('PersonalDataExport', { description: 'Everything held about a person (Law 91/2025/QH15)' })
export class PersonalDataExportModel {
  @Field({
    description: 'JSON: the resident with phone and citizen id in clear, consents, audit trail, linked account',
  })
  json: string;

  @Field()
  generatedAt: Date;
}

@ObjectType('ResidentErasure')
export class ResidentErasureModel {
  @Field(() => ID)
  residentId: string;

  @Field()
  erasedAt: Date;
}

@ObjectType('ResidentsImportRowIssue', { description: 'One bad or duplicate row of an imported file' })
export class ResidentsImportRowIssueModel {
  @Field(() => Int, { description: 'Row number as the spreadsheet shows it' })
  row: number;

  @Field(() => String, { nullable: true, description: 'Header of the offending column, e.g. "Số điện thoại"' })
  column: string | null;

  @Field({
    description: 'INVALID_FULL_NAME, INVALID_PHONE, VILLAGE_NOT_FOUND, DUPLICATE_IN_FILE, DUPLICATE_EXISTING, …',
  })
  code: string;

  @Field({ description: 'Vietnamese explanation; never repeats a phone or citizen id' })
  message: string;
}

@ObjectType('ResidentsImportResult', {
  description:
    'All or nothing: with any error nothing is written. Duplicates do not block: they are skipped and listed',
})
export class ResidentsImportResultModel {
  @Field()
  ok: boolean;

  @Field(() => Int, { description: 'Non-empty data rows read' })
  rowsRead: number;

  @Field(() => Int)
  created: number;

  @Field(() => [ResidentsImportRowIssueModel])
  duplicates: ResidentsImportRowIssueModel[];

  @Field(() => [ResidentsImportRowIssueModel])
  errors: ResidentsImportRowIssueModel[];
}

export const ResidentConnection = Connection(ResidentModel, 'ResidentConnection');
