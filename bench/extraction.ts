/**
 * Extraction benchmark (prints figures; not a timed test): npx tsx bench/extraction.ts
 *
 * - throughput on generated news-like text in French and English (words per second, one core);
 * - linearity: the same text at 1x, 4x and 16x;
 * - an adversarial 1 MB input: one huge sentence with no punctuation, full of trigger words;
 * - heap growth, to show memory stays bounded.
 * The text is generated here from our own sentence templates, not from the evaluation articles.
 */
import { extractDocument, DEFAULT_MAX_INPUT_CHARS } from '../src/extraction/index.js';

const EN_TEMPLATES = [
  'The {agency} said on {weekday} that {group} had been approached by {threat} using {tactic}.',
  'In {month} {year}, prosecutors charged a former engineer with acting as an agent of a foreign government.',
  'A spokesperson for the {agency} warned {group} to report {tactic} to their security officer.',
  'Officers of the Federal Criminal Police Office (BKA) arrested two men in Hamburg last week.',
  'The revised counter-espionage law will enter into force on July 1, 2025, the ministry added.',
  'Analysts told Reuters that {threat} rely on {tactic} to reach {group}.',
  'Mr. Smith, a U.S. citizen, appeared in a federal court in Boston on Monday.',
];
const FR_TEMPLATES = [
  'Le {agencyFr} a publié {weekdayFr} une note avertissant les {groupFr} contre les {tacticFr}.',
  'Selon le parquet fédéral, deux hommes ont été interpellés le 3 mars 2025 à Munich.',
  'En {monthFr}, la DGSI a mis en garde les {groupFr} contre les {threatFr}.',
  "M. Dupont, ingénieur, a été mis en examen pour livraison d'informations à une puissance étrangère.",
  "La loi révisée contre l'espionnage est entrée en vigueur le 1er juillet 2023, a rappelé le ministère.",
  "Les {threatFr} utilisent des {tacticFr} pour cibler les {groupFr}, d'après l'AFP.",
];
const FILL: Record<string, string[]> = {
  agency: ['Ministry of State Security', 'MI5', 'FBI', 'Canadian Security Intelligence Service', 'AIVD'],
  agencyFr: ['ministère de la Sécurité d\'État', 'service de renseignement intérieur britannique', 'Direction générale de la sécurité intérieure'],
  threat: ['foreign intelligence services', 'hostile states', 'foreign spies', 'APT 41'],
  threatFr: ['services de renseignement étrangers', 'espions étrangers', 'puissances hostiles'],
  tactic: ['fake profiles on LinkedIn', 'honey traps', 'spear-phishing emails', 'fake job offers', 'all-expenses-paid trips'],
  tacticFr: ['faux profils', 'pièges amoureux', 'offres d\'emploi fictives', 'voyages tous frais payés'],
  group: ['government officials', 'university students', 'defense contractors', 'researchers and scientists'],
  groupFr: ['fonctionnaires', 'étudiants chinois', 'chercheurs', 'salariés français'],
  weekday: ['Monday', 'Friday', 'Wednesday'],
  weekdayFr: ['lundi', 'vendredi', 'mercredi'],
  month: ['March', 'November', 'April'],
  monthFr: ['avril', 'décembre', 'juin'],
  year: ['2019', '2023', '2024'],
};

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function generate(templates: string[], targetWords: number, seed: number): string {
  const rand = rng(seed);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!;
  const paragraphs: string[] = [];
  let words = 0;
  while (words < targetWords) {
    const sentences: string[] = [];
    for (let i = 0; i < 4; i++) sentences.push(pick(templates).replace(/\{(\w+)\}/g, (_, k: string) => pick(FILL[k] ?? [k])));
    const p = sentences.join(' ');
    words += p.split(/\s+/).length;
    paragraphs.push(p);
  }
  return paragraphs.join('\n\n');
}

const wordCount = (t: string) => t.split(/\s+/).filter(Boolean).length;

function time(text: string, lang?: string, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    extractDocument({ text, language: lang, publishedAt: '2025-03-14' }, { maxInputChars: 4 * DEFAULT_MAX_INPUT_CHARS });
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

function report(label: string, text: string, lang?: string): void {
  const ms = time(text, lang);
  const words = wordCount(text);
  console.log(`${label.padEnd(44)} ${String(words).padStart(8)} words ${(text.length / 1024).toFixed(0).padStart(6)} KB ${ms.toFixed(0).padStart(7)} ms ${Math.round(words / (ms / 1000)).toLocaleString('en').padStart(10)} words/s`);
}

// Warm up (compiles the lexicon patterns).
extractDocument({ text: generate(EN_TEMPLATES, 500, 1) });
extractDocument({ text: generate(FR_TEMPLATES, 500, 1) });

console.log('Throughput (best of 3, one core)');
const en = generate(EN_TEMPLATES, 20_000, 7);
const fr = generate(FR_TEMPLATES, 20_000, 11);
report('news-like English, 20k words', en);
report('news-like French, 20k words', fr);
report('news-like English, forced language', en, 'en');

console.log('\nLinearity (time should grow with size, not faster)');
for (const factor of [1, 4, 16]) report(`English x${factor}`, generate(EN_TEMPLATES, 5_000 * factor, 3), 'en');

console.log('\nAdversarial: one 1 MB sentence, no punctuation, trigger words only');
const triggerWords = ['arrested', 'warned', 'Ministry', 'of', 'State', 'Security', 'foreign', 'spies', 'fake', 'profiles', 'students', 'law', 'entered', 'into', 'force', 'Friday', 'March', '2024', 'MSS', 'FBI', 'a', 'publié', 'un', 'article', 'Direction', 'générale', 'de', 'la', 'Sécurité'];
const rand = rng(5);
let huge = '';
while (huge.length < DEFAULT_MAX_INPUT_CHARS - 20) huge += triggerWords[Math.floor(rand() * triggerWords.length)] + ' ';
huge = huge.slice(0, DEFAULT_MAX_INPUT_CHARS);
const heapBefore = process.memoryUsage().heapUsed;
const t0 = performance.now();
const result = extractDocument({ text: huge, publishedAt: '2025-03-14' });
const ms = performance.now() - t0;
const heapAfter = process.memoryUsage().heapUsed;
console.log(`1 MB adversarial sentence: ${(ms / 1000).toFixed(2)} s, ${result.entities.length} entities, ${result.relations.length} relations, heap +${((heapAfter - heapBefore) / 2 ** 20).toFixed(0)} MB (peak rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB)`);

console.log('\nMemory: 30 runs of the English text (heap after each run; bounded if it does not climb)');
const heaps: number[] = [];
for (let i = 0; i < 30; i++) {
  extractDocument({ text: en });
  globalThis.gc?.();
  heaps.push(process.memoryUsage().heapUsed / 2 ** 20);
}
const first10 = Math.max(...heaps.slice(0, 10));
const last10 = Math.max(...heaps.slice(20));
console.log(`heap max over runs 1-10: ${first10.toFixed(0)} MB, over runs 21-30: ${last10.toFixed(0)} MB${globalThis.gc ? '' : ' (run with NODE_OPTIONS=--expose-gc for exact figures)'}`);
