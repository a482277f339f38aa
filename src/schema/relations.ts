import { offsetToCursor } from '@pothos/plugin-relay';
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { entityTypeOfId } from '../domain/ids.js';
import { RELATION_TYPES, RELATIONS, otherEndTypes, relationFieldsOn, type RelationField, type RelationType } from '../domain/relations.js';
import { ENTITY_TYPES, type EntityType } from '../domain/entities.js';
import type { DocumentRecord } from '../store/documents.js';
import { loadTextCuts, type EntityRecord } from '../store/entities.js';
import type { GraphQLResolveInfo } from 'graphql';
import {
  countRelations,
  loadEntitiesWithRelations,
  loadRelationPages,
  type RelationEdgeRecord,
  type RelationPageRecord,
  type RelationPlan,
  type RelationSelection,
} from '../store/relations.js';
import { builder } from './builder.js';
import type { RequestContext } from './context.js';
import { DocumentNode } from './document.js';
import { ENTITY_REFS, EntityRef, EntityTypeEnum } from './entity.js';
import { checkPageArgs, offsetOfCursor } from './pagination.js';
import {
  pathKey,
  planOnce,
  plansBelow,
  prefetchedPages,
  projectPlans,
  registerRelationField,
  relationPlansIn,
  rootEntityProjection,
  type RelationArgs,
} from './relation-prefetch.js';

/**
 * Relationship connections. Every relation field (typed ones such as `Agency.tactics`, and the
 * generic `Entity.related`) is a Pothos loadable field with `byPath: true`: all entities at the
 * same place in a query share one loader and the same arguments, so a level of nesting costs one
 * Cypher query however many entities it holds. On top of that, a level's query reads ahead the
 * relation fields nested below it (relation-prefetch.ts), so a nested query usually costs fewer
 * round trips than levels. Edges carry the relation's support.
 */

export const RelationTypeEnum = builder.enumType('RelationType', {
  description: 'Typed relations between entities (see the ontology for their direction).',
  values: Object.fromEntries(
    RELATION_TYPES.map((type) => [type, { description: RELATIONS[type].description }]),
  ) as Record<RelationType, { description: string }>,
});

export const RelationDirectionEnum = builder.enumType('RelationDirection', {
  description: 'Which way a relation points, seen from the entity a field hangs from.',
  values: {
    OUT: { description: 'From the entity to the other one.' },
    IN: { description: 'From the other entity to this one.' },
    BOTH: { description: 'Either way.' },
  } as const,
});

/** Default page of a relation connection when `first` is not given. */
export const DEFAULT_RELATION_PAGE = 20;

interface EvidenceShape {
  documentId: string;
  start: number;
  end: number;
}

function parseEvidence(value: string): EvidenceShape | null {
  // `docId:start:end`, where the document id itself holds a colon (`document:…`).
  const match = /^(.+):(\d+):(\d+)$/.exec(value);
  if (!match) return null;
  return { documentId: match[1]!, start: Number(match[2]), end: Number(match[3]) };
}

/** Evidence sentences per request, cut inside Neo4j (not the whole text), one round trip per batch. */
const evidenceTextLoader = createContextCache(
  (context: RequestContext) =>
    new DataLoader<EvidenceShape, string | null, string>((cuts) => loadTextCuts(context.store, cuts, context.queries), {
      cacheKeyFn: (cut) => `${cut.documentId}:${cut.start}:${cut.end}`,
    }),
);

const Evidence = builder.objectRef<EvidenceShape>('Evidence').implement({
  description: 'A sentence that supports a relation.',
  fields: (t) => ({
    document: t.field({ type: DocumentNode, description: 'The document the sentence is in.', resolve: (evidence) => evidence.documentId }),
    start: t.exposeInt('start', { description: 'UTF-16 offset into the document text.' }),
    end: t.exposeInt('end', { description: 'UTF-16 offset, exclusive.' }),
    text: t.string({
      description: 'The sentence itself.',
      resolve: async (evidence, _args, context) => (await evidenceTextLoader(context).load(evidence)) ?? '',
    }),
  }),
});

/** An edge's cursor is its position, encoded only when a client selects it (most reads never do). */
type RelationEdgeShape = RelationEdgeRecord;

