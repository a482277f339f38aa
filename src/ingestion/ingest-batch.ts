import { AppError } from '../errors.js';
import { ExtractionInputError } from '../extraction/types.js';

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

/** Expected failures of one item (bad input, not found, database down) as its error; null for the rest. */
export function expectedError(error: unknown): { code: string; message: string } | null {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  if (error instanceof ExtractionInputError) return { code: 'BAD_USER_INPUT', message: error.message };
  return null;
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
  let next = 0;
  let stoppedAt: number | null = null;
  const worker = async () => {
    for (let index = next++; index < inputs.length && stoppedAt === null; index = next++) {
      try {
        items[index] = { index, result: await load(inputs[index]!, index), error: null };
      } catch (error) {
        const known = classify(error);
        if (!known) throw error;
        items[index] = { index, result: null, error: known };
        if (known.code === 'DATABASE_UNAVAILABLE' && stoppedAt === null) stoppedAt = index;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, inputs.length)) }, worker));

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
