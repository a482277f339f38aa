import { request } from './api.js';
import { h, highlighted } from './dom.js';
import { ENTITY_STYLE, RELATION_LABEL } from './graph-state.js';
import type { EntityType, RelationType } from './gql/graphql.js';
import { EntityDetails, RelationDetails } from './operations.js';

/** The side panel: one entity or one relation, with the documents and sentences behind it. */

export interface PanelActions {
  expand(id: string): void;
  setPathEnd(end: 'from' | 'to', id: string, name: string): void;
}

const MAX_SENTENCES = 40;

interface DocumentLink {
  id: string;
  title?: string | null;
  sourceUrl?: string | null;
  publishedAt?: string | null;
  language?: string | null;
}

function documentLink(document: DocumentLink): HTMLElement {
  const title = document.title || document.id;
  const meta = [document.publishedAt, document.language].filter(Boolean).join(', ');
  return h(
    'li',
    {},
    document.sourceUrl
      ? h('a', { href: document.sourceUrl, target: '_blank', rel: 'noopener noreferrer' }, title)
      : h('span', { title: document.id }, title),
    meta ? h('span', { class: 'hint' }, ` (${meta})`) : null,
  );
}

function typeTag(type: EntityType): HTMLElement {
  return h('span', { class: 'type-tag', style: `background:${ENTITY_STYLE[type].color}` }, ENTITY_STYLE[type].label);
}

export async function showEntity(panel: HTMLElement, id: string, actions: PanelActions): Promise<void> {
  panel.replaceChildren(h('p', { class: 'hint' }, 'Loading…'));
  const { entity } = await request(EntityDetails, { id });
  if (!entity) {
    panel.replaceChildren(h('p', { class: 'error' }, `No entity ${id}.`));
    return;
  }
  const date = 'date' in entity ? entity.date : null;
  const titles = new Map(entity.documents.map((document) => [document.id, document]));
  const sentences = new Map<string, { documentId: string; sentence: string; ranges: [number, number][] }>();
  for (const mention of entity.mentions) {
    const key = `${mention.document.id}:${mention.sentenceStart}`;
    const entry = sentences.get(key) ?? { documentId: mention.document.id, sentence: mention.sentence, ranges: [] };
    entry.ranges.push([mention.start - mention.sentenceStart, mention.end - mention.sentenceStart]);
    sentences.set(key, entry);
  }
  const shown = [...sentences.values()].slice(0, MAX_SENTENCES);
  panel.replaceChildren(
    h('h3', { 'data-testid': 'panel-title' }, entity.name),
    h(
      'div',
      { class: 'meta' },
      typeTag(entity.type),
      ` ${entity.id}`,
      date ? ` · ${date}` : '',
      entity.generic ? ' · unnamed actor' : '',
      ` · ${entity.degree} relations · ${entity.documentCount} documents`,
    ),
    h(
      'div',
      { class: 'buttons' },
      button('Expand', () => actions.expand(entity.id)),
      button('Path from here', () => actions.setPathEnd('from', entity.id, entity.name)),
      button('Path to here', () => actions.setPathEnd('to', entity.id, entity.name)),
    ),
    h('h2', {}, 'Names'),
    h(
      'ul',
      { class: 'aliases' },
      ...(entity.aliases.length
        ? entity.aliases.map((alias) => h('li', {}, alias.name, h('span', {}, alias.language ? ` ${alias.language}` : ' —')))
        : [h('li', {}, entity.name)]),
    ),
    h('h2', {}, `Documents (${entity.documents.length})`),
    h('ul', {}, ...entity.documents.map(documentLink)),
    h('h2', {}, `Mentions (${entity.mentions.length})`),
    ...shown.map((entry) => {
      const document = titles.get(entry.documentId);
      return h(
        'blockquote',
        { class: 'evidence' },
        highlighted(entry.sentence, entry.ranges),
        h('cite', {}, document?.title || entry.documentId),
      );
    }),
  );
  if (sentences.size > shown.length) panel.append(h('p', { class: 'hint' }, `… and ${sentences.size - shown.length} more sentences`));
}

export async function showRelation(panel: HTMLElement, edgeId: string): Promise<void> {
  const [source, type, target] = edgeId.split('|') as [string, RelationType, string];
  panel.replaceChildren(h('p', { class: 'hint' }, 'Loading…'));
  const data = await request(RelationDetails, { source, target, relationTypes: [type] });
  const edge = data.source?.related.edges.find((candidate) => candidate.node.id === target && candidate.type === type);
  if (!data.source || !data.target || !edge) {
    panel.replaceChildren(h('p', { class: 'error' }, `The relation ${edgeId} is no longer in the graph.`));
    return;
  }
  const mentions = [...data.source.mentions, ...data.target.mentions];
  const titles = new Map(edge.documents.map((document) => [document.id, document]));
  panel.replaceChildren(
    h('h3', { 'data-testid': 'panel-title' }, `${data.source.name} ${RELATION_LABEL[type]} ${data.target.name}`),
    h('div', { class: 'meta' }, `${type} · supported by ${edge.weight} document${edge.weight === 1 ? '' : 's'}`),
    h('h2', {}, `Documents (${edge.documents.length})`),
    h('ul', {}, ...edge.documents.map(documentLink)),
    h('h2', {}, `Evidence (${edge.evidence.length})`),
    ...edge.evidence.map((evidence) => {
      // The two ends' mentions inside this sentence, as offsets into it.
      const ranges = mentions
        .filter((m) => m.document.id === evidence.document.id && m.start >= evidence.start && m.end <= evidence.end)
        .map((m) => [m.start - evidence.start, m.end - evidence.start] as [number, number]);
      const document = titles.get(evidence.document.id);
      return h(
        'blockquote',
        { class: 'evidence' },
        highlighted(evidence.text, ranges),
        h('cite', {}, document?.sourceUrl ? h('a', { href: document.sourceUrl, target: '_blank', rel: 'noopener noreferrer' }, document.title || document.id) : document?.title || evidence.document.id),
      );
    }),
  );
}

function button(label: string, onClick: () => void): HTMLButtonElement {
  const element = h('button', { type: 'button' }, label);
  element.addEventListener('click', onClick);
  return element;
}
