import { CommuneKind, ProvinceKind, VillageKind } from '@hocvuso/geography';

/**
 * The demo data of `npm start` and `npm run db:seed`, and the one source the tests read their
 * expectations from. Province and commune codes and names are facts from the official list
 * (../shared/data/vn-units, Decision 19/2025/QĐ-TTg); villages and venues have no national
 * registry and are made up, in the shape commune officials enter them.
 */

export interface DemoProvince {
  code: string;
  name: string;
  fullName: string;
  nameEn: string;
  kind: ProvinceKind;
}

export interface DemoCommune {
  code: string;
  provinceCode: string;
  name: string;
  fullName: string;
  nameEn: string;
  kind: CommuneKind;
}

export interface DemoVenue {
  name: string;
  capacity: number | null;
}

export interface DemoVillage {
  communeCode: string;
  name: string;
  kind: VillageKind;
  venues: DemoVenue[];
}

/** The 34 provinces and centrally run cities since 1 July 2025. */
export const DEMO_PROVINCES: readonly DemoProvince[] = [
  { code: '01', name: 'Hà Nội', fullName: 'Thành phố Hà Nội', nameEn: 'Hanoi', kind: ProvinceKind.CITY },
  { code: '04', name: 'Cao Bằng', fullName: 'Tỉnh Cao Bằng', nameEn: 'Cao Bang', kind: ProvinceKind.PROVINCE },
  { code: '08', name: 'Tuyên Quang', fullName: 'Tỉnh Tuyên Quang', nameEn: 'Tuyen Quang', kind: ProvinceKind.PROVINCE },
  { code: '11', name: 'Điện Biên', fullName: 'Tỉnh Điện Biên', nameEn: 'Dien Bien', kind: ProvinceKind.PROVINCE },
  { code: '12', name: 'Lai Châu', fullName: 'Tỉnh Lai Châu', nameEn: 'Lai Chau', kind: ProvinceKind.PROVINCE },
  { code: '14', name: 'Sơn La', fullName: 'Tỉnh Sơn La', nameEn: 'Son La', kind: ProvinceKind.PROVINCE },
  { code: '15', name: 'Lào Cai', fullName: 'Tỉnh Lào Cai', nameEn: 'Lao Cai', kind: ProvinceKind.PROVINCE },
  { code: '19', name: 'Thái Nguyên', fullName: 'Tỉnh Thái Nguyên', nameEn: 'Thai Nguyen', kind: ProvinceKind.PROVINCE },
  { code: '20', name: 'Lạng Sơn', fullName: 'Tỉnh Lạng Sơn', nameEn: 'Lang Son', kind: ProvinceKind.PROVINCE },
  { code: '22', name: 'Quảng Ninh', fullName: 'Tỉnh Quảng Ninh', nameEn: 'Quang Ninh', kind: ProvinceKind.PROVINCE },
  { code: '24', name: 'Bắc Ninh', fullName: 'Tỉnh Bắc Ninh', nameEn: 'Bac Ninh', kind: ProvinceKind.PROVINCE },
  { code: '25', name: 'Phú Thọ', fullName: 'Tỉnh Phú Thọ', nameEn: 'Phu Tho', kind: ProvinceKind.PROVINCE },
  { code: '31', name: 'Hải Phòng', fullName: 'Thành phố Hải Phòng', nameEn: 'Haiphong', kind: ProvinceKind.CITY },
  { code: '33', name: 'Hưng Yên', fullName: 'Tỉnh Hưng Yên', nameEn: 'Hung Yen', kind: ProvinceKind.PROVINCE },
  { code: '37', name: 'Ninh Bình', fullName: 'Tỉnh Ninh Bình', nameEn: 'Ninh Binh', kind: ProvinceKind.PROVINCE },
  { code: '38', name: 'Thanh Hoá', fullName: 'Tỉnh Thanh Hoá', nameEn: 'Thanh Hoa', kind: ProvinceKind.PROVINCE },
  { code: '40', name: 'Nghệ An', fullName: 'Tỉnh Nghệ An', nameEn: 'Nghe An', kind: ProvinceKind.PROVINCE },
  { code: '42', name: 'Hà Tĩnh', fullName: 'Tỉnh Hà Tĩnh', nameEn: 'Ha Tinh', kind: ProvinceKind.PROVINCE },
  { code: '44', name: 'Quảng Trị', fullName: 'Tỉnh Quảng Trị', nameEn: 'Quang Tri', kind: ProvinceKind.PROVINCE },
  { code: '46', name: 'Huế', fullName: 'Thành phố Huế', nameEn: 'Hue', kind: ProvinceKind.CITY },
  { code: '48', name: 'Đà Nẵng', fullName: 'Thành phố Đà Nẵng', nameEn: 'Da Nang', kind: ProvinceKind.CITY },
  { code: '51', name: 'Quảng Ngãi', fullName: 'Tỉnh Quảng Ngãi', nameEn: 'Quang Ngai', kind: ProvinceKind.PROVINCE },
  { code: '52', name: 'Gia Lai', fullName: 'Tỉnh Gia Lai', nameEn: 'Gia Lai', kind: ProvinceKind.PROVINCE },
  { code: '56', name: 'Khánh Hoà', fullName: 'Tỉnh Khánh Hoà', nameEn: 'Khanh Hoa', kind: ProvinceKind.PROVINCE },
  { code: '66', name: 'Đắk Lắk', fullName: 'Tỉnh Đắk Lắk', nameEn: 'Dak Lak', kind: ProvinceKind.PROVINCE },
  { code: '68', name: 'Lâm Đồng', fullName: 'Tỉnh Lâm Đồng', nameEn: 'Lam Dong', kind: ProvinceKind.PROVINCE },
  { code: '75', name: 'Đồng Nai', fullName: 'Thành phố Đồng Nai', nameEn: 'Dong Nai', kind: ProvinceKind.CITY },
  {
    code: '79',
    name: 'Hồ Chí Minh',
    fullName: 'Thành phố Hồ Chí Minh',
    nameEn: 'Ho Chi Minh',
    kind: ProvinceKind.CITY,
  },
  { code: '80', name: 'Tây Ninh', fullName: 'Tỉnh Tây Ninh', nameEn: 'Tay Ninh', kind: ProvinceKind.PROVINCE },
  { code: '82', name: 'Đồng Tháp', fullName: 'Tỉnh Đồng Tháp', nameEn: 'Dong Thap', kind: ProvinceKind.PROVINCE },
  { code: '86', name: 'Vĩnh Long', fullName: 'Tỉnh Vĩnh Long', nameEn: 'Vinh Long', kind: ProvinceKind.PROVINCE },
  { code: '91', name: 'An Giang', fullName: 'Tỉnh An Giang', nameEn: 'An Giang', kind: ProvinceKind.PROVINCE },
  { code: '92', name: 'Cần Thơ', fullName: 'Thành phố Cần Thơ', nameEn: 'Can Tho', kind: ProvinceKind.CITY },
  { code: '96', name: 'Cà Mau', fullName: 'Tỉnh Cà Mau', nameEn: 'Ca Mau', kind: ProvinceKind.PROVINCE },
];

