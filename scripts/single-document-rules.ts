/**
 * Lists every lexicon pattern, event trigger and institution description that fires in exactly
 * one document of an evaluation corpus and in no other text (the other corpus documents and the
 * project's seeds): the rules that may only know the sentence they were written for.
 *
 *   npm run --silent rules:single-document -- [--corpus DIR] [--also DIR]...
 *
 * The corpus is read at run time for measurement only; nothing from it is kept.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { analyseDocument, type AnalysedDocument } from '../src/extraction/document.js';
import { triggerPatterns } from '../src/extraction/events.js';
import { institutionPatterns } from '../src/extraction/institutions.js';
import { lexiconPatterns } from '../src/extraction/lexicon-match.js';
import { LEXICON } from '../src/extraction/lexicon/index.js';

const here = fileURLToPath(new URL('.', import.meta.url));
// The evaluation kit sits beside the repository (../shared), or beside its worktree folder.
const defaultCorpus = [resolve(here, '../../shared/eval/dev'), resolve(here, '../../../shared/eval/dev')].find((d) => existsSync(d)) ?? resolve(here, '../../shared/eval/dev');
const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: defaultCorpus },
    also: { type: 'string', multiple: true, default: [resolve(here, '../seeds')] },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  process.stdout.write('Usage: npm run --silent rules:single-document -- [--corpus DIR] [--also DIR]...\n');
  process.exit(0);
}

/** The body of an evaluation file (after "Source:", "Language:" and a blank line) or a seed. */
function body(raw: string): { text: string; language?: string } {
  const lines = raw.split('\n');
  let i = 0;
  let language: string | undefined;
  while (i < lines.length && /^(Source|Language|Title|Published|Url|URL):/i.test(lines[i]!)) {
    const m = /^Language:\s*(\w+)/i.exec(lines[i]!);
    if (m) language = m[1];
    i++;
  }
  if (lines[i] === '') i++;
  return { text: lines.slice(i).join('\n'), language };
}

/** Every rule that fires in a document, as "family | entry | pattern". */
function firing(doc: AnalysedDocument): Set<string> {
  const out = new Set<string>();
  const language = doc.grammar?.language ?? null;
  for (const s of doc.sentences) {
    for (const m of lexiconPatterns(language).matchRange(doc.tokens, s.firstToken, s.endToken)) {
      const { entry, anaphor } = m.pattern.payload;
      out.add(`${entry.type}${anaphor ? ' anaphor' : ''} | ${entry.name} | ${m.pattern.source}`);
    }
    for (const m of triggerPatterns(language).matchRange(doc.tokens, s.firstToken, s.endToken)) {
      out.add(`Event ${m.pattern.payload.weak ? 'weak ' : ''}trigger | ${m.pattern.payload.rule.kind} | ${m.pattern.source}`);
    }
    if (language) for (const m of institutionPatterns(language).matchRange(doc.tokens, s.firstToken, s.endToken)) {
      out.add(`Institution | ${m.pattern.payload.kind.kind} | ${m.pattern.source}`);
    }
  }
  return out;
}

const textFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
const byRule = new Map<string, string[]>();
const elsewhere = new Set<string>();
const corpusFiles = textFiles(values.corpus);
for (const f of corpusFiles) {
  const { text, language } = body(readFileSync(join(values.corpus, f), 'utf8'));
  for (const rule of firing(analyseDocument(text, language, null))) {
    const list = byRule.get(rule) ?? [];
    list.push(f);
    byRule.set(rule, list);
  }
}
for (const dir of values.also) {
  for (const f of textFiles(dir)) {
    const { text, language } = body(readFileSync(join(dir, f), 'utf8'));
    for (const rule of firing(analyseDocument(text, language, null))) elsewhere.add(rule);
  }
}

const single = [...byRule.entries()].filter(([rule, docs]) => docs.length === 1 && !elsewhere.has(rule)).sort((a, b) => a[1][0]!.localeCompare(b[1][0]!) || a[0].localeCompare(b[0]));
const lexiconEntries = LEXICON.length;
const firedEntries = new Set([...byRule.keys()].filter((r) => !r.startsWith('Event') && !r.startsWith('Institution')).map((r) => r.split(' | ')[1]));
process.stdout.write(`corpus: ${values.corpus} (${corpusFiles.length} documents); also: ${values.also.join(', ')}\n`);
process.stdout.write(`rules firing in the corpus: ${byRule.size}; lexicon entries firing: ${firedEntries.size} of ${lexiconEntries}\n`);
process.stdout.write(`rules firing in exactly one corpus document and nowhere else: ${single.length}\n\n`);
for (const [rule, docs] of single) process.stdout.write(`${docs[0]}\t${rule}\n`);
