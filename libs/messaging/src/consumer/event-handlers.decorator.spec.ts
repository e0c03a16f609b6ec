import type { MessageHandler } from '@nestjs/microservices';
import type { CloudEvent } from '@vouch/contracts';
import { locksDeclaredFor } from './event-handlers.decorator';

/** A handler as Nest registers it: `extras` are its pattern's, as `@HandlesEvent` gave them. */
function registered(locks: ((event: CloudEvent) => readonly string[]) | undefined, next?: MessageHandler) {
  const handler: MessageHandler = async () => undefined;
  handler.extras = { locks };
  handler.next = next;
  return handler;
}

const event = { type: 'ThingDone', data: { ownerId: 'ana' } } as CloudEvent;
const byOwner = (thing: CloudEvent) => [`owner:${(thing.data as { ownerId: string }).ownerId}`];

describe('the locks event handlers declare', () => {
  it("are a handler's locks for the event", () => {
    expect(locksDeclaredFor(registered(byOwner), event)).toEqual(['owner:ana']);
  });

  it('are none for a handler that declares none', () => {
    expect(locksDeclaredFor(registered(undefined), event)).toEqual([]);
  });

  it('gather the locks of every handler of the event, as they all run in its transaction', () => {
    const chain = registered(
      byOwner,
      registered(
        undefined,
        registered(() => ['things']),
      ),
    );
    expect(locksDeclaredFor(chain, event)).toEqual(['owner:ana', 'things']);
  });
});
