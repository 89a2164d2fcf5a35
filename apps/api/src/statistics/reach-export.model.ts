import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ReachExportFormat, ReachExportStatus } from '@hocvuso/statistics';
import { Connection } from '../graphql/connection.model';
import { ReachUnitModel } from './statistics.model';

registerEnumType(ReachExportFormat, { name: 'ReachExportFormat', description: 'XLSX, or CSV (UTF-8 with BOM)' });
registerEnumType(ReachExportStatus, { name: 'ReachExportStatus', description: 'QUEUED → RUNNING → DONE | FAILED' });

@ObjectType('ReachExport', {
  description: 'A reach report of a unit over a period, built by the worker as an XLSX or CSV file',
})
export class ReachExportModel {
  @Field(() => ID)
  id: string;

  @Field(() => ReachExportStatus)
  status: ReachExportStatus;

  @Field(() => Int, { description: '0–100' })
  progress: number;

  @Field(() => ReachExportFormat)
  format: ReachExportFormat;

  @Field(() => ReachUnitModel)
  unit: ReachUnitModel;

  @Field({ description: 'YYYY-MM-DD, local day, included' })
  from: string;

  @Field({ description: 'YYYY-MM-DD, local day, included' })
  to: string;

  @Field(() => String, { nullable: true, description: 'e.g. bao-cao-01001-2026-10-01-2026-10-31.xlsx, once DONE' })
  fileName: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why a FAILED export failed: UNIT_NOT_FOUND (the requester lost access) or INTERNAL',
  })
  errorCode: string | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;

  @Field(() => Date, { description: 'When the export and its file are deleted' })
  expiresAt: Date;

  @Field(() => String, {
    nullable: true,
    description:
      'Once DONE: a signed path on the API (GET, no token needed) valid until downloadUrlExpiresAt; ask again for a fresh one',
  })
  downloadUrl: string | null;

  @Field(() => Date, { nullable: true })
  downloadUrlExpiresAt: Date | null;
}

export const ReachExportConnection = Connection(ReachExportModel, 'ReachExportConnection');
