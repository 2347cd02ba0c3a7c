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

  it('hands over every pending event in one message, in order', () => {
    relay.secretUsed(7);
    relay.applicationUsed(3);
    relay.authenticationFailed(4);
    relay.secretUsed(undefined);
    expect(sent).toEqual([]);
    relay.handOver();
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
    relay.handOver();
    expect(sent).toHaveLength(1);
  });

  it('sends at the end of the event loop turn what no answer handed over', async () => {
    relay.applicationUsed(3);
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent).toEqual([{ type: 'keyhouse:usage', events: [['applicationUsed', 3]] }]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent).toHaveLength(1);
  });

  it('writes an answer at once when nothing is pending', () => {
    const written: string[] = [];
    relay.answerAfterHandOver(() => written.push('answer'));
    expect(written).toEqual(['answer']);
    expect(sent).toEqual([]);
  });

  it("holds the turn's answers until its events are sent, then writes them all after one message", async () => {
    const happened: string[] = [];
    relay = new UsageRelay((message, done) => {
      happened.push(`sent ${message.type === 'keyhouse:usage' ? message.events.length : 0} events`);
      done(null);
    });
    relay.applicationUsed(1);
    relay.answerAfterHandOver(() => happened.push('answer 1'));
    relay.applicationUsed(2);
    relay.secretUsed(5);
    relay.answerAfterHandOver(() => happened.push('answer 2'));
    expect(happened).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(happened).toEqual(['sent 3 events', 'answer 1', 'answer 2']);
  });

  it('writes the waiting answers on a flush too, after the message', async () => {
    const happened: string[] = [];
    relay = new UsageRelay((_message, done) => {
      happened.push('sent');
      done(null);
    });
    relay.applicationUsed(1);
    relay.answerAfterHandOver(() => happened.push('answer'));
    await relay.flush();
    expect(happened).toEqual(['sent', 'answer']);
  });

  it('resolves a flush once the channel has taken it', async () => {
    relay.applicationUsed(1);
    await relay.flush();
    expect(sent).toEqual([{ type: 'keyhouse:usage', events: [['applicationUsed', 1]] }]);
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
