import type { Logger } from '@nestjs/common';
import { PeriodicCheck } from './periodic-check';

describe('PeriodicCheck', () => {
  const logger = { warn: jest.fn() } as unknown as Logger & { warn: jest.Mock };

  afterEach(() => jest.useRealTimers());

  it('runs at start and on every tick, reports each result, logs a failure in one line and goes on', async () => {
    jest.useFakeTimers();
    const report = jest.fn();
    let calls = 0;
    const check = new PeriodicCheck('test check', logger, async () => {
      calls += 1;
      if (calls === 2) throw new Error('database away');
      return calls;
    }, report);
    check.start(1000);
    await jest.advanceTimersByTimeAsync(0);
    await jest.advanceTimersByTimeAsync(1000);
    await jest.advanceTimersByTimeAsync(1000);
    await check.stop();
    expect(report.mock.calls).toEqual([[1], [3]]);
    expect(logger.warn).toHaveBeenCalledWith('test check paused: database away');
  });

  it('never overlaps itself: a run waits for the one in progress', async () => {
    const order: string[] = [];
    let release!: () => void;
    const check = new PeriodicCheck('test check', logger, async (now) => {
      order.push(`start ${now.getTime()}`);
      if (now.getTime() === 1) await new Promise<void>((resolve) => (release = resolve));
      order.push(`end ${now.getTime()}`);
    }, () => undefined);
    const first = check.run(new Date(1));
    const second = check.run(new Date(2));
    await new Promise((resolve) => setImmediate(resolve));
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
  });
});
