import { documentId, entityId } from '../../src/domain/ids.js';
import type { EntityType, Span } from '../../src/domain/entities.js';
import type { ExtractedEntity, ExtractedRelation, ExtractionResult } from '../../src/extraction/types.js';
import type { RelationType } from '../../src/domain/relations.js';
import { createRandom, mixSeed } from './random.js';
import {
  EVENT_KINDS,
  EVENT_PHRASES,
  GENERIC_AGENCY,
  agencyName,
  lawName,
  tacticName,
  targetGroupName,
  writtenDate,
  type EventKind,
  type Named,
} from './vocabulary.js';

/**
 * A seeded, deterministic corpus of news items about state security, in French and English,
 * with the entities and relations each one states known in advance (the "truth": what a perfect
 * extractor would return). About ten entities per document: 1,000 documents make a graph of
 * about 10,000 entities, 100,000 documents about a million.
 *
 * Each document introduces its own entities (two agencies, three tactics, two target groups,
 * half a law, two or three events) and names a few older ones, so the graph is connected and
 * degrees look like the reference graph of perf-notes (an agency uses about five tactics, a
 * tactic targets about two groups, a group is warned by two or three agencies).
 */

export interface CorpusOptions {
  seed: number;
  /** Documents in the corpus; entity pools are sized from it. */
  documents: number;
}

export interface GeneratedDocument {
  index: number;
  id: string;
  input: { text: string; title: string; sourceUrl: string; language: 'en' | 'fr'; publishedAt: string };
  /** What the text states, with exact offsets. */
  truth: ExtractionResult;
  words: number;
}

/** Pool sizes per document, chosen to give ~10 entities per document (see the header). */
export const PER_DOCUMENT = { agencies: 2, tactics: 3, targetGroups: 2, laws: 0.5, events: 2.5 } as const;

export function expectedEntityCount(documents: number): number {
  const pools = poolSizes(documents);
  // Events: two per document plus a third in every other one; plus the one generic agency.
  const events = 2 * documents + Math.floor(documents / 2);
  return pools.agencies + pools.tactics + pools.targetGroups + pools.laws + events + 1;
}

function poolSizes(documents: number) {
  return {
    agencies: PER_DOCUMENT.agencies * documents,
    tactics: PER_DOCUMENT.tactics * documents,
    targetGroups: PER_DOCUMENT.targetGroups * documents,
    laws: Math.ceil(PER_DOCUMENT.laws * documents),
  };
}

interface EntityRef {
  id: string;
  type: EntityType;
  name: Named;
  generic?: boolean;
  date?: string;
}

const ref = (type: EntityType, name: Named, extra: Partial<EntityRef> = {}): EntityRef => ({
  id: entityId(type, name.en),
  type,
  name,
  ...extra,
});

/** Builds a text piece by piece, recording mentions and sentence spans at their exact offsets. */
class TextBuilder {
  text = '';
  private readonly entities = new Map<string, ExtractedEntity>();
  private readonly relations = new Map<string, ExtractedRelation>();
  private sentenceStart = 0;
  private pending: { type: RelationType; source: string; target: string }[] = [];

  constructor(private readonly language: 'en' | 'fr') {}

  write(piece: string): this {
    this.text += piece;
    return this;
  }

  /** Writes the entity's name (full form the first time, short form after if it has one). */
  name(entity: EntityRef): this {
    const seen = this.entities.has(entity.id);
    const full = this.language === 'en' ? entity.name.en : entity.name.fr;
    const short = this.language === 'en' ? entity.name.shortEn : entity.name.shortFr;
    const surface = seen && short ? short : full;
    return this.mention(entity, surface, true);
  }

  /** Writes a description of the entity ("a public warning"): a mention, not an alias. */
  describe(entity: EntityRef, phrase: string): this {
    return this.mention(entity, phrase, false);
  }

  private mention(entity: EntityRef, surface: string, isName: boolean): this {
    const start = this.text.length;
    this.text += surface;
    let record = this.entities.get(entity.id);
    if (!record) {
      record = {
        id: entity.id,
        type: entity.type,
        name: entity.name.en,
        aliases: [],
        date: entity.date ?? null,
        ...(entity.date ? { datePrecision: 'DAY' as const } : {}),
        ...(entity.generic ? { generic: true } : {}),
        mentions: [],
      };
      this.entities.set(entity.id, record);
    }
    if (isName && !record.aliases.includes(surface)) record.aliases.push(surface);
    record.mentions.push({ start, end: this.text.length, text: surface });
    return this;
  }

