import type { GraphStore } from './graph-store.js';
import { SCHEMA_STATEMENTS } from './model.js';

/** Creates constraints and indexes if missing and waits until they are online. */
export async function applySchema(store: GraphStore): Promise<void> {
  for (const statement of SCHEMA_STATEMENTS) {
    await store.driver.executeQuery(statement, {}, { database: store.database });
  }
  await store.driver.executeQuery('CALL db.awaitIndexes(60)', {}, { database: store.database });
}
