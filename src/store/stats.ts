import type { EntityType } from '../domain/entities.js';
import type { RelationType } from '../domain/relations.js';
import type { GraphStore, QueryCounter } from './graph-store.js';
import { DOCUMENT_LABEL, ENTITY_LABELS, RELATIONSHIP_TYPES } from './model.js';

export interface GraphStatsRecord {
  documents: number;
  entitiesByType: { type: EntityType; count: number }[];
  relationsByType: { type: RelationType; count: number }[];
}

/**
 * Counts by entity type and relation type in one query. Each count is a label or relationship
 * type alone, which Neo4j answers from its count store without touching the graph.
 */
export async function loadGraphStats(store: GraphStore, counter?: QueryCounter): Promise<GraphStatsRecord> {
  const entityCounts = ENTITY_LABELS.map((label) => `${label}: COUNT { MATCH (:${label}) }`);
  const relationCounts = RELATIONSHIP_TYPES.map((type) => `${type}: COUNT { MATCH ()-[:${type}]->() }`);
  const rows = await store.read(
    `RETURN COUNT { MATCH (:${DOCUMENT_LABEL}) } AS documents,
       { ${entityCounts.join(', ')} } AS entities,
       { ${relationCounts.join(', ')} } AS relations`,
    {},
    counter,
  );
  const row = rows[0] ?? {};
  const entities = (row.entities ?? {}) as Record<string, number>;
  const relations = (row.relations ?? {}) as Record<string, number>;
  return {
    documents: (row.documents as number | undefined) ?? 0,
    entitiesByType: ENTITY_LABELS.map((type) => ({ type, count: entities[type] ?? 0 })),
    relationsByType: RELATIONSHIP_TYPES.map((type) => ({ type, count: relations[type] ?? 0 })),
  };
}
