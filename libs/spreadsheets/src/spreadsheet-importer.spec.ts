import { columnsByFoldedLabel } from './header';
import { SpreadsheetImporter } from './spreadsheet-importer';

class ImportError extends Error {
  constructor(
    readonly reason: string,
    readonly details: Record<string, unknown>,
  ) {
    super(reason);
  }
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
const headers = { NAME: 'Họ và tên', YEAR: 'Năm sinh' } as const;
const spec = {
  columnOf: columnsByFoldedLabel(headers, {}, fold),
  headers,
  required: ['NAME', 'YEAR'] as const,
  repeatedOrder: 'first-seen' as const,
};
const importer = new SpreadsheetImporter(
  { maxBytes: 2 * 1024 * 1024, maxDataRows: 3, headerRows: 2 },
  (reason, details) => new ImportError(reason, details),
);
const table = (text: string) => importer.readTable(Buffer.from(text), 'csv', spec);
const refusal = async (work: Promise<unknown>) => {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ImportError);
  return { reason: (error as ImportError).reason, details: (error as ImportError).details };
};

describe('SpreadsheetImporter', () => {
  it('finds the header below a title row and returns the data rows with their row numbers', async () => {
    const { header, columns, rows } = await table('Danh sách\nNăm sinh,HỌ VÀ TÊN\n1960,Lê Thị Hoa\n\n1971,Võ An\n');
    expect(header.row).toBe(2);
    expect(columns).toEqual({ YEAR: 0, NAME: 1 });
    expect(rows.map((row) => row.row)).toEqual([3, 5]);
  });

  it('words each refusal with the importer’s own limits', async () => {
    expect(await refusal(table('Họ và tên,Năm sinh\na,1\nb,2\nc,3\nd,4\n'))).toEqual({
      reason: 'Tệp có hơn 3 dòng dữ liệu: hãy chia thành nhiều tệp.',
      details: { maxRows: 3 },
    });
    expect(await refusal(table('Họ và tên,Ghi chú\na,b\n'))).toEqual({
      reason: 'Không tìm thấy dòng tiêu đề có đủ các cột: "Năm sinh".',
      details: { missingColumns: ['Năm sinh'] },
    });
    expect(await refusal(table('Họ và tên,Năm sinh,Năm sinh\na,1,2\n'))).toEqual({
      reason: 'Cột "Năm sinh" xuất hiện hai lần ở dòng tiêu đề.',
      details: { row: 1 },
    });
    expect((await refusal(table('Họ và tên,Năm sinh\n'))).reason).toBe(
      'Tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào.',
    );
    expect((await refusal(table(''))).reason).toBe('Tệp trống.');
    expect(() => importer.decode('A'.repeat(3 * 1024 * 1024))).toThrow(
      new ImportError('Tệp lớn hơn 2 MB.', { maxBytes: 2 * 1024 * 1024 }),
    );
    expect(() => importer.format('danh-sach.pdf')).toThrow(ImportError);
  });
});
