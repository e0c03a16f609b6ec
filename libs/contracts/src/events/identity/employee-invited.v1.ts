import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { EntityId, Timestamp } from '../../vocabulary';

/**
 * On the employees topic, keyed by the employee: it follows the employee's registration in order,
 * so a consumer always knows whom it is about. It carries no secret: the link's token is made by
 * notifications from INVITATION_SECRET, which only identity and notifications hold.
 */
export const EmployeeInvitedV1 = defineEvent({
  type: 'EmployeeInvited',
  version: 1,
  topic: Topics.employees,
  description:
    'An employee without a password (imported or provisioned) was invited to set up their sign-in; ' +
    'a newer invitation supersedes the earlier one. Key: employeeId.',
  schema: z.object({
    invitationId: EntityId.meta({ description: 'The invitation; its link names it.' }),
    employeeId: EntityId.meta({ description: 'The employee invited.' }),
    email: z.email().meta({ description: 'The work email the invitation goes to.' }),
    name: z.string().min(1).meta({ description: "The employee's name, to greet them." }),
    invitedAt: Timestamp.meta({ description: 'When the invitation was made.' }),
    expiresAt: Timestamp.meta({ description: 'When its link stops working.' }),
  }),
});
