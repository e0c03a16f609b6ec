import { ExportAboutSomeoneElseError, exportFileName, gatherExports } from './personal-data-export';

describe('the personal data export file', () => {
  it('is named after the day it is downloaded', () => {
    expect(exportFileName(new Date(2026, 0, 5, 23, 59))).toBe('vouch-export-2026-01-05.json');
    expect(exportFileName(new Date(2026, 11, 17))).toBe('vouch-export-2026-12-17.json');
  });

  it("holds each service's part under its name, for the one employee they are all about", () => {
    const part = (service: string) => ({ service, employeeId: 'e-1' });

    const gathered = gatherExports(
      {
        identity: part('identity'),
        connections: part('connections'),
        recommendations: part('recommendations'),
        notifications: part('notifications'),
      },
      new Date('2026-12-07T10:00:00Z'),
    );

    expect(gathered).toEqual({
      exportedAt: '2026-12-07T10:00:00.000Z',
      employeeId: 'e-1',
      services: {
        identity: part('identity'),
        connections: part('connections'),
        recommendations: part('recommendations'),
        notifications: part('notifications'),
      },
    });
  });

  it('refuses parts about two different people, naming the part about someone else', () => {
    const part = (employeeId: string) => ({ employeeId });

    const gathering = () =>
      gatherExports(
        {
          identity: part('e-1'),
          connections: part('e-1'),
          recommendations: part('e-2'),
          notifications: part('e-1'),
        },
        new Date(),
      );

    expect(gathering).toThrow(ExportAboutSomeoneElseError);
    expect(gathering).toThrow(expect.objectContaining({ service: 'recommendations' }));
  });
});
