import { loadGraphStats, type GraphStatsRecord } from '../store/stats.js';
import { builder } from './builder.js';
import { EntityTypeEnum } from './entity.js';
import { RelationTypeEnum } from './relations.js';

const EntityTypeCount = builder.simpleObject('EntityTypeCount', {
  fields: (t) => ({ type: t.field({ type: EntityTypeEnum }), count: t.int() }),
});

const RelationTypeCount = builder.simpleObject('RelationTypeCount', {
  fields: (t) => ({ type: t.field({ type: RelationTypeEnum }), count: t.int() }),
});

const GraphStats = builder.objectRef<GraphStatsRecord>('GraphStats').implement({
  description: 'What the graph holds.',
  fields: (t) => ({
    documents: t.exposeInt('documents'),
    entities: t.int({ resolve: (stats) => stats.entitiesByType.reduce((total, entry) => total + entry.count, 0) }),
    relations: t.int({ resolve: (stats) => stats.relationsByType.reduce((total, entry) => total + entry.count, 0) }),
    entitiesByType: t.field({ type: [EntityTypeCount], resolve: (stats) => stats.entitiesByType }),
    relationsByType: t.field({ type: [RelationTypeCount], resolve: (stats) => stats.relationsByType }),
  }),
});

builder.queryFields((t) => ({
  stats: t.field({
    type: GraphStats,
    description: 'Counts of documents, entities by type and relations by type.',
    resolve: (_root, _args, context) => loadGraphStats(context.store, context.queries),
  }),
}));