interface RelationConnectionShape {
  ownerId: string;
  selection: RelationSelection;
  edges: RelationEdgeShape[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** `totalCount` is asked for less often than edges, so it has its own batched query. */
const relationCountLoader = createContextCache(
  (context: RequestContext) =>
    new DataLoader<{ ownerId: string; selection: RelationSelection }, number, string>(
      async (keys) => {
        // Keys at one place in a query share their selection; group anyway, to stay correct.
        const groups = new Map<string, { selection: RelationSelection; ownerIds: string[] }>();
        for (const key of keys) {
          const group = groups.get(selectionKey(key.selection)) ?? { selection: key.selection, ownerIds: [] };
          group.ownerIds.push(key.ownerId);
          groups.set(selectionKey(key.selection), group);
        }
        const totals = new Map<string, number>();
        await Promise.all(
          [...groups.entries()].map(async ([groupKey, group]) => {
            const counts = await countRelations(context.store, group.ownerIds, group.selection, context.queries);
            group.ownerIds.forEach((ownerId, index) => totals.set(`${groupKey}|${ownerId}`, counts[index] ?? 0));
          }),
        );
        return keys.map((key) => totals.get(`${selectionKey(key.selection)}|${key.ownerId}`) ?? 0);
      },
      { cacheKeyFn: (key) => `${selectionKey(key.selection)}|${key.ownerId}` },
    ),
);

function selectionKey(selection: RelationSelection): string {
  return JSON.stringify([selection.relationTypes, selection.direction, selection.otherTypes, selection.otherTypesImplied ?? false]);
}

/** The connection and edge types for relations whose other end is `nodeRef`. */
function relationConnection(name: string, nodeRef: any) {
  const edge = builder.objectRef<RelationEdgeShape>(`${name}RelationEdge`).implement({
    description: 'One relation, with the documents and sentences that support it.',
    fields: (t) => ({
      cursor: t.string({
        description: 'Opaque position of this edge, to pass as `after`.',
        resolve: (edge) => offsetToCursor(edge.position),
      }),
      node: t.field({ type: nodeRef, description: 'The entity at the other end.', resolve: (edge) => edge.node as never }),
      type: t.field({ type: RelationTypeEnum, description: 'The relation type.', resolve: (edge) => edge.type }),
      direction: t.field({
        type: RelationDirectionEnum,
        description: 'OUT when the entity the connection hangs from is the source.',
        resolve: (edge) => edge.direction,
      }),
      weight: t.exposeInt('weight', { description: 'Number of documents that support the relation.' }),
      documentCount: t.int({
        description: 'Number of supporting documents still loaded (`documents` lists them); weight is kept as written.',
        resolve: (edge) => edge.docIds.length,
      }),
      documents: t.field({
        type: [DocumentNode],
        description: 'The supporting documents (those still loaded).',
        resolve: async (edge, _args, context) => {
          const documents = await DocumentNode.getDataloader(context).loadMany(edge.docIds);
          return documents.filter(
            (document): document is DocumentRecord => document !== null && !(document instanceof Error),
          );
        },
      }),
      evidence: t.field({
        type: [Evidence],
        description: 'The supporting sentences.',
        resolve: (edge) => edge.evidence.map(parseEvidence).filter((evidence) => evidence !== null),
      }),
    }),
  });
  return builder.objectRef<RelationConnectionShape>(`${name}RelationConnection`).implement({
    description: `A page of relations whose other end is ${name === 'Entity' ? 'any entity' : `a ${name}`}, strongest support first.`,
    fields: (t) => ({
      edges: t.field({ type: [edge], description: 'The relations of this page.', resolve: (connection) => connection.edges }),
      pageInfo: t.field({
        type: builder.pageInfoRef(),
        description: 'Cursors of the page ends and whether more relations follow.',
        resolve: (connection) => connection.pageInfo,
      }),
      totalCount: t.int({
        description: 'All matching relations, not only this page.',
        resolve: (connection, _args, context) =>
          relationCountLoader(context).load({ ownerId: connection.ownerId, selection: connection.selection }),
      }),
    }),
  });
}

export const EntityRelationConnection = relationConnection('Entity', EntityRef);

/** The connection of relations whose other end is of a given type. */
const RELATION_CONNECTIONS = Object.fromEntries(
  ENTITY_TYPES.map((type) => [type, relationConnection(type, ENTITY_REFS[type])]),
) as Record<EntityType, ReturnType<typeof relationConnection>>;

/** Reads `first`/`after` into an offset page; only forward paging, which is all a graph needs. */
function relationPage(args: { first?: number | null; after?: string | null }, context: RequestContext) {
  checkPageArgs(args, context.config.limits.maxPageSize);
  const offset = args.after ? offsetOfCursor(args.after, 'after') + 1 : 0;
  return { offset, limit: args.first ?? DEFAULT_RELATION_PAGE };
}

function toConnection(page: RelationPageRecord, plan: RelationPlan): RelationConnectionShape {
  // Cursors are encoded only when selected (the getters): most reads never ask for them.
  const offset = plan.page.offset;
  const edges = page.edges;
  return {
    ownerId: page.ownerId,
    selection: plan.selection,
    edges,
    pageInfo: {
      hasNextPage: page.hasMore,
      hasPreviousPage: offset > 0,
      get startCursor() {
        return edges.length > 0 ? offsetToCursor(offset) : null;
      },
      get endCursor() {
        return edges.length > 0 ? offsetToCursor(offset + edges.length - 1) : null;
      },
    },
  };
}

/** Leaves the pages read ahead for nested fields where their loaders will look. */
function keepPrefetched(cache: Map<string, unknown>, base: string, page: RelationPageRecord, plan: RelationPlan): void {
  for (const edge of page.edges) {
    for (const [below, child] of Object.entries(plan.children)) {
      const nested = edge.nested[below];
      if (!nested) continue;
      cache.set(`${base}.${below}|${edge.node.id}`, toConnection(nested, child));
      keepPrefetched(cache, `${base}.${below}`, nested, child);
    }
  }
}

/**
 * The batch of one relation field: pages read ahead by a parent field come from the request's
 * cache; the rest is one query, which also reads the relation fields nested below (look-ahead).
 */
async function loadConnections(
  ownerIds: readonly string[],
  selection: RelationSelection,
  args: { first?: number | null; after?: string | null },
  context: RequestContext,
  info: GraphQLResolveInfo,
  nodeType: string | null,
): Promise<RelationConnectionShape[]> {
  const base = pathKey(info.path);
  const cache = prefetchedPages(context);
  const cached = new Map<string, RelationConnectionShape>();
  for (const ownerId of ownerIds) {
    const hit = cache.get(`${base}|${ownerId}`) as RelationConnectionShape | undefined;
    if (hit) cached.set(ownerId, hit);
  }
  const missing = ownerIds.filter((ownerId) => !cached.has(ownerId));
  if (missing.length > 0) {
    const plan: RelationPlan = {
      selection,
      page: relationPage(args, context),
      children: plansBelow(info.fieldNodes, nodeType, info, (nestedArgs) => relationPage(nestedArgs, context)),
      nodeFields: 'full',
      support: true,
      weight: true,
    };
    // The loader serves every object at this path: read what any of their selections needs.
    projectPlans({ [base]: plan }, '', info);
    const pages = await loadRelationPages(context.store, missing, plan, context.queries);
    for (const page of pages) {
      cached.set(page.ownerId, toConnection(page, plan));
      keepPrefetched(cache, base, page, plan);
    }
  }
  return ownerIds.map((ownerId) => cached.get(ownerId)!);
}

/** One loader per place in the query (path with list indexes as `*`) and request: byPath batching. */
const connectionLoaders = createContextCache(() => new Map<string, DataLoader<string, RelationConnectionShape>>());

/**
 * Resolves a relation field of `entity`: a page read ahead by a parent field is in the request's
 * cache and returned as it is (no loader, no promise: most fields of a nested query end here);
 * otherwise the field's loader for its place in the query batches the owners of that level into
 * one query (which reads ahead the levels below).
 */
function resolveConnection(
  entity: EntityRecord,
  args: RelationArgs & { first?: number | null; after?: string | null },
  context: RequestContext,
  info: GraphQLResolveInfo,
  selection: RelationSelection,
  nodeType: string | null,
): RelationConnectionShape | Promise<RelationConnectionShape> {
  const base = pathKey(info.path);
  const hit = prefetchedPages(context).get(`${base}|${entity.id}`) as RelationConnectionShape | undefined;
  if (hit) return hit;
  const loaders = connectionLoaders(context);
  let loader = loaders.get(base);
  if (!loader) {
    loader = new DataLoader((ownerIds: readonly string[]) => loadConnections(ownerIds, selection, args, context, info, nodeType));
    loaders.set(base, loader);
  }
  return loader.load(entity.id);
}

/**
 * What `entity(id)` resolves to: with relation fields selected on the entity, the entity and their
 * pages (and those nested below) come in one query and the pages wait in the request's cache;
 * without, the id goes to the Entity loader, which batches plain lookups.
 */
export async function loadEntityReadingAhead(
  id: string,
  context: RequestContext,
  info: GraphQLResolveInfo,
): Promise<EntityRecord | string | null> {
  const base = pathKey(info.path);
  const type = entityTypeOfId(id);
  // The same for every request of the same operation unless a variable below changes it (planOnce).
  const { plans, entityFields } = planOnce(info, `${type}|${base}|${context.config.limits.maxPageSize}`, () => {
    const planned = relationPlansIn(info.fieldNodes, type, info, (args) => relationPage(args, context));
    projectPlans(planned, base, info);
    return { plans: planned, entityFields: Object.keys(planned).length > 0 ? rootEntityProjection(base, info) : 'full' as const };
  });
  if (Object.keys(plans).length === 0) return id;
  const [result] = await loadEntitiesWithRelations(context.store, [id], plans, entityFields, context.queries);
  if (!result) return null;
  const cache = prefetchedPages(context);
  for (const [key, plan] of Object.entries(plans)) {
    const page = result.relations[key]!;
    cache.set(`${base}.${key}|${result.entity.id}`, toConnection(page, plan));
    keepPrefetched(cache, `${base}.${key}`, page, plan);
  }
  return result.entity;
}

/** Whether the relation table allows only the field's `other` type at the other end. */
function impliesOtherType(spec: RelationField): boolean {
  const allowed = otherEndTypes(spec.relationType, spec.direction, spec.on);
  return spec.other !== null && allowed !== 'any' && allowed.length === 1 && allowed[0] === spec.other;
}

/**
 * A typed relation field such as `Agency.tactics`: one relation type, one direction, one type
 * at the other end (or any), as a row of the relation table declares it.
 */
// `t` is the field builder of one of several entity types.
function typedRelationField(t: any, spec: RelationField) {
  const selection: RelationSelection = {
    relationTypes: [spec.relationType],
    direction: spec.direction,
    otherTypes: spec.other ? [spec.other] : null,
    otherTypesImplied: impliesOtherType(spec),
  };
  // The look-ahead finds the field's selection by its name.
  registerRelationField(spec.on, spec.field, { selection: () => selection, defaults: {}, nodeType: spec.other });
  return t.field({
    type: spec.other ? RELATION_CONNECTIONS[spec.other] : EntityRelationConnection,
    description: `${spec.description} (${spec.relationType}${spec.direction === 'IN' ? ', incoming' : ''}).`,
    args: {
      first: t.arg.int({ description: `Page size (default ${DEFAULT_RELATION_PAGE}, at most the configured maximum).` }),
      after: t.arg.string({ description: 'Cursor of the last edge of the previous page.' }),
    },
    resolve: (
      entity: EntityRecord,
      args: { first?: number | null; after?: string | null },
      context: RequestContext,
      info: GraphQLResolveInfo,
    ) => resolveConnection(entity, args, context, info, selection, spec.other),
  });
}

/** The typed relation fields of an entity type, built from the relation table (domain/relations.ts). */
export function relationFields(t: any, owner: EntityType): Record<string, any> {
  return Object.fromEntries(relationFieldsOn(owner).map((spec) => [spec.field, typedRelationField(t, spec)]));
}

builder.interfaceField(EntityRef, 'related', (t) =>
  t.field({
    type: EntityRelationConnection,
    description: 'Relations of any type to any entity, filtered: the generic way to walk the graph.',
    args: {
      relationTypes: t.arg({ type: [RelationTypeEnum], description: 'Only these relation types (default: all).' }),
      types: t.arg({ type: [EntityTypeEnum], description: 'Only relations to entities of these types (default: all).' }),
      direction: t.arg({
        type: RelationDirectionEnum,
        defaultValue: 'BOTH',
        description: 'OUT: relations from this entity; IN: relations to it; BOTH (default): either.',
      }),
      first: t.arg.int({ description: `Page size (default ${DEFAULT_RELATION_PAGE}, at most the page-size limit).` }),
      after: t.arg.string({ description: 'Cursor of the last edge of the previous page.' }),
    },
    resolve: (entity, args, context, info) => resolveConnection(entity, args, context, info, relatedSelection(args), null),
  }),
);

/** What `related` reads for its arguments: the same function serves its loader and the look-ahead. */
function relatedSelection(args: RelationArgs): RelationSelection {
  return {
    relationTypes: (args.relationTypes as RelationType[] | null | undefined) ?? null,
    direction: (args.direction as RelationSelection['direction'] | null | undefined) ?? 'BOTH',
    otherTypes: (args.types as EntityType[] | null | undefined) ?? null,
  };
}

registerRelationField('*', 'related', { selection: relatedSelection, defaults: { direction: 'BOTH' }, nodeType: null });
