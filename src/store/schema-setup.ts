import type { GraphStore } from './graph-store.js';
import { ENTITY_LABEL, RELATIONSHIP_TYPES, SCHEMA_STATEMENTS, relationFitsCondition } from './model.js';

// Relations stored before the write paths checked them against the relation table.
const COUNT_MISFIT_RELATIONS = `MATCH (a:${ENTITY_LABEL})-[r:${RELATIONSHIP_TYPES.join('|')}]->(b)
  WHERE NOT (CASE type(r) ${RELATIONSHIP_TYPES.map((type) => `WHEN '${type}' THEN ${relationFitsCondition(type, 'a', 'b')}`).join(' ')} END)
  RETURN count(r) AS misfits`;

/**
 * Creates constraints and indexes if missing and waits until they are online; then counts the
 * stored relations the relation table does not allow (older data), and lets relation reads drop
 * their label filters only when there are none (GraphStore.relationsFitOntology).
 */
export async function applySchema(store: GraphStore): Promise<void> {
  for (const statement of SCHEMA_STATEMENTS) {
    await store.driver.executeQuery(statement, {}, { database: store.database });
  }
  await store.driver.executeQuery('CALL db.awaitIndexes(60)', {}, { database: store.database });
  const { records } = await store.driver.executeQuery(COUNT_MISFIT_RELATIONS, {}, { database: store.database });
  store.relationsFitOntology = Number(records[0]?.get('misfits') ?? 1) === 0;
}
