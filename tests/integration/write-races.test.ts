import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { documentId, entityId } from '../../src/domain/ids.js';
import type { EntityType } from '../../src/domain/entities.js';
import type { RelationType } from '../../src/domain/relations.js';
import { ingestDocument } from '../../src/ingestion/ingest-document.js';
import { matchKey } from '../../src/domain/fold.js';
import { deleteDocument, mergeEntities, updateEntity } from '../../src/store/curation.js';
import type { WriteHooks } from '../../src/store/write-locks.js';
import { annotate, domainInput, type EntitySpec, type RelationSpec } from '../support/annotate.js';
import { createTestApp, type TestApp } from '../support/services.js';

/**
 * Loads, deletes, merges and updates racing on the same entities, on the real Neo4j. Each run is
 * drawn from a seed: which documents are loaded first, which two or three mutations then run at
 * once. The mutations are held at every point where they take write locks (the store's test
 * hook) and released one at a time in an order drawn from the seed, so the interleavings that
 * lost data before (a check made before the lock) happen on purpose. After each run the graph
 * must satisfy the invariants; for the three-mutation cases it must also equal the graph of one
 * of the six serial orders. A failure names its seed: `RACE_SEED=<seed>` replays that run alone.
 */

const RUNS = Number(process.env.RACE_RUNS) || 180;
const SERIAL_CASES = 20;
/** Races of updateEntity giving an entity a name that a concurrent load introduces. */
const NAME_CLAIM_CASES = 24;
/** Runs in flight at once: each has its own names, so they share no lock. */
const PARALLEL_RUNS = 4;
/** How long a released mutation may run before the next one is released anyway (it may be waiting on a lock). */
const STEP_MS = 15;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type DocName = 'D1' | 'D2' | 'D3' | 'D4' | 'D5' | 'D6' | 'D7';
/** The documents drawScenario picks from (D7 is for the name-claim races only). */
const DOC_NAMES: readonly DocName[] = ['D1', 'D2', 'D3', 'D4', 'D5', 'D6'];

interface Universe {
  tag: string;
  ids: { alpha: string; bravo: string };
  names: { alpha: string; bravo: string; charlie: string };
  docs: Record<DocName, { text: string; annotations: ReturnType<typeof annotate>; specs: EntitySpec[] }>;
  docIds: Record<string, DocName>;
}

/**
 * Six small documents: two agencies (Alpha, Bravo) that curation may merge or rename, students
 * and honey traps they share, and two new agencies (North Office, Northern Office) under
 * different names that share the alias "NO": loaded one after the other they are one node.
 * D7 brings a new agency, Charlie Cell, whose name a curator may give Alpha at the same time.
 */
function universe(tag: string): Universe {
  const alpha = `Alpha Service ${tag}`;
  const bravo = `Bravo Bureau ${tag}`;
  const students = `students ${tag}`;
  const traps = `honey traps ${tag}`;
  const north = `North Office ${tag}`;
  const northern = `Northern Office ${tag}`;
  const acronym = `NO ${tag}`;
  const charlie = `Charlie Cell ${tag}`;
  const A: EntitySpec = { type: 'Agency', name: alpha, mentions: [alpha] };
  const B: EntitySpec = { type: 'Agency', name: bravo, mentions: [bravo] };
  const S: EntitySpec = { type: 'TargetGroup', name: `Students ${tag}`, mentions: [students] };
  const H: EntitySpec = { type: 'Tactic', name: `Honey traps ${tag}`, mentions: [traps] };
  const N1: EntitySpec = { type: 'Agency', name: north, aliases: [acronym], mentions: [north] };
  const N2: EntitySpec = { type: 'Agency', name: northern, aliases: [acronym], mentions: [northern] };
  const C: EntitySpec = { type: 'Agency', name: charlie, mentions: [charlie] };
  const id = (spec: EntitySpec) => entityId(spec.type as EntityType, spec.name);
  const rel = (type: RelationType, source: EntitySpec, target: EntitySpec, evidence: string): RelationSpec => ({
    type,
    source: id(source),
    target: id(target),
    evidence,
  });
  const doc = (text: string, specs: EntitySpec[], relations: (text: string) => RelationSpec[]) => ({
    text,
    specs,
    annotations: annotate(text, specs, relations(text)),
  });
  const docs: Universe['docs'] = {
    D1: doc(`${alpha} warned ${students} about approaches.`, [A, S], (t) => [rel('WARNS', A, S, t)]),
    D2: doc(`${alpha} uses ${traps} against ${students}.`, [A, H, S], (t) => [
      rel('USES', A, H, t),
      rel('TARGETS', H, S, t),
    ]),
    D3: doc(`${bravo} warned ${students} as well.`, [B, S], (t) => [rel('WARNS', B, S, t)]),
    D4: doc(`${north}, known as ${acronym}, warned ${students}.`, [N1, S], (t) => [rel('WARNS', N1, S, t)]),
    D5: doc(`${northern} (${acronym}) uses ${traps}.`, [N2, H], (t) => [rel('USES', N2, H, t)]),
    D6: doc(`${bravo} and ${alpha} both use ${traps}.`, [B, A, H], (t) => [rel('USES', B, H, t), rel('USES', A, H, t)]),
    D7: doc(`${charlie} warned ${students} again.`, [C, S], (t) => [rel('WARNS', C, S, t)]),
  };
  const docIds = Object.fromEntries([...DOC_NAMES, 'D7' as const].map((name) => [documentId(docs[name].text), name]));
  return { tag, ids: { alpha: id(A), bravo: id(B) }, names: { alpha, bravo, charlie }, docs, docIds };
}