  /** The current sentence states this relation. */
  states(type: RelationType, source: EntityRef, target: EntityRef): this {
    this.pending.push({ type, source: source.id, target: target.id });
    return this;
  }

  /** Ends the sentence: its span becomes the evidence of what it stated. */
  endSentence(): this {
    const evidence: Span = { start: this.sentenceStart, end: this.text.length };
    for (const relation of this.pending) {
      const key = `${relation.type}|${relation.source}|${relation.target}`;
      const existing = this.relations.get(key);
      if (existing) existing.evidence.push(evidence);
      else this.relations.set(key, { ...relation, evidence: [evidence] });
    }
    this.pending = [];
    this.text += ' ';
    this.sentenceStart = this.text.length;
    return this;
  }

  paragraph(): this {
    this.text = this.text.trimEnd() + '\n\n';
    this.sentenceStart = this.text.length;
    return this;
  }

  result(): ExtractionResult {
    return { language: this.language, entities: [...this.entities.values()], relations: [...this.relations.values()] };
  }
}

const BASE_DAY = Date.UTC(2016, 0, 1);
const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Document `index` of the corpus; independent of every other document. */
export function generateDocument(options: CorpusOptions, index: number): GeneratedDocument {
  const random = createRandom(mixSeed(options.seed, index));
  const pools = poolSizes(options.documents);
  const language: 'en' | 'fr' = random.chance(0.5) ? 'fr' : 'en';
  const publishedMs = BASE_DAY + random.int(9 * 365) * DAY_MS;
  const publishedAt = isoDay(publishedMs);

  const olderIndex = (own: number, size: number) => random.int(Math.max(1, Math.min(size, own + 1)));
  // Its own entities, then a few named before (or anywhere in the pool for the first documents).
  const actor = ref('Agency', agencyName(2 * index));
  const warner = ref('Agency', agencyName(2 * index + 1));
  const otherActor = ref('Agency', agencyName(random.int(pools.agencies)));
  const otherWarner = ref('Agency', agencyName(olderIndex(2 * index, pools.agencies)));
  const tactics = [0, 1, 2].map((k) => ref('Tactic', tacticName(3 * index + k)));
  const otherTactics = [0, 1].map(() => ref('Tactic', tacticName(random.int(pools.tactics))));
  const groups = [0, 1].map((k) => ref('TargetGroup', targetGroupName(2 * index + k)));
  const otherGroups = [0, 1].map(() => ref('TargetGroup', targetGroupName(random.int(pools.targetGroups))));
  const law = ref('Law', lawName(index % 2 === 0 ? index / 2 : random.int(pools.laws)));
  const eventKinds: EventKind[] = index % 2 === 0 ? [...EVENT_KINDS] : ['warning', 'arrest'];
  const events = eventKinds.map((kind, k) => {
    const main = kind === 'arrest' ? otherWarner : warner;
    const date = isoDay(publishedMs - (k * 3 + random.int(3)) * DAY_MS);
    const name: Named = {
      en: `${capitalise(kind)} by ${main.name.en} (${date})`,
      fr: `${capitalise(kind)} by ${main.name.en} (${date})`,
    };
    return { kind, main, entity: ref('Event', name, { id: entityId('Event', `${kind} ${main.name.en} ${date}`), date }) };
  });
  const generic = random.chance(0.1) ? ref('Agency', GENERIC_AGENCY, { generic: true }) : null;

  const t = new TextBuilder(language);
  const en = language === 'en';
  const [t1, t2, t3] = tactics as [EntityRef, EntityRef, EntityRef];
  const [t4, t5] = otherTactics as [EntityRef, EntityRef];
  const [g1, g2] = groups as [EntityRef, EntityRef];
  const [g3, g4] = otherGroups as [EntityRef, EntityRef];
  const warning = events[0]!;

  // Lede: who warned whom, about what.
  t.write(en ? 'On ' : 'Le ').write(writtenDate(warning.entity.date!, language)).write(', ');
  t.name(warner).write(en ? ' issued ' : ' a publié ').describe(warning.entity, EVENT_PHRASES.warning[language]);
  t.write(en ? ' addressed to ' : ' destinée aux ').name(g1).write('.');
  t.states('ISSUED', warner, warning.entity).states('INVOLVES', warning.entity, g1).endSentence();
  t.name(warner).write(en ? ' warned ' : ' a mis en garde les ').name(g1).write(en ? ' and ' : ' et les ').name(g2);
  t.write(en ? ' against approaches by ' : ' contre les approches de ').name(actor).write('.');
  t.states('WARNS', warner, g1).states('WARNS', warner, g2).endSentence();
  t.write(en ? 'The alert from ' : "L'alerte du ").name(warner).write(en ? ' also concerns ' : ' concerne aussi les ').name(g3).write('.');
  t.states('WARNS', warner, g3).endSentence();
  t.paragraph();

  // Methods: who uses what, aimed at whom.
  t.write(en ? 'According to ' : 'Selon ').name(warner).write(', ').name(actor);
  t.write(en ? ' relies on ' : ' a recours aux ').name(t1).write(en ? ' and on ' : ' ainsi qu’aux ').name(t2).write('.');
  t.states('USES', actor, t1).states('USES', actor, t2).endSentence();
  t.name(t1).write(en ? ' mainly targets ' : ' visent surtout les ').name(g1).write(en ? ' and ' : ' et les ').name(g3).write('.');
  t.states('TARGETS', t1, g1).states('TARGETS', t1, g3).endSentence();
  t.name(actor).write(en ? ' has also used ' : ' a aussi employé des ').name(t3);
  t.write(en ? ' against ' : ' contre les ').name(g2).write(en ? ', and ' : ', ainsi que des ').name(t4).write('.');
  t.states('USES', actor, t3).states('TARGETS', t3, g2).states('USES', actor, t4).endSentence();
  t.name(actor).write(en ? ' has also been linked to ' : ' a aussi été associé aux ').name(t5).write('.');
  t.states('USES', actor, t5).endSentence();
  t.name(t2).write(en ? ' are aimed at ' : ' visent les ').name(g2).write(en ? ', while ' : ', tandis que les ').name(t4);
  t.write(en ? ' target ' : ' ciblent les ').name(g4).write('.');
  t.states('TARGETS', t2, g2).states('TARGETS', t4, g4).endSentence();
  t.name(otherActor).write(en ? ' is said to use ' : ' utiliserait également des ').name(t1).write(en ? ' as well.' : '.');
  t.states('USES', otherActor, t1).endSentence();
  if (generic) {
    t.write(en ? 'Officials say ' : 'Selon les responsables, des ').name(generic);
    t.write(en ? ' also rely on ' : ' ont aussi recours aux ').name(t2).write('.');
    t.states('USES', generic, t2).endSentence();
  }
  t.paragraph();

  // Cases and the law.
  const arrest = events[1]!;
  t.write(en ? 'Separately, ' : 'Par ailleurs, ').name(otherWarner).write(en ? ' announced ' : ' a annoncé ');
  t.describe(arrest.entity, EVENT_PHRASES.arrest[language]).write(en ? ' on ' : ' le ').write(writtenDate(arrest.entity.date!, language));
  t.write(en ? ', in a case linked to ' : ', dans une affaire liée à ').name(actor).write('.');
  t.states('ISSUED', otherWarner, arrest.entity).states('INVOLVES', arrest.entity, actor).endSentence();
  t.name(otherWarner).write(en ? ' opened the investigation under the ' : " a ouvert l'enquête en vertu de la ").name(law).write('.');
  t.states('ENFORCES', otherWarner, law).endSentence();
  t.name(otherWarner).write(en ? ' has also warned ' : ' a également mis en garde les ').name(g4).write('.');
  t.states('WARNS', otherWarner, g4).endSentence();
  const advisory = events[2];
  if (advisory) {
    t.write(en ? 'On ' : 'Le ').write(writtenDate(advisory.entity.date!, language)).write(', ');
    t.name(warner).write(en ? ' followed up with ' : ' a complété par ').describe(advisory.entity, EVENT_PHRASES.advisory[language]);
    t.write(en ? ' on ' : ' sur les ').name(t3).write('.');
    t.states('ISSUED', warner, advisory.entity).states('INVOLVES', advisory.entity, t3).endSentence();
  }
  t.write(en ? 'Reference ' : 'Référence ').write(`${options.seed}-${index}.`).endSentence();

  const text = t.text.trim();
  const title = en
    ? `${warner.name.en} warns ${g1.name.en.toLowerCase()} about ${actor.name.shortEn ?? actor.name.en}`
    : `${capitalise(warner.name.fr)} met en garde les ${g1.name.fr}`;
  return {
    index,
    id: documentId(text),
    input: { text, title, sourceUrl: `https://news.example.org/${options.seed}/${index}`, language, publishedAt },
    truth: t.result(),
    words: countWords(text),
  };
}

/** Documents `from` to `to - 1`, one at a time (the 100k corpus never sits in memory whole). */
export function* generateCorpus(options: CorpusOptions, from = 0, to = options.documents): Generator<GeneratedDocument> {
  for (let index = from; index < to; index += 1) yield generateDocument(options, index);
}

export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

