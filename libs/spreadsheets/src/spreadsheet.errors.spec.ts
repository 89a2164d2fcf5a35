import { SpreadsheetError, SpreadsheetErrorCode, translateSpreadsheetErrors } from './spreadsheet.errors';

class ImporterError extends Error {}

const translate = (error: SpreadsheetError): Error => new ImporterError(error.code);

describe('translateSpreadsheetErrors', () => {
  it('rethrows a spreadsheet error as the importer error, sync or async', async () => {
    const fail = (): never => {
      throw new SpreadsheetError(SpreadsheetErrorCode.NO_SHEET);
    };
    expect(() => translateSpreadsheetErrors(fail, translate)).toThrow(new ImporterError('NO_SHEET'));
    await expect(translateSpreadsheetErrors(async () => fail(), translate)).rejects.toBeInstanceOf(ImporterError);
  });

  it('passes results and other errors through', async () => {
    expect(translateSpreadsheetErrors(() => 1, translate)).toBe(1);
    await expect(translateSpreadsheetErrors(async () => 2, translate)).resolves.toBe(2);
    const other = new RangeError('other');
    expect(() =>
      translateSpreadsheetErrors(() => {
        throw other;
      }, translate),
    ).toThrow(other);
  });
});
