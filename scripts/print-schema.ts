import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from '../src/schema/index.js';

/** Prints the sorted SDL to schema/schema.graphql; `--check` fails when the file is stale. */
const { values } = parseArgs({ options: { check: { type: 'boolean', default: false }, help: { type: 'boolean' } } });
if (values.help) {
  process.stdout.write('Usage: npm run schema:print [-- --check]\n');
  process.exit(0);
}
const target = fileURLToPath(new URL('../schema/schema.graphql', import.meta.url));
const printed = `${printSchema(lexicographicSortSchema(schema))}\n`;
if (values.check) {
  const committed = await readFile(target, 'utf8').catch(() => '');
  if (committed !== printed) {
    process.stderr.write('schema/schema.graphql is stale: run `npm run schema:print` and commit it.\n');
    process.exit(1);
  }
  process.stderr.write('schema/schema.graphql is up to date.\n');
} else {
  await writeFile(target, printed);
  process.stderr.write(`wrote ${target}\n`);
}