/** A handful of real communes in Hà Nội (01), Hưng Yên (33) and Lâm Đồng (68). */
export const DEMO_COMMUNES: readonly DemoCommune[] = [
  {
    code: '00004',
    provinceCode: '01',
    name: 'Ba Đình',
    fullName: 'Phường Ba Đình',
    nameEn: 'Ba Dinh',
    kind: CommuneKind.PHUONG,
  },
  {
    code: '00070',
    provinceCode: '01',
    name: 'Hoàn Kiếm',
    fullName: 'Phường Hoàn Kiếm',
    nameEn: 'Hoan Kiem',
    kind: CommuneKind.PHUONG,
  },
  {
    code: '09574',
    provinceCode: '01',
    name: 'Sơn Tây',
    fullName: 'Phường Sơn Tây',
    nameEn: 'Son Tay',
    kind: CommuneKind.PHUONG,
  },
  {
    code: '00376',
    provinceCode: '01',
    name: 'Sóc Sơn',
    fullName: 'Xã Sóc Sơn',
    nameEn: 'Soc Son',
    kind: CommuneKind.XA,
  },
  {
    code: '00565',
    provinceCode: '01',
    name: 'Gia Lâm',
    fullName: 'Xã Gia Lâm',
    nameEn: 'Gia Lam',
    kind: CommuneKind.XA,
  },
  {
    code: '00577',
    provinceCode: '01',
    name: 'Bát Tràng',
    fullName: 'Xã Bát Tràng',
    nameEn: 'Bat Trang',
    kind: CommuneKind.XA,
  },
  { code: '09700', provinceCode: '01', name: 'Ba Vì', fullName: 'Xã Ba Vì', nameEn: 'Ba Vi', kind: CommuneKind.XA },
  {
    code: '11953',
    provinceCode: '33',
    name: 'Phố Hiến',
    fullName: 'Phường Phố Hiến',
    nameEn: 'Pho Hien',
    kind: CommuneKind.PHUONG,
  },
  {
    code: '13225',
    provinceCode: '33',
    name: 'Thái Bình',
    fullName: 'Phường Thái Bình',
    nameEn: 'Thai Binh',
    kind: CommuneKind.PHUONG,
  },
  {
    code: '12019',
    provinceCode: '33',
    name: 'Văn Giang',
    fullName: 'Xã Văn Giang',
    nameEn: 'Van Giang',
    kind: CommuneKind.XA,
  },
  { code: '12073', provinceCode: '33', name: 'Yên Mỹ', fullName: 'Xã Yên Mỹ', nameEn: 'Yen My', kind: CommuneKind.XA },
  { code: '12142', provinceCode: '33', name: 'Ân Thi', fullName: 'Xã Ân Thi', nameEn: 'An Thi', kind: CommuneKind.XA },
  {
    code: '12205',
    provinceCode: '33',
    name: 'Khoái Châu',
    fullName: 'Xã Khoái Châu',
    nameEn: 'Khoai Chau',
    kind: CommuneKind.XA,
  },
  {
    code: '13075',
    provinceCode: '33',
    name: 'Kiến Xương',
    fullName: 'Xã Kiến Xương',
    nameEn: 'Kien Xuong',
    kind: CommuneKind.XA,
  },
  {
    code: '24781',
    provinceCode: '68',
    name: 'Xuân Hương - Đà Lạt',
    fullName: 'Phường Xuân Hương - Đà Lạt',
    nameEn: 'Xuan Huong - Da Lat',
    kind: CommuneKind.PHUONG,
  },
  {
    code: '24778',
    provinceCode: '68',
    name: 'Lâm Viên - Đà Lạt',
    fullName: 'Phường Lâm Viên - Đà Lạt',
    nameEn: 'Lam Vien - Da Lat',
    kind: CommuneKind.PHUONG,
  },
  {
    code: '24823',
    provinceCode: '68',
    name: '1 Bảo Lộc',
    fullName: 'Phường 1 Bảo Lộc',
    nameEn: '1 Bao Loc',
    kind: CommuneKind.PHUONG,
  },
  {
    code: '24848',
    provinceCode: '68',
    name: 'Lạc Dương',
    fullName: 'Xã Lạc Dương',
    nameEn: 'Lac Duong',
    kind: CommuneKind.XA,
  },
  {
    code: '24958',
    provinceCode: '68',
    name: 'Đức Trọng',
    fullName: 'Xã Đức Trọng',
    nameEn: 'Duc Trong',
    kind: CommuneKind.XA,
  },
  {
    code: '25000',
    provinceCode: '68',
    name: 'Di Linh',
    fullName: 'Xã Di Linh',
    nameEn: 'Di Linh',
    kind: CommuneKind.XA,
  },
  {
    code: '23272',
    provinceCode: '68',
    name: 'Phú Quý',
    fullName: 'Đặc khu Phú Quý',
    nameEn: 'Phu Quy',
    kind: CommuneKind.DAC_KHU,
  },
];

