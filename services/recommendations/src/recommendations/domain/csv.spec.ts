import { csvCell, csvOf } from './csv';

describe('a CSV file for a spreadsheet', () => {
  it('leaves plain text and numbers as they are', () => {
    expect(csvCell('Mia Souza')).toBe('Mia Souza');
    expect(csvCell(-3)).toBe('-3');
  });

  it('quotes a cell with a comma, a quote or a line break, doubling its quotes', () => {
    expect(csvCell('Souza, Mia')).toBe('"Souza, Mia"');
    expect(csvCell('Mia "the boss" Souza')).toBe('"Mia ""the boss"" Souza"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('puts an apostrophe before a text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(
      `"'=HYPERLINK(""http://evil.example"",""x"")"`,
    );
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
  });

  it('writes a header and rows, each line ended by CRLF', () => {
    expect(
      csvOf(
        ['name', 'size'],
        [
          ['Mia', 4],
          ['=Ana', 2],
        ],
      ),
    ).toBe("name,size\r\nMia,4\r\n'=Ana,2\r\n");
  });
});
