import { renderCsv, type ReachExportDocument } from './reach-export-document';

describe('CSV rendering of a reach export', () => {
  const doc: ReachExportDocument = {
    title: ['BÁO CÁO', 'Đơn vị: Xã "A", B'],
    header: ['Đơn vị', 'Mã', 'a', 'b', 'c', 'd', 'e', 'f', '% đạt chỉ tiêu'],
    rows: [
      ['=HYPERLINK("x")', '01001', 1, 2, 3, 4, 5, null, 0.025],
      ['Tổng cộng', '01', 1, 2, 3, 4, 5, 100, null],
    ],
    notes: ['Ghi chú'],
  };

  it('writes UTF-8 with a BOM, quotes what needs it, keeps formulas as text and prints percentages', () => {
    const content = renderCsv(doc);
    expect([...content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(content.subarray(3).toString('utf8').split('\r\n')).toEqual([
      'BÁO CÁO',
      '"Đơn vị: Xã ""A"", B"',
      '',
      'Đơn vị,Mã,a,b,c,d,e,f,% đạt chỉ tiêu',
      `"'=HYPERLINK(""x"")",01001,1,2,3,4,5,,2.5%`,
      'Tổng cộng,01,1,2,3,4,5,100,',
      '',
      'Ghi chú',
      '',
    ]);
  });
});
