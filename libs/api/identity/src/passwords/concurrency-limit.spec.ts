import { ConcurrencyLimit } from './concurrency-limit';

/** A task that runs until the test ends it, noting how many tasks run beside it. */
function controlledTasks() {
  let running = 0;
  let mostAtOnce = 0;
  const started: number[] = [];
  const finishers = new Map<number, (fail?: boolean) => void>();
  const task = (id: number) => () =>
    new Promise<number>((resolve, reject) => {
      running++;
      mostAtOnce = Math.max(mostAtOnce, running);
      started.push(id);
      finishers.set(id, (fail = false) => {
        running--;
        if (fail) reject(new Error(`task ${id} failed`));
        else resolve(id);
      });
    });
  return { task, started, finish: (id: number, fail?: boolean) => finishers.get(id)?.(fail), mostAtOnce: () => mostAtOnce };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('ConcurrencyLimit', () => {
  it('never runs more than its limit at once, and runs every task', async () => {
    const limit = new ConcurrencyLimit(3);
    const tasks = controlledTasks();
    const results = Array.from({ length: 10 }, (_, id) => limit.run(tasks.task(id)));
    for (let id = 0; id < 10; id++) {
      await settle();
      tasks.finish(id);
    }
    await expect(Promise.all(results)).resolves.toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(tasks.mostAtOnce()).toBe(3);
  });

  it('starts waiting tasks in the order they came, even when a new caller arrives as a slot frees', async () => {
    const limit = new ConcurrencyLimit(1);
    const tasks = controlledTasks();
    const results = [limit.run(tasks.task(0)), limit.run(tasks.task(1)), limit.run(tasks.task(2))];
    await settle();
    tasks.finish(0);
    results.push(limit.run(tasks.task(3)));
    for (const id of [1, 2, 3]) {
      await settle();
      tasks.finish(id);
    }
    await Promise.all(results);
    expect(tasks.started).toEqual([0, 1, 2, 3]);
  });

  it('frees the slot of a task that fails, and passes its error on', async () => {
    const limit = new ConcurrencyLimit(1);
    const tasks = controlledTasks();
    const failing = limit.run(tasks.task(0));
    const next = limit.run(tasks.task(1));
    await settle();
    tasks.finish(0, true);
    await expect(failing).rejects.toThrow('task 0 failed');
    await settle();
    tasks.finish(1);
    await expect(next).resolves.toBe(1);
    expect(tasks.mostAtOnce()).toBe(1);
  });

  it('frees the slot of a task that throws before returning a promise', async () => {
    const limit = new ConcurrencyLimit(1);
    await expect(limit.run(() => { throw new Error('at once'); })).rejects.toThrow('at once');
    await expect(limit.run(async () => 'after')).resolves.toBe('after');
  });
});
