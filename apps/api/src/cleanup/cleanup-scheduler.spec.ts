import { Logger } from '@nestjs/common';
import type { CleanupRunner } from './cleanup-runner';
import { CleanupScheduler } from './cleanup-scheduler';

const INTERVAL_MS = 60_000;

describe('CleanupScheduler', () => {
  let run: jest.Mock<Promise<Record<string, number>>, []>;
  let scheduler: CleanupScheduler;
  const random = jest.spyOn(Math, 'random');
  const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);

  const start = (intervalSeconds = INTERVAL_MS / 1000) => {
    scheduler = new CleanupScheduler({ run } as unknown as CleanupRunner, { intervalSeconds });
    scheduler.onApplicationBootstrap();
  };
  /** A run that ends when the test says so. */
  const slowRun = () => {
    let finish: () => void = () => undefined;
    run.mockImplementationOnce(() => new Promise((resolve) => (finish = () => resolve({}))));
    return () => finish();
  };

  beforeEach(() => {
    jest.useFakeTimers();
    // Each wait is interval × (0.5 + random): exactly one interval unless a test says otherwise.
    random.mockReturnValue(0.5);
    run = jest.fn().mockResolvedValue({ admin_sessions: 2, sign_in_failures: 0 });
    warn.mockClear();
    log.mockClear();
  });
  afterEach(async () => {
    await scheduler.onModuleDestroy();
    jest.useRealTimers();
  });

  it('waits between half an interval and one and a half', async () => {
    random.mockReturnValueOnce(0).mockReturnValueOnce(0.999);
    start();
    await jest.advanceTimersByTimeAsync(INTERVAL_MS / 2 - 1);
    expect(run).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1.49 * INTERVAL_MS);
    expect(run).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(0.01 * INTERVAL_MS);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('reports what a run deleted in one line', async () => {
    start();
    await jest.advanceTimersByTimeAsync(INTERVAL_MS);
    expect(log).toHaveBeenCalledWith('deleted expired rows: admin_sessions 2');
  });

  it('never overlaps itself: the next wait starts when a slow run ends', async () => {
    const finish = slowRun();
    start();
    await jest.advanceTimersByTimeAsync(10 * INTERVAL_MS);
    expect(run).toHaveBeenCalledTimes(1);
    finish();
    await jest.advanceTimersByTimeAsync(INTERVAL_MS);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('logs a failed run in one line and tries again next time', async () => {
    run.mockRejectedValueOnce(new Error('SQLITE_BUSY: database is locked'));
    start();
    await jest.advanceTimersByTimeAsync(INTERVAL_MS);
    expect(warn).toHaveBeenCalledWith('cleanup failed, trying again next time: SQLITE_BUSY: database is locked');
    await jest.advanceTimersByTimeAsync(INTERVAL_MS);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('does nothing with an interval of 0', async () => {
    start(0);
    await jest.advanceTimersByTimeAsync(100 * INTERVAL_MS);
    expect(run).not.toHaveBeenCalled();
  });

  it('lets a run in progress finish when the application stops, and starts none after it', async () => {
    const finish = slowRun();
    start();
    await jest.advanceTimersByTimeAsync(INTERVAL_MS);
    let stopped = false;
    const stopping = scheduler.onModuleDestroy().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    await jest.advanceTimersByTimeAsync(10 * INTERVAL_MS);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
