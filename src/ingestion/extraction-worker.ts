import { parentPort } from 'node:worker_threads';
import { extractDocument } from '../extraction/index.js';
import { ExtractionInputError, type ExtractionInput } from '../extraction/types.js';

/** Runs the built-in extractor for the pool in extraction-pool.ts: one message in, one out. */
export interface ExtractionRequest {
  id: number;
  input: ExtractionInput;
}

parentPort?.on('message', (request: ExtractionRequest) => {
  try {
    parentPort!.postMessage({ id: request.id, result: extractDocument(request.input) });
  } catch (error) {
    parentPort!.postMessage({
      id: request.id,
      error: {
        message: error instanceof Error ? error.message : String(error),
        inputCode: error instanceof ExtractionInputError ? error.code : null,
      },
    });
  }
});