type Mutation =
  | { kind: 'load'; doc: DocName }
  | { kind: 'delete'; doc: DocName }
  | { kind: 'merge'; into: 'alpha' | 'bravo'; from: 'alpha' | 'bravo' }
  | { kind: 'rename'; entity: 'alpha' | 'bravo' }
  | { kind: 'curateAliases'; entity: 'alpha' | 'bravo' }
  /** Gives the entity Charlie Cell's name, as its name or as an alias. */
  | { kind: 'claimCharlie'; entity: 'alpha' | 'bravo'; asAlias: boolean };

interface Scenario {
  seed: number;
  initial: DocName[];
  mutations: Mutation[];
}

function drawScenario(seed: number, mutationCount: number): Scenario {
  const random = mulberry32(seed);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const initial = DOC_NAMES.filter((name) => name === 'D1' || random() < 0.45);
  const mutations: Mutation[] = [];
  // A quarter of the runs introduce the same new agency twice at once, under its two names.
  if (random() < 0.25 && !initial.includes('D4') && !initial.includes('D5')) {
    mutations.push({ kind: 'load', doc: 'D4' }, { kind: 'load', doc: 'D5' });
  }
  while (mutations.length < mutationCount) {
    const roll = random();
    const other = pick(['alpha', 'bravo'] as const);
    if (roll < 0.3) mutations.push({ kind: 'load', doc: pick(DOC_NAMES.filter((name) => !initial.includes(name))) ?? 'D2' });
    else if (roll < 0.55) mutations.push({ kind: 'delete', doc: pick(initial) });
    else if (roll < 0.75) mutations.push({ kind: 'merge', into: other, from: other === 'alpha' ? 'bravo' : 'alpha' });
    else if (roll < 0.88) mutations.push({ kind: 'rename', entity: other });
    else mutations.push({ kind: 'curateAliases', entity: other });
  }
  return { seed, initial, mutations: mutations.slice(0, mutationCount) };
}

function describeScenario(scenario: Scenario): string {
  const ops = scenario.mutations.map((m) =>
    m.kind === 'load' || m.kind === 'delete'
      ? `${m.kind} ${m.doc}`
      : m.kind === 'merge'
        ? `merge ${m.from} into ${m.into}`
        : m.kind === 'claimCharlie'
          ? `name ${m.entity} Charlie${m.asAlias ? ' (alias)' : ''}`
          : `${m.kind} ${m.entity}`,
  );
  return `seed ${scenario.seed}: loaded ${scenario.initial.join(', ')}; then ${ops.join(' | ')}`;
}

const EXPECTED_CODES = new Set(['NOT_FOUND', 'BAD_USER_INPUT']);

