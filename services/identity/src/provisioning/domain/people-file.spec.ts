import { readPeopleFile } from './people-file';

const anyDomain = { allowedEmailDomains: [] };

describe('reading a people file', () => {
  it('reads every column, whatever the case and spacing of the headers, and tolerates a byte order mark', () => {
    const file = readPeopleFile(
      '\uFEFFEmail,Name,Job Title,Department,Employee_Number,Manager Email,Language,TimeZone\r\n' +
        ' Ana.Lima@Acme.com ,Ana Lima,Staff engineer,Payments,E-1,,PT-br,Europe/Lisbon\r\n' +
        'ben@acme.com,"Okafor, Ben","Engineer, ""platform""",Payments,E-2,ANA.LIMA@acme.com,en,\r\n',
      anyDomain,
    );
    expect(file.errors).toEqual([]);
    expect(file.people).toEqual([
      {
        line: 2,
        email: 'ana.lima@acme.com',
        name: 'Ana Lima',
        title: 'Staff engineer',
        department: 'Payments',
        employeeNumber: 'E-1',
        managerEmail: null,
        language: 'pt-BR',
        timeZone: 'Europe/Lisbon',
      },
      {
        line: 3,
        email: 'ben@acme.com',
        name: 'Okafor, Ben',
        title: 'Engineer, "platform"',
        department: 'Payments',
        employeeNumber: 'E-2',
        managerEmail: 'ana.lima@acme.com',
        language: 'en',
        timeZone: null,
      },
    ]);
  });

  it('leaves out the fields of columns the file does not have', () => {
    const file = readPeopleFile('email,name\nana@acme.com,Ana\n', anyDomain);
    expect(file.people).toEqual([{ line: 2, email: 'ana@acme.com', name: 'Ana' }]);
    expect([...file.columns]).toEqual(['email', 'name']);
  });

  it('reads semicolons as Excel writes them where the comma is the decimal mark', () => {
    const file = readPeopleFile('email;name;title\nana@acme.com;Ana;Eng, platform\n', anyDomain);
    expect(file.people).toEqual([{ line: 2, email: 'ana@acme.com', name: 'Ana', title: 'Eng, platform' }]);
  });

  it('numbers lines as an editor shows them, past empty lines and line breaks inside quotes', () => {
    const file = readPeopleFile(
      'email,name,title\r\nana@acme.com,Ana,"two\r\nlines"\r\n\r\n,,\r\nnot-an-email,Ben,\r\n',
      anyDomain,
    );
    expect(file.errors).toEqual([
      { line: 2, field: 'title', message: 'title must be one line without control characters' },
      { line: 6, field: 'email', message: 'not-an-email is not an email address' },
    ]);
  });

  it('reports every bad line with its number, the column and the reason', () => {
    const file = readPeopleFile(
      [
        'email,name,manager email,language,time zone',
        'ana@acme.com,Ana,,en,Europe/Nowhere',
        ',Ben,,,',
        'cy@other.com,,,,',
        'dee@acme.com,Dee,dee@acme.com,not a tag,',
        'eve@acme.com,Eve',
        'fay@acme.com,Fay,,,UTC',
      ].join('\n'),
      { allowedEmailDomains: ['acme.com'] },
    );
    expect(file.errors).toEqual([
      {
        line: 2,
        field: 'time zone',
        message: '"Europe/Nowhere" is not an IANA time zone such as Europe/Lisbon',
      },
      { line: 3, field: 'email', message: 'the email is required' },
      {
        line: 4,
        field: 'email',
        message: 'the email domain other.com is not allowed (ALLOWED_EMAIL_DOMAINS)',
      },
      { line: 4, field: 'name', message: 'the name is required' },
      { line: 5, field: 'manager email', message: 'nobody can be their own manager' },
      { line: 5, field: 'language', message: '"not a tag" is not a language tag such as en or pt-BR' },
      {
        line: 6,
        field: null,
        message: 'the line has 2 fields and the header 5: quote a field holding the delimiter',
      },
    ]);
    expect(file.people.map((person) => person.email)).toEqual(['fay@acme.com']);
  });

  it('refuses unknown, repeated and missing columns on the header line', () => {
    expect(readPeopleFile('e-mail,full name,Name,shoe size\n', anyDomain).errors).toEqual([
      { line: 1, field: 'Name', message: '"Name" is the same column as "full name"' },
      {
        line: 1,
        field: 'shoe size',
        message:
          'unknown column "shoe size": the columns are email, name, title, department, employee number, manager email, language, time zone',
      },
    ]);
    expect(readPeopleFile('title\n', anyDomain).errors).toEqual([
      { line: 1, field: null, message: 'the column "email" is required' },
      { line: 1, field: null, message: 'the column "name" is required' },
    ]);
  });

  it('says where a quoted field is broken', () => {
    const file = readPeopleFile('email,name\r\nana@acme.com,Ana\r\nben@acme.com,"Ben"x\r\n', anyDomain);
    expect(file.errors).toEqual([
      {
        line: 3,
        field: null,
        message: 'a quoted field is followed by more text: inside quotes, write a quote as two ("")',
      },
    ]);
  });

  it('refuses a file that is not UTF-8, and an empty one', () => {
    expect(
      readPeopleFile(Buffer.from('email,name\nana@acme.com,Jos\xe9\n', 'latin1'), anyDomain).errors,
    ).toEqual([
      { line: 1, field: null, message: 'the file is not UTF-8: save it as "CSV UTF-8" and import it again' },
    ]);
    expect(readPeopleFile('', anyDomain).errors).toEqual([
      {
        line: 1,
        field: null,
        message: 'the file is empty: its first line names the columns (email, name, …)',
      },
    ]);
  });
});
