import { forEachConcurrently } from './concurrency.js';
import { expectedError } from './expected-errors.js';

/** The outcome of one item of a batch: a result or an error, never both. */
export interface BatchItem<T> {
  index: number;
  result: T | null;
  error: { code: string; message: string } | null;
}

export interface BatchOutcome<T> {
  /** One per input, in input order. */
  items: BatchItem<T>[];
  /** The index of the item whose DATABASE_UNAVAILABLE stopped the batch, or null. */
  stoppedAt: number | null;
  /** Items that were never started because the batch stopped. */
  notAttempted: number[];
}

/**
 * Loads the items with at most `concurrency` in flight, each on its own (one transaction per
 * document). Expected errors become the item's error and the batch goes on, except
 * DATABASE_UNAVAILABLE: then no further item starts (each would wait the driver's retry time for
 * the same answer), the items in flight finish, and the ones never started say so. An error
 * `classify` does not know rejects the whole batch.
 */
export async function runBatch<I, T>(
  inputs: readonly I[],
  load: (input: I, index: number) => Promise<T>,
  concurrency: number,
  classify: (error: unknown) => { code: string; message: string } | null = expectedError,
): Promise<BatchOutcome<T>> {
  const items: (BatchItem<T> | undefined)[] = new Array(inputs.length);
  let stoppedAt: number | null = null;
  await forEachConcurrently(inputs, concurrency, async (input, index) => {
    if (stoppedAt !== null) return;
    try {
      items[index] = { index, result: await load(input, index), error: null };
    } catch (error) {
      const known = classify(error);
      if (!known) throw error;
      items[index] = { index, result: null, error: { code: known.code, message: known.message } };
      if (known.code === 'DATABASE_UNAVAILABLE' && stoppedAt === null) stoppedAt = index;
    }
  });

  // A loop, not flatMap: array methods skip the holes that are exactly the items never started.
  const notAttempted: number[] = [];
  for (let index = 0; index < inputs.length; index += 1) if (items[index] === undefined) notAttempted.push(index);
  if (stoppedAt !== null) {
    const written = items.filter((item) => item?.result).map((item) => item!.index);
    const message =
      `not attempted: the batch stopped when item ${stoppedAt} got DATABASE_UNAVAILABLE; ` +
      `${written.length} of ${inputs.length} were loaded (${written.length > 0 ? `items ${written.join(', ')}` : 'none'}); send the others again later`;
    for (const index of notAttempted) items[index] = { index, result: null, error: { code: 'DATABASE_UNAVAILABLE', message } };
  }
  return { items: items as BatchItem<T>[], stoppedAt, notAttempted };
}
