type Pending<I, O> = { item: I; resolve: (value: O) => void; reject: (error: unknown) => void };

/**
 * Group commit: items submitted while a batch is pending or running are run together as the next
 * batch, so one transaction (one fsync) serves every request that arrived meanwhile. A batch
 * starts on setImmediate, after the requests already read from the sockets have been queued:
 * better-sqlite3 runs a whole transaction without yielding, so nothing else could join it.
 * A failing batch fails every item in it, so a batch should hold writes that cannot fail one by one.
 */
export function createBatcher<I, O>(runBatch: (items: I[]) => Promise<O[]>, maxBatch = 1000) {
  const queue: Array<Pending<I, O>> = [];
  let scheduled = false;

  const runNext = async () => {
    const batch = queue.splice(0, maxBatch);
    try {
      const results = await runBatch(batch.map((p) => p.item));
      batch.forEach((p, index) => p.resolve(results[index]!));
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
    if (queue.length > 0) setImmediate(() => void runNext());
    else scheduled = false;
  };

  return (item: I): Promise<O> =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!scheduled) {
        scheduled = true;
        setImmediate(() => void runNext());
      }
    });
}
