import type { CloudEvent } from '@vouch/contracts';
import { dailyCapLocksOf } from './notification-events.handlers';
import { dailyCapLock } from '../infrastructure/recipient.repository';

const [ana, ben] = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b'];
const event = (type: string, data: Record<string, unknown>) => ({ type, data }) as CloudEvent;

describe('the daily-count locks the notification handlers declare', () => {
  it.each([
    ['RecommendationGiven', { authorId: ana, subjectId: ben }, ben],
    ['RecommendationRequested', { requesterId: ana, recipientId: ben }, ben],
    ['ConnectionRequested', { requesterId: ana, addresseeId: ben }, ben],
    ['ConnectionAccepted', { requesterId: ana, addresseeId: ben }, ana],
    ['RecommendationAccepted', { authorId: ana, subjectId: ben }, ana],
    ['RecommendationRevisionRequested', { authorId: ana, subjectId: ben }, ana],
  ])('%s locks the count of whom its email goes to', (type, data, recipient) => {
    expect(dailyCapLocksOf(event(type, data))).toEqual([dailyCapLock(recipient)]);
  });

  it.each(['RecommendationRequestDeclined', 'EmployeeDeactivated', 'EmployeeRegistered'])(
    '%s plans no email and locks nothing',
    (type) => {
      expect(dailyCapLocksOf(event(type, { requesterId: ana, recipientId: ben, employeeId: ana }))).toEqual(
        [],
      );
    },
  );
});
