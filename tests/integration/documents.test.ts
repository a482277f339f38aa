import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import type { DocumentPageQuery, DocumentPageQueryVariables } from '../gql/graphql.js';
import { closeServer, listen } from '../../src/server/server.js';
import { createTestApp, execute, uniqueTag, type TestApp } from '../support/services.js';

const IngestDocument = graphql(`
  mutation IngestDocument($input: IngestDocumentInput!) {
    ingestDocument(input: $input) {
      created
      document {
        id
        title
        language
        publishedAt
        sourceUrl
        contentHash
      }
    }
  }
`);

const DocumentById = graphql(`
  query DocumentById($id: ID!) {
    document(id: $id) {
      id
      title
      text
      charCount
    }
  }
`);

const DocumentPage = graphql(`
  query DocumentPage($first: Int, $after: String) {
    documents(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
        }
      }
    }
  }
`);

describe('documents over HTTP', () => {
  let app: TestApp;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    app = await createTestApp();
    server = await listen(app.yoga, 0, '127.0.0.1');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await closeServer(server);
    await app.close();
  });

  const post = async (body: unknown) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
  };

  it('stores a document keyed by its content hash, once', async () => {
    const tag = uniqueTag();
    const input = {
      text: `  The interior ministry of Freedonia warned its diplomats about staged friendships (${tag}).\r\n`,
      title: `Freedonia warning ${tag}`,
      language: 'EN' as const,
      publishedAt: '2024-03-08',
      sourceUrl: 'https://example.org/freedonia',
    };
    const first = await execute(app.yoga, IngestDocument, { input });
    expect(first.errors).toBeUndefined();
    expect(first.data?.ingestDocument.created).toBe(true);
    const doc = first.data!.ingestDocument.document;
    expect(doc.id).toMatch(/^document:[0-9a-f]{16}$/);
    expect(doc.contentHash).toBe(doc.id.slice('document:'.length));
    expect(doc).toMatchObject({ title: input.title, language: 'en', publishedAt: '2024-03-08' });

    // The same text with other line ends and padding is the same document: nothing is written.
    const again = await execute(app.yoga, IngestDocument, {
      input: { ...input, text: input.text.trim().replace(/\n/g, '\r\n'), title: 'another title' },
    });
    expect(again.data?.ingestDocument).toMatchObject({ created: false, document: { id: doc.id, title: input.title } });

    const read = await post({ query: 'query($id: ID!) { document(id: $id) { id title text charCount } }', variables: { id: doc.id } });
    expect(read.status).toBe(200);
    expect(read.body.data.document).toEqual({
      id: doc.id,
      title: input.title,
      text: input.text.trim().replace(/\r\n/g, '\n'),
      charCount: input.text.trim().length,
    });
    const count = await app.store.read('MATCH (d:Document {id: $id}) RETURN count(d) AS n', { id: doc.id });
    expect(count[0]?.n).toBe(1);
  });

  it('returns null for an unknown document id', async () => {
    const result = await execute(app.yoga, DocumentById, { id: 'document:0000000000000000' });
    expect(result.errors).toBeUndefined();
    expect(result.data?.document).toBeNull();
  });

  it('pages through documents with cursors and a total', async () => {
    const tag = uniqueTag();
    for (let i = 0; i < 3; i += 1) {
      await execute(app.yoga, IngestDocument, { input: { text: `Paging fixture ${i} ${tag}`, publishedAt: '1990-01-0' + (i + 1) } });
    }
    const firstPage = await execute(app.yoga, DocumentPage, { first: 2 });
    const total = firstPage.data!.documents.totalCount;
    expect(total).toBeGreaterThanOrEqual(3);
    expect(firstPage.data!.documents.edges).toHaveLength(2);
    expect(firstPage.data!.documents.pageInfo.hasNextPage).toBe(true);

    const seen: string[] = [];
    let after: string | null | undefined = null;
    for (;;) {
      const page: Awaited<ReturnType<typeof execute<DocumentPageQuery, DocumentPageQueryVariables>>> = await execute(
        app.yoga,
        DocumentPage,
        { first: 50, after },
      );
      seen.push(...page.data!.documents.edges.map((edge) => edge.node.id));
      if (!page.data!.documents.pageInfo.hasNextPage) break;
      after = page.data!.documents.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('refuses bad input with a typed error and writes nothing', async () => {
    const before = await app.store.read('MATCH (d:Document) RETURN count(d) AS n');
    const cases = [
      { text: '   \n ' },
      { text: 'Valid text', publishedAt: '2024-13-01' },
      { text: 'Valid text', sourceUrl: 'not a url' },
    ];
    for (const input of cases) {
      const result = await execute(app.yoga, IngestDocument, { input });
      expect(result.data).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const after = await app.store.read('MATCH (d:Document) RETURN count(d) AS n');
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it('refuses a page larger than the limit', async () => {
    const result = await execute(app.yoga, DocumentPage, { first: 101 });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers /health and /ready', async () => {
    expect((await fetch(`${url}/health`)).status).toBe(200);
    expect((await fetch(`${url}/ready`)).status).toBe(200);
  });

  it('serves GraphiQL to browsers', async () => {
    const response = await fetch(`${url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('graphiql');
  });
});
