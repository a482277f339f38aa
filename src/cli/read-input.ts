import { readFile } from 'node:fs/promises';

/** `-` on a command line means standard input, as in most Unix tools. */
export const STDIN = '-';

export class InputError extends Error {
  override readonly name = 'InputError';
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The text of a file, or of standard input for `-`, decoded as strict UTF-8 so that binary data
 * is refused with a clear message instead of being loaded as replacement characters.
 */
export async function readTextInput(path: string): Promise<string> {
  let buffer: Buffer;
  try {
    buffer = path === STDIN ? await readStdin() : await readFile(path);
  } catch (error) {
    throw new InputError(`cannot read ${describeInput(path)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buffer);
  } catch {
    throw new InputError(`${describeInput(path)} is not UTF-8 text (binary data?)`);
  }
}

export function describeInput(path: string): string {
  return path === STDIN ? 'standard input' : path;
}
