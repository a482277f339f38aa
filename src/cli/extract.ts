/**
 * npm run --silent extract -- [--published-at YYYY-MM-DD|YYYY-MM] [--lang fr|en] [--max-chars N] FILE|-
 *
 * Prints exactly one JSON object (ontology "Extraction output") on stdout; anything else goes
 * to stderr. Bad input: one clear line on stderr and a non-zero exit. Reads the same header as
 * `npm run ingest`, so a file gives the same extraction through both.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_MAX_INPUT_CHARS, EXTRACTOR_VERSION, extractDocument } from '../extraction/index.js';
import { ExtractionInputError } from '../extraction/types.js';
import { parseDocumentFile } from '../ingestion/document-files.js';
import { InputError, readTextInput } from './read-input.js';

const USAGE = `Usage: npm run --silent extract -- [options] FILE

Extracts agencies, laws, tactics, target groups, events and their relations from a French or
English news text and prints one JSON object on stdout. FILE "-" reads standard input.

The file may start with the header that \`npm run ingest\` reads: "Title:", "Source:",
"Language:", "Published:" lines closed by a blank line. The header is not extracted from; its
Language and Published values are used unless the options below are given, and offsets count
from the first character after the blank line.

Options:
  --published-at DATE  publication date (YYYY-MM-DD or YYYY-MM) that relative dates resolve against
  --lang LANG          force the language (fr, en) instead of detecting it
  --raw                the whole file is text: no header is read
  --max-chars N        largest accepted text in characters (default ${DEFAULT_MAX_INPUT_CHARS})
  --pretty             indent the JSON
  -h, --help           show this help
  -v, --version        print the extractor version`;

function fail(message: string, code = 2): never {
  process.stderr.write(`extract: ${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        'published-at': { type: 'string' },
        lang: { type: 'string' },
        'max-chars': { type: 'string' },
        raw: { type: 'boolean', default: false },
        pretty: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (err) {
    fail(`${(err as Error).message} (see --help)`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return;
  }
  if (values.version) {
    process.stdout.write(EXTRACTOR_VERSION + '\n');
    return;
  }
  if (positionals.length !== 1) fail(positionals.length === 0 ? 'missing FILE (see --help)' : 'expected exactly one FILE (see --help)');
  let maxInputChars = DEFAULT_MAX_INPUT_CHARS;
  if (values['max-chars'] !== undefined) {
    maxInputChars = Number(values['max-chars']);
    if (!Number.isInteger(maxInputChars) || maxInputChars <= 0) fail(`--max-chars must be a positive integer, got "${values['max-chars']}"`);
  }
  const file = positionals[0]!;
  let content: string;
  try {
    content = await readTextInput(file);
  } catch (err) {
    if (err instanceof InputError) fail(err.message);
    throw err;
  }
  const document = values.raw ? { text: content } : parseDocumentFile(content);
  let text = document.text;
  if (text.charCodeAt(0) === 0xfeff) text = ' ' + text.slice(1); // keep offsets: a BOM becomes a space
  const language = values.lang ?? document.language ?? undefined;
  const publishedAt = values['published-at'] ?? document.publishedAt ?? undefined;
  try {
    const result = extractDocument({ text, language, publishedAt }, { maxInputChars });
    process.stdout.write(JSON.stringify(result, null, values.pretty ? 2 : undefined) + '\n');
  } catch (err) {
    if (err instanceof ExtractionInputError) fail(`${err.code}: ${err.message}`);
    fail(`internal error: ${(err as Error).stack ?? String(err)}`, 1);
  }
}

main().catch((err: unknown) => fail(`internal error: ${(err as Error).stack ?? String(err)}`, 1));