const thon = (communeCode: string, name: string, venues: DemoVenue[]): DemoVillage => ({
  communeCode,
  name,
  kind: VillageKind.THON,
  venues,
});
const toDanPho = (communeCode: string, name: string, venues: DemoVenue[]): DemoVillage => ({
  communeCode,
  name,
  kind: VillageKind.TO_DAN_PHO,
  venues,
});

/** Villages (thôn, tổ dân phố) of the demo communes, each with the venues classes are watched in. */
export const DEMO_VILLAGES: readonly DemoVillage[] = [
  // Hà Nội
  toDanPho('00004', 'Tổ dân phố số 5', [{ name: 'Nhà sinh hoạt cộng đồng tổ dân phố số 5', capacity: 60 }]),
  toDanPho('00004', 'Tổ dân phố số 12', [{ name: 'Nhà văn hóa tổ dân phố số 12', capacity: 80 }]),
  toDanPho('00070', 'Tổ dân phố Hàng Bạc', [{ name: 'Nhà văn hóa tổ dân phố Hàng Bạc', capacity: 50 }]),
  toDanPho('09574', 'Tổ dân phố Phú Nhi', [{ name: 'Nhà văn hóa tổ dân phố Phú Nhi', capacity: 120 }]),
  thon('00376', 'Thôn Thanh Nhàn', [{ name: 'Nhà văn hóa thôn Thanh Nhàn', capacity: 150 }]),
  thon('00376', 'Thôn Đông Đoài', [{ name: 'Nhà văn hóa thôn Đông Đoài', capacity: 100 }]),
  thon('00565', 'Thôn Kim Quy', [{ name: 'Nhà văn hóa thôn Kim Quy', capacity: 130 }]),
  thon('00577', 'Thôn Giang Cao', [
    { name: 'Nhà văn hóa thôn Giang Cao', capacity: 200 },
    { name: 'Điểm cầu Trường THCS Bát Tràng', capacity: 300 },
  ]),
  thon('00577', 'Thôn Bát Tràng', [{ name: 'Nhà văn hóa thôn Bát Tràng', capacity: 180 }]),
  thon('09700', 'Thôn Yên Sơn', [{ name: 'Nhà văn hóa thôn Yên Sơn', capacity: 90 }]),
  thon('09700', 'Thôn Hợp Nhất', [{ name: 'Nhà văn hóa thôn Hợp Nhất', capacity: null }]),
  // Hưng Yên
  toDanPho('11953', 'Tổ dân phố Mậu Dương', [{ name: 'Nhà văn hóa tổ dân phố Mậu Dương', capacity: 120 }]),
  toDanPho('11953', 'Tổ dân phố Nam Hòa', [{ name: 'Nhà văn hóa tổ dân phố Nam Hòa', capacity: 90 }]),
  toDanPho('13225', 'Tổ dân phố số 3', [{ name: 'Nhà văn hóa tổ dân phố số 3', capacity: 70 }]),
  thon('12019', 'Thôn Xuân Quan', [{ name: 'Nhà văn hóa thôn Xuân Quan', capacity: 250 }]),
  thon('12019', 'Thôn Cửu Cao', [{ name: 'Nhà văn hóa thôn Cửu Cao', capacity: 160 }]),
  thon('12073', 'Thôn Thứ Nhì', [{ name: 'Nhà văn hóa thôn Thứ Nhì', capacity: 140 }]),
  thon('12073', 'Thôn Liêu Xá', [{ name: 'Nhà văn hóa thôn Liêu Xá', capacity: 200 }]),
  thon('12142', 'Thôn Thổ Hoàng', [{ name: 'Nhà văn hóa thôn Thổ Hoàng', capacity: 110 }]),
  thon('12205', 'Thôn Đông Kết', [
    { name: 'Nhà văn hóa thôn Đông Kết', capacity: 220 },
    { name: 'Điểm cầu Trường Tiểu học Đông Kết', capacity: 350 },
  ]),
  thon('12205', 'Thôn Tứ Dân', [{ name: 'Nhà văn hóa thôn Tứ Dân', capacity: 180 }]),
  thon('13075', 'Thôn Nam Cao', [{ name: 'Nhà văn hóa thôn Nam Cao', capacity: 150 }]),
  // Lâm Đồng
  toDanPho('24781', 'Tổ dân phố Hà Đông', [{ name: 'Nhà sinh hoạt cộng đồng tổ dân phố Hà Đông', capacity: 60 }]),
  toDanPho('24778', 'Tổ dân phố Bạch Đằng', [{ name: 'Nhà văn hóa tổ dân phố Bạch Đằng', capacity: 80 }]),
  toDanPho('24823', 'Tổ dân phố 4', [{ name: 'Nhà văn hóa tổ dân phố 4', capacity: 70 }]),
  thon('24848', 'Thôn Đạ Sar', [{ name: 'Nhà văn hóa thôn Đạ Sar', capacity: 120 }]),
  thon('24848', "Thôn Đưng K'Si", [{ name: "Nhà văn hóa thôn Đưng K'Si", capacity: 100 }]),
  thon('24958', 'Thôn Phú Thuận', [{ name: 'Nhà văn hóa thôn Phú Thuận', capacity: 150 }]),
  thon('25000', 'Thôn Gia Bắc', [{ name: 'Nhà văn hóa thôn Gia Bắc', capacity: 90 }]),
  thon('23272', 'Thôn Mỹ Khê', [{ name: 'Nhà văn hóa thôn Mỹ Khê', capacity: 140 }]),
  thon('23272', 'Thôn Quý Thạnh', [{ name: 'Nhà văn hóa thôn Quý Thạnh', capacity: 110 }]),
];