function runMutation(app: TestApp, world: Universe, mutation: Mutation, hooks?: WriteHooks): Promise<unknown> {
  switch (mutation.kind) {
    case 'load': {
      const doc = world.docs[mutation.doc];
      return ingestDocument(
        app.store,
        domainInput({ text: doc.text, language: 'en', annotations: doc.annotations }),
        { maxDocumentChars: 100_000, useExtractor: false, hooks },
      );
    }
    case 'delete':
      return deleteDocument(app.store, documentId(world.docs[mutation.doc].text), undefined, hooks);
    case 'merge':
      return mergeEntities(app.store, world.ids[mutation.into], world.ids[mutation.from], undefined, hooks);
    case 'rename':
      return updateEntity(app.store, world.ids[mutation.entity], { name: `${world.names[mutation.entity]} renamed` }, undefined, hooks);
    case 'curateAliases':
      return updateEntity(
        app.store,
        world.ids[mutation.entity],
        { aliases: [world.names[mutation.entity], `${world.names[mutation.entity]} curated`] },
        undefined,
        hooks,
      );
    case 'claimCharlie':
      return updateEntity(
        app.store,
        world.ids[mutation.entity],
        mutation.asAlias
          ? { aliases: [world.names[mutation.entity], world.names.charlie] }
          : { name: world.names.charlie },
        undefined,
        hooks,
      );
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, ms: number): Promise<void> {
  const deadline = performance.now() + ms;
  while (!condition() && performance.now() < deadline) await sleep(1);
}

/**
 * Runs the mutations at once. Each stops at every lock point; once all are stopped (or have
 * run a step), one drawn from the seed goes on. A mutation waiting on a database lock never
 * reaches the next stop: after STEP_MS the next one is released anyway, so the schedule always
 * makes progress, and the database decides who waits for whom.
 */
async function runConcurrently(app: TestApp, world: Universe, mutations: Mutation[], seed: number): Promise<void> {
  const random = mulberry32(seed ^ 0x9e3779b9);
  const stopped = new Map<number, () => void>();
  let finished = 0;
  const outcomes = mutations.map((mutation, index) =>
    runMutation(app, world, mutation, {
      beforeLock: () => new Promise<void>((resolve) => stopped.set(index, resolve)),
    })
      .then(
        () => null,
        (error: unknown) => error,
      )
      .finally(() => {
        finished += 1;
      }),
  );
  const allHeld = () => stopped.size + finished === mutations.length;
  // All reach their first lock point before any goes on.
  await until(allHeld, 10_000);
  while (finished < mutations.length) {
    const waiting = [...stopped.keys()].sort();
    if (waiting.length > 0) {
      const index = waiting[Math.floor(random() * waiting.length)]!;
      const release = stopped.get(index)!;
      stopped.delete(index);
      release();
    }
    await until(allHeld, STEP_MS);
  }
  for (const error of await Promise.all(outcomes)) {
    if (error === null) continue;
    if (error instanceof AppError && EXPECTED_CODES.has(error.code)) continue;
    throw error;
  }
}

async function runSerially(app: TestApp, world: Universe, mutations: Mutation[]): Promise<void> {
  for (const mutation of mutations) {
    try {
      await runMutation(app, world, mutation);
    } catch (error) {
      if (!(error instanceof AppError && EXPECTED_CODES.has(error.code))) throw error;
    }
  }
}

async function loadInitial(app: TestApp, world: Universe, initial: DocName[]): Promise<void> {
  await runSerially(
    app,
    world,
    initial.map((doc) => ({ kind: 'load', doc })),
  );
}

/** Broken invariants in one universe's part of the graph (empty when all hold). */
async function violations(app: TestApp, world: Universe): Promise<string[]> {
  const [row] = await app.store.read(
    `CALL {
       MATCH (d:Document) WHERE d.id IN $docIds
       RETURN collect({id: d.id, mentioned: [(d)-[:MENTIONS]->(n:Entity) | n { .id, matchKeys: coalesce(n.matchKeys, []) }]}) AS documents
     }
     CALL {
       MATCH (n:Entity) WHERE n.name CONTAINS $tag
       RETURN collect(n { .id, .type, matchKeys: coalesce(n.matchKeys, []),
         mentionedBy: [(d:Document)-[:MENTIONS]->(n) | d.id] }) AS entities
     }
     CALL {
       MATCH (r:Redirect) WHERE r.id CONTAINS $tag
       OPTIONAL MATCH (e:Entity {id: r.id})
       OPTIONAL MATCH (t:Entity {id: r.target})
       RETURN collect({id: r.id, alsoEntity: e IS NOT NULL, targetExists: t IS NOT NULL}) AS redirects
     }
     CALL {
       MATCH (a:Entity)-[r]->(b:Entity) WHERE a.name CONTAINS $tag
       RETURN collect({key: a.id + '|' + type(r) + '|' + b.id, weight: r.weight, docIds: r.docIds, evidence: r.evidence,
         supporters: [id IN r.docIds WHERE EXISTS { (:Document {id: id})-[:MENTIONS]->(a) }
           AND EXISTS { (:Document {id: id})-[:MENTIONS]->(b) }]}) AS relations
     }
     CALL { MATCH (l:WriteLock) RETURN count(l) AS locks }
     RETURN documents, entities, redirects, relations, locks`,
    { docIds: Object.keys(world.docIds), tag: world.tag },
  );
  const problems: string[] = [];
  for (const redirect of row!.redirects as { id: string; alsoEntity: boolean; targetExists: boolean }[]) {
    if (redirect.alsoEntity) problems.push(`${redirect.id} is both an Entity and a Redirect`);
    if (!redirect.targetExists) problems.push(`redirect ${redirect.id} leads to no entity`);
  }
  const [redirectTargets] = await app.store.read(
    `MATCH (r:Redirect) WHERE r.id CONTAINS $tag RETURN collect([r.id, r.target]) AS pairs`,
    { tag: world.tag },
  );
  const targetOf = new Map((redirectTargets!.pairs as [string, string][]).map(([from, to]) => [from, to]));
  // Every document has its MENTIONS: each entity it names lands on an entity it mentions, by
  // id, by the redirect a merge left, or by a shared name.
  for (const document of row!.documents as { id: string; mentioned: { id: string; matchKeys: string[] }[] }[]) {
    const name = world.docIds[document.id]!;
    for (const spec of world.docs[name].specs) {
      const specId = entityId(spec.type as EntityType, spec.name);
      const keys = [spec.name, ...(spec.aliases ?? [])].map(matchKey);
      const lands = document.mentioned.some(
        (entity) =>
          entity.id === specId ||
          entity.id === targetOf.get(specId) ||
          entity.matchKeys.some((key) => keys.includes(key)),
      );
      if (!lands) problems.push(`${name} has no MENTIONS for ${spec.name} (${specId})`);
    }
  }
  const keyOwners = new Map<string, string[]>();
  for (const entity of row!.entities as { id: string; type: string; matchKeys: string[]; mentionedBy: string[] }[]) {
    if (entity.mentionedBy.length === 0) problems.push(`${entity.id} is mentioned by no document`);
    for (const key of new Set(entity.matchKeys)) {
      const owner = `${entity.type}|${key}`;
      keyOwners.set(owner, [...(keyOwners.get(owner) ?? []), entity.id]);
    }
  }
  for (const [key, owners] of keyOwners) {
    if (owners.length > 1) problems.push(`${owners.join(' and ')} share the name ${key}`);
  }
  for (const relation of row!.relations as {
    key: string;
    weight: number;
    docIds: string[];
    evidence: string[];
    supporters: string[];
  }[]) {
    if (relation.weight !== relation.docIds.length || new Set(relation.docIds).size !== relation.docIds.length) {
      problems.push(`${relation.key}: weight ${relation.weight} but documents ${JSON.stringify(relation.docIds)}`);
    }
    if (relation.supporters.length !== relation.docIds.length) {
      problems.push(`${relation.key}: supported by ${JSON.stringify(relation.docIds)}, of which only ${JSON.stringify(relation.supporters)} mention both ends`);
    }
    for (const evidence of relation.evidence ?? []) {
      if (!relation.docIds.some((id) => evidence.startsWith(`${id}:`))) problems.push(`${relation.key}: evidence ${evidence} from no supporting document`);
    }
  }
  if ((row!.locks as number) > 0) problems.push(`${row!.locks as number} write locks left behind`);
  return problems;
}

/** The universe's graph as text, with its tag and document ids replaced, so two universes compare. */
async function canonicalDump(app: TestApp, world: Universe): Promise<string> {
  const rows = await app.store.read(
    `CALL {
       MATCH (n:Entity) WHERE n.name CONTAINS $tag
       RETURN collect({id: n.id, type: n.type, name: n.name, mentionCount: n.mentionCount, nameCurated: n.nameCurated,
         aliasesCurated: n.aliasesCurated, aliases: [i IN range(0, size(n.aliases) - 1) | n.aliases[i] + '/' + n.aliasLanguages[i]],
         matchKeys: n.matchKeys}) AS entities
     }
     CALL {
       MATCH (d:Document) WHERE d.id IN $docIds
       RETURN collect({id: d.id, version: d.extractorVersion,
         mentions: [(d)-[m:MENTIONS]->(n) | n.id + '=' + reduce(s = '', x IN m.spans | s + x + ',')]}) AS documents
     }
     CALL {
       MATCH (a:Entity)-[r]->(b:Entity) WHERE a.name CONTAINS $tag
       RETURN collect({key: a.id + '|' + type(r) + '|' + b.id, weight: r.weight, docIds: r.docIds, evidence: r.evidence}) AS relations
     }
     CALL {
       MATCH (r:Redirect) WHERE r.id CONTAINS $tag
       RETURN collect(r.id + '->' + r.target) AS redirects
     }
     RETURN entities, documents, relations, redirects`,
    { tag: world.tag, docIds: Object.keys(world.docIds) },
  );
  // Ids and the tag are replaced first, then everything is sorted: two universes list the
  // same graph in the same order.
  let raw = JSON.stringify(rows[0]!);
  for (const [id, name] of Object.entries(world.docIds)) raw = raw.split(id).join(name);
  const graph = JSON.parse(raw.split(world.tag).join('TAG')) as Record<string, Record<string, unknown>[]>;
  const sortStrings = (list: unknown) => [...((list as string[] | null) ?? [])].sort();
  const by = (field: string) => (a: Record<string, unknown>, b: Record<string, unknown>) =>
    String(a[field]).localeCompare(String(b[field]));
  return JSON.stringify({
    entities: graph
      .entities!.map((entity) => ({ ...entity, aliases: sortStrings(entity.aliases), matchKeys: sortStrings(entity.matchKeys) }))
      .sort(by('id')),
    documents: graph.documents!.map((document) => ({ ...document, mentions: sortStrings(document.mentions) })).sort(by('id')),
    relations: graph
      .relations!.map((relation) => ({ ...relation, docIds: sortStrings(relation.docIds), evidence: sortStrings(relation.evidence) }))
      .sort(by('key')),
    redirects: sortStrings(graph.redirects),
  });
}

/**
 * Runs the scenario's mutations at once, checks the invariants, and compares the graph with each
 * serial order of the same mutations: null when it equals one of them, else what differs.
 */
async function raceAgainstSerialOrders(app: TestApp, scenario: Scenario): Promise<string | null> {
  try {
    const raced = universe(freshTag());
    await loadInitial(app, raced, scenario.initial);
    await runConcurrently(app, raced, scenario.mutations, scenario.seed);
    const problems = await violations(app, raced);
    if (problems.length > 0) throw new Error(problems.join('; '));
    const result = await canonicalDump(app, raced);
    const serialResults: string[] = [];
    for (const order of permutations(scenario.mutations)) {
      const serial = universe(freshTag());
      await loadInitial(app, serial, scenario.initial);
      await runSerially(app, serial, order);
      const dump = await canonicalDump(app, serial);
      if (dump === result) return null;
      serialResults.push(dump);
    }
    return `${describeScenario(scenario)}\n    raced:  ${result}\n    serial: ${serialResults.join('\n    or:     ')}`;
  } catch (error) {
    return `${describeScenario(scenario)}\n    threw ${error instanceof Error ? error.stack : String(error)}`;
  }
}

function permutations<T>(list: readonly T[]): T[][] {
  if (list.length <= 1) return [list.slice()];
  return list.flatMap((item, i) => permutations([...list.slice(0, i), ...list.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/** Tags of one length, so that offsets and evidence ranges agree between universes. */
let tagCounter = 0;
const runPrefix = `w${Date.now().toString(36).slice(-5)}`;
function freshTag(): string {
  tagCounter += 1;
  return `${runPrefix}x${tagCounter.toString(36).padStart(4, '0')}`;
}

async function cleanUp(app: TestApp): Promise<void> {
  await app.store.write((tx) =>
    tx.run(
      `MATCH (n) WHERE (n:Entity AND n.name CONTAINS $prefix) OR (n:Redirect AND n.id CONTAINS $prefix)
         OR (n:Document AND n.text CONTAINS $prefix)
       DETACH DELETE n`,
      { prefix: runPrefix },
    ),
  );
}

describe('concurrent loads and curation', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await cleanUp(app);
    await app.close();
  });

  const only = process.env.RACE_SEED ? Number(process.env.RACE_SEED) : null;

  it(`keeps the invariants through ${RUNS} seeded races of two or three mutations`, async () => {
    const base = only ?? Math.floor(Math.random() * 1e9);
    const seeds = only !== null ? [only] : Array.from({ length: RUNS }, (_, i) => base + i);
    const failures: string[] = [];
    const started = performance.now();
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < seeds.length; i = next++) {
        const seed = seeds[i]!;
        const scenario = drawScenario(seed, seed % 3 === 0 ? 3 : 2);
        const world = universe(freshTag());
        try {
          await loadInitial(app, world, scenario.initial);
          const t0 = performance.now();
          await runConcurrently(app, world, scenario.mutations, seed);
          if (process.env.RACE_DEBUG) process.stderr.write(`${(performance.now() - t0).toFixed(0)} ms ${describeScenario(scenario)}\n`);
          const problems = await violations(app, world);
          if (problems.length > 0) failures.push(`${describeScenario(scenario)}\n    ${problems.join('\n    ')}`);
        } catch (error) {
          failures.push(`${describeScenario(scenario)}\n    threw ${error instanceof Error ? error.stack : String(error)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_RUNS }, worker));
    process.stderr.write(`write races: ${seeds.length} runs in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    expect(failures, `replay one with RACE_SEED=<seed>\n${failures.join('\n')}`).toEqual([]);
  }, 600_000);

  it(`ends ${SERIAL_CASES} three-mutation races in the graph of one of their serial orders`, async () => {
    const base = only ?? Math.floor(Math.random() * 1e9);
    const seeds = only !== null ? [only] : Array.from({ length: SERIAL_CASES }, (_, i) => base + i * 7919);
    const failures: string[] = [];
    const started = performance.now();
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < seeds.length; i = next++) {
        const seed = seeds[i]!;
        const scenario = drawScenario(seed, 3);
        const failure = await raceAgainstSerialOrders(app, scenario);
        if (failure) failures.push(failure);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_RUNS }, worker));
    process.stderr.write(`serial orders: ${seeds.length} cases in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    expect(failures, `replay one with RACE_SEED=<seed>\n${failures.join('\n')}`).toEqual([]);
  }, 600_000);

  it(`ends ${NAME_CLAIM_CASES} races of a rename and a load bringing the same new name with one entity holding it`, async () => {
    const base = only ?? Math.floor(Math.random() * 1e9);
    const seeds = only !== null ? [only] : Array.from({ length: NAME_CLAIM_CASES }, (_, i) => base + i * 104_729);
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < seeds.length; i = next++) {
        const seed = seeds[i]!;
        const random = mulberry32(seed);
        const entity = random() < 0.5 ? 'alpha' : 'bravo';
        const scenario: Scenario = {
          seed,
          initial: ['D1', 'D3'],
          mutations: [
            { kind: 'claimCharlie', entity, asAlias: random() < 0.5 },
            { kind: 'load', doc: 'D7' },
          ],
        };
        // The invariants include: no two entities of a type share a match key.
        const failure = await raceAgainstSerialOrders(app, scenario);
        if (failure) failures.push(failure);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_RUNS }, worker));
    expect(failures, `replay one with RACE_SEED=<seed>\n${failures.join('\n')}`).toEqual([]);
  }, 600_000);
});
