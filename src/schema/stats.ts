import { loadGraphStats, type GraphStatsRecord } from '../store/stats.js';
import { builder } from './builder.js';
import { EntityTypeEnum } from './entity.js';
import { RelationTypeEnum } from './relations.js';

const EntityTypeCount = builder.simpleObject('EntityTypeCount', {
  description: 'How many entities of one type the graph holds.',
  fields: (t) => ({
    type: t.field({ type: EntityTypeEnum, description: 'The entity type.' }),
    count: t.int({ description: 'Entities of that type (redirects of merged ones not counted).' }),
  }),
});

const RelationTypeCount = builder.simpleObject('RelationTypeCount', {
  description: 'How many relations of one type the graph holds.',
  fields: (t) => ({
    type: t.field({ type: RelationTypeEnum, description: 'The relation type.' }),
    count: t.int({ description: 'Relations of that type.' }),
  }),
});

const GraphStats = builder.objectRef<GraphStatsRecord>('GraphStats').implement({
  description: 'What the graph holds.',
  fields: (t) => ({
    documents: t.exposeInt('documents', { description: 'Loaded documents.' }),
    entities: t.int({ description: 'Entities of every type.', resolve: (stats) => stats.entitiesByType.reduce((total, entry) => total + entry.count, 0) }),
    relations: t.int({ description: 'Relations of every type.', resolve: (stats) => stats.relationsByType.reduce((total, entry) => total + entry.count, 0) }),
    entitiesByType: t.field({
      type: [EntityTypeCount],
      description: 'Entity counts per type.',
      resolve: (stats) => stats.entitiesByType,
    }),
    relationsByType: t.field({
      type: [RelationTypeCount],
      description: 'Relation counts per type.',
      resolve: (stats) => stats.relationsByType,
    }),
  }),
});

builder.queryFields((t) => ({
  stats: t.field({
    type: GraphStats,
    description: 'Counts of documents, entities by type and relations by type.',
    resolve: (_root, _args, context) => loadGraphStats(context.store, context.queries),
  }),
}));
