import { matchKey } from '../domain/fold.js';
import { ANY_RELATION } from './entities.js';
import type { GraphStore } from './graph-store.js';
import { ENTITY_LABEL, RELATIONSHIP_TYPES, SCHEMA_STATEMENTS, relationFitsCondition } from './model.js';
import { int } from './values.js';

/** Entities filled per transaction when a stored value is missing. */
const BACKFILL_BATCH = 5_000;

// Relations stored before the write paths checked them against the relation table.
const COUNT_MISFIT_RELATIONS = `MATCH (a:${ENTITY_LABEL})-[r:${RELATIONSHIP_TYPES.join('|')}]->(b)
  WHERE NOT (CASE type(r) ${RELATIONSHIP_TYPES.map((type) => `WHEN '${type}' THEN ${relationFitsCondition(type, 'a', 'b')}`).join(' ')} END)
  RETURN count(r) AS misfits`;

/**
 * Creates constraints and indexes if missing and waits until they are online; fills the stored
 * values that a database written by an earlier version lacks; then counts the stored relations the
 * relation table does not allow (older data), and lets relation reads drop their label filters only
 * when there are none (GraphStore.relationsFitOntology).
 */
export async function applySchema(store: GraphStore): Promise<void> {
  for (const statement of SCHEMA_STATEMENTS) {
    await store.driver.executeQuery(statement, {}, { database: store.database });
  }
  await store.driver.executeQuery('CALL db.awaitIndexes(60)', {}, { database: store.database });
  await backfillNameKeys(store);
  await backfillDegrees(store);
  const { records } = await store.driver.executeQuery(COUNT_MISFIT_RELATIONS, {}, { database: store.database });
  store.relationsFitOntology = Number(records[0]?.get('misfits') ?? 1) === 0;
}

/** `degree` (model.ts) on entities written before it existed, counted from their relationships. */
async function backfillDegrees(store: GraphStore): Promise<void> {
  for (;;) {
    const { records } = await store.driver.executeQuery(
      `MATCH (n:${ENTITY_LABEL}) WHERE n.degree IS NULL
       WITH n LIMIT $batch
       SET n.degree = COUNT { (n)-[:${ANY_RELATION}]-() }
       RETURN count(n) > 0 AS filled`,
      { batch: int(BACKFILL_BATCH) },
      { database: store.database },
    );
    if (records[0]?.get('filled') !== true) return;
  }
}

/**
 * `nameKey` (the folded name search ranks by, model.ts) on entities written before it existed.
 * Folding is domain/fold.ts, not Cypher, so the names are read, folded here and written back.
 */
async function backfillNameKeys(store: GraphStore): Promise<void> {
  for (;;) {
    const { records } = await store.driver.executeQuery(
      `MATCH (n:${ENTITY_LABEL}) WHERE n.nameKey IS NULL RETURN n.id AS id, coalesce(n.name, '') AS name LIMIT $batch`,
      { batch: int(BACKFILL_BATCH) },
      { database: store.database },
    );
    if (records.length === 0) return;
    const rows = records.map((record) => ({ id: record.get('id') as string, key: matchKey(record.get('name') as string) }));
    await store.driver.executeQuery(
      `UNWIND $rows AS row MATCH (n:${ENTITY_LABEL} {id: row.id}) WHERE n.nameKey IS NULL SET n.nameKey = row.key`,
      { rows },
      { database: store.database },
    );
  }
}
