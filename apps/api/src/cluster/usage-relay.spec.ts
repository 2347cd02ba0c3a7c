import type { UsageEvents } from '@keyhouse/api-oauth';
import type { WorkerMessage } from './messages';
import { recordUsage, UsageRelay } from './usage-relay';

describe('UsageRelay', () => {
  let sent: WorkerMessage[];
  let relay: UsageRelay;

  beforeEach(() => {
    sent = [];
    relay = new UsageRelay((message, done) => {
      sent.push(message);
      done(null);
    });
  });

  it('sends the events of one synchronous stretch in one message, in order', async () => {
    relay.secretUsed(7);
    relay.applicationUsed(3);
    relay.authenticationFailed(4);
    relay.secretUsed(undefined);
    expect(sent).toEqual([]);
    await Promise.resolve();
    expect(sent).toEqual([
      {
        type: 'keyhouse:usage',
        events: [
          ['secretUsed', 7],
          ['applicationUsed', 3],
          ['authenticationFailed', 4],
        ],
      },
    ]);
  });

  it('has sent an event by the time the answer it belongs to can be written', async () => {
    // As the protocol server does: the answer is written once the handler's promise settles.
    const handle = async () => {
      relay.applicationUsed(3);
      return 'token';
    };
    const sentWhenAnswered = await handle().then(() => [...sent]);
    expect(sentWhenAnswered).toEqual([{ type: 'keyhouse:usage', events: [['applicationUsed', 3]] }]);
  });

  it('sends nothing when nothing happened, and a flush resolves once the channel has taken it', async () => {
    await Promise.resolve();
    expect(sent).toEqual([]);
    relay.applicationUsed(1);
    await relay.flush();
    expect(sent).toEqual([{ type: 'keyhouse:usage', events: [['applicationUsed', 1]] }]);
    await Promise.resolve();
    expect(sent).toHaveLength(1);
  });
});

describe('recordUsage', () => {
  it("replays a worker's events on the primary's recorder, and ignores anything else", () => {
    const calls: string[] = [];
    const recorder: UsageEvents = {
      applicationUsed: (id) => calls.push(`applicationUsed ${id}`),
      authenticationFailed: (id) => calls.push(`authenticationFailed ${id}`),
      secretUsed: (id) => calls.push(`secretUsed ${id}`),
    };
    const events = [
      ['applicationUsed', 1],
      ['secretUsed', 2],
      ['authenticationFailed', 1],
      ['constructor', 1],
      ['applicationUsed', 'x'],
      ['applicationUsed', 1.5],
    ] as Array<[never, number]>;
    recordUsage(recorder, { type: 'keyhouse:usage', events });
    expect(calls).toEqual(['applicationUsed 1', 'secretUsed 2', 'authenticationFailed 1']);
  });
});
