import { ApiError, request, writeKey } from './api.js';
import { byId, h } from './dom.js';
import type { ExplorerIngestMutation, IngestDocumentInput, Language } from './gql/graphql.js';
import { IngestDocument } from './operations.js';

/**
 * The "Load a document" dialog: paste a text or drop a file, see what a dry run would add, then
 * load it. The write key (API_KEY) goes with every request once given.
 */
export function setUpLoadDialog(onLoaded: (entityIds: string[]) => void): void {
  const dialog = byId<HTMLDialogElement>('load-dialog');
  const text = byId<HTMLTextAreaElement>('load-text');
  const title = byId<HTMLInputElement>('load-title');
  const url = byId<HTMLInputElement>('load-url');
  const language = byId<HTMLSelectElement>('load-language');
  const published = byId<HTMLInputElement>('load-published');
  const key = byId<HTMLInputElement>('load-key');
  const result = byId('load-result');
  const dryRunButton = byId<HTMLButtonElement>('load-dry-run');
  const commitButton = byId<HTMLButtonElement>('load-commit');
  const dropZone = byId('drop-zone');
  // The input the last dry run answered for: Load sends exactly that.
  let checked: string | null = null;

  const input = (): IngestDocumentInput => ({
    text: text.value,
    title: title.value.trim() || null,
    sourceUrl: url.value.trim() || null,
    language: (language.value || null) as Language | null,
    publishedAt: published.value.trim() || null,
  });
  const invalidate = () => {
    checked = null;
    commitButton.disabled = true;
  };
  for (const field of [text, title, url, language, published]) field.addEventListener('input', invalidate);

  byId('open-load').addEventListener('click', () => {
    key.value = writeKey.get();
    dialog.showModal();
    text.focus();
  });
  byId('load-cancel').addEventListener('click', () => dialog.close());
  key.addEventListener('change', () => writeKey.set(key.value.trim()));

  dropZone.addEventListener('dragover', (event) => {
    event.preventDefault();
    dropZone.classList.add('over');
  });
  dropZone.addEventListener('dragleave', () => dropZone.classList.remove('over'));
  dropZone.addEventListener('drop', (event) => {
    event.preventDefault();
    dropZone.classList.remove('over');
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    void file.text().then((content) => {
      text.value = content;
      if (!title.value) title.value = file.name.replace(/\.[^.]+$/, '');
      invalidate();
    });
  });

  const run = async (dryRun: boolean) => {
    if (!text.value.trim()) {
      result.replaceChildren(h('p', { class: 'error' }, 'Paste a text or drop a file first.'));
      return;
    }
    writeKey.set(key.value.trim());
    const sent = input();
    dryRunButton.disabled = true;
    commitButton.disabled = true;
    result.replaceChildren(h('p', { class: 'hint' }, dryRun ? 'Extracting…' : 'Loading…'));
    try {
      const { ingestDocument } = await request(IngestDocument, { input: sent, dryRun });
      result.replaceChildren(summary(ingestDocument));
      if (dryRun) {
        checked = JSON.stringify(sent);
        commitButton.disabled = false;
      } else {
        checked = null;
        onLoaded(ingestDocument.entities.map((entity) => entity.id));
      }
    } catch (error) {
      const message =
        error instanceof ApiError && error.code === 'UNAUTHENTICATED'
          ? 'This server needs its write key: fill in the field above.'
          : error instanceof Error
            ? error.message
            : String(error);
      result.replaceChildren(h('p', { class: 'error', 'data-testid': 'load-error' }, message));
    } finally {
      dryRunButton.disabled = false;
    }
  };
  dryRunButton.addEventListener('click', () => void run(true));
  commitButton.addEventListener('click', () => {
    if (checked === JSON.stringify(input())) void run(false);
  });
}

function summary(payload: ExplorerIngestMutation['ingestDocument']): HTMLElement {
  const created = payload.entities.filter((entity) => entity.status === 'CREATED').length;
  const newRelations = payload.relations.filter((relation) => relation.status === 'CREATED').length;
  const headline = payload.dryRun
    ? payload.status === 'UNCHANGED'
      ? 'This text is loaded already: nothing would change.'
      : `A load would add ${created} new entities and ${newRelations} new relations (${payload.entities.length} entities, ${payload.relations.length} relations in all).`
    : payload.status === 'UNCHANGED'
      ? 'This text was loaded already: nothing changed.'
      : `Loaded ${payload.document.title ?? payload.document.id}: ${created} new entities, ${newRelations} new relations. They are now in the graph view.`;
  const names = new Map(payload.entities.map((entity) => [entity.id, entity.name]));
  return h(
    'div',
    { 'data-testid': payload.dryRun ? 'dry-run-result' : 'load-done' },
    h('p', {}, h('strong', {}, headline)),
    ...payload.warnings.map((warning) => h('p', { class: 'hint' }, warning)),
    h(
      'table',
      {},
      h('tr', {}, h('th', {}, 'Entity'), h('th', {}, 'Type'), h('th', {}, 'Status')),
      ...payload.entities.map((entity) =>
        h('tr', {}, h('td', {}, entity.name), h('td', {}, entity.type), h('td', { class: `status-${entity.status}` }, entity.status)),
      ),
    ),
    h(
      'table',
      {},
      h('tr', {}, h('th', {}, 'Relation'), h('th', {}, 'Status')),
      ...payload.relations.map((relation) =>
        h(
          'tr',
          {},
          h('td', {}, `${names.get(relation.source) ?? relation.source} ${relation.type} ${names.get(relation.target) ?? relation.target}`),
          h('td', { class: `status-${relation.status}` }, relation.status),
        ),
      ),
    ),
  );
}
