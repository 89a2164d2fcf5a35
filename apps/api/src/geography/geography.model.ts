import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CommuneKind, ProvinceKind, VillageKind } from '@hocvuso/geography';
import { Connection } from '../graphql/connection.model';

registerEnumType(ProvinceKind, {
  name: 'ProvinceKind',
  description: 'CITY: thành phố trực thuộc trung ương; PROVINCE: tỉnh',
});
registerEnumType(CommuneKind, { name: 'CommuneKind', description: 'XA: xã; PHUONG: phường; DAC_KHU: đặc khu' });
registerEnumType(VillageKind, {
  name: 'VillageKind',
  description: 'THON: thôn; TO_DAN_PHO: tổ dân phố; AP: ấp; BAN: bản',
});

@ObjectType('Province', { description: 'Tỉnh / thành phố (34 since 1 July 2025)' })
export class ProvinceModel {
  @Field({ description: '2-digit national code' })
  code: string;

  @Field()
  name: string;

  @Field()
  fullName: string;

  @Field()
  nameEn: string;

  @Field(() => ProvinceKind)
  kind: ProvinceKind;
}

@ObjectType('Commune', { description: 'Xã / phường / đặc khu' })
export class CommuneModel {
  @Field({ description: '5-digit code, unique nationwide' })
  code: string;

  @Field()
  name: string;

  @Field()
  fullName: string;

  @Field()
  nameEn: string;

  @Field(() => CommuneKind)
  kind: CommuneKind;
}

@ObjectType('Village', { description: 'Thôn / tổ dân phố / ấp / bản, entered by the commune' })
export class VillageModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => VillageKind)
  kind: VillageKind;
}

@ObjectType('Venue', { description: 'Điểm cầu, e.g. a nhà văn hóa where a village watches classes together' })
export class VenueModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => Int, { nullable: true })
  capacity: number | null;
}

export const ProvinceConnection = Connection(ProvinceModel, 'ProvinceConnection');
export const CommuneConnection = Connection(CommuneModel, 'CommuneConnection');
export const VillageConnection = Connection(VillageModel, 'VillageConnection');
export const VenueConnection = Connection(VenueModel, 'VenueConnection');
