import { connectGraphStore, GraphStore, type QueryCounter, type WriteTransaction } from '../src/store/graph-store.js';
const times = new Map<string, number[]>();
class Timed extends GraphStore { override write<T>(work: (tx: WriteTransaction) => Promise<T>, counter?: QueryCounter): Promise<T> { return super.write((tx) => work({ run: async (c, p) => { const t = performance.now(); const r = await tx.run(c, p); const k = c.trim().split('\n').slice(0, 2).join(' ').slice(0, 60); times.set(k, [...(times.get(k) ?? []), performance.now() - t]); return r; } }), counter); } }
import { writeDocumentGraphs, type BulkItem } from '../src/store/document-writes.js';
import { generateCorpus } from './corpus/generate.js';
const base = await connectGraphStore({ uri: 'bolt://127.0.0.1:17901', database: 'neo4j', readTimeoutMs: 60000, writeTimeoutMs: 600000 });
const store = new Timed(base.driver, base.options);
const count = async () => { const [r] = await store.read('CALL { MATCH (n) RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels'); return r as { nodes: number; rels: number }; };
const N = Number(process.argv[2] ?? 5000), B = Number(process.argv[3] ?? 500);
const items: BulkItem[] = [...generateCorpus({ seed: Number(process.argv[4] ?? 8), documents: N })].map((d) => ({ document: { ...d.input, extractorVersion: 'bench-truth' }, extraction: d.truth }));
const before = await count(); const t = performance.now(); const counter = { queries: 0 };
for (let i = 0; i < items.length; i += B) await writeDocumentGraphs(store, items.slice(i, i + B), counter);
const s = (performance.now() - t) / 1000; const after = await count();
console.log({ docs: N, batch: B, seconds: s.toFixed(1), docsPerSec: (N / s).toFixed(0), added: (after.nodes - before.nodes) + (after.rels - before.rels), addedPerSec: (((after.nodes - before.nodes) + (after.rels - before.rels)) / s).toFixed(0), statements: counter.queries });
const again = performance.now(); await writeDocumentGraphs(store, items.slice(0, B)); console.log('replay batch s', ((performance.now() - again) / 1000).toFixed(2), await count());
for (const [k, v] of times) console.log(v.reduce((a, b) => a + b, 0).toFixed(0).padStart(7), v.length, k);
await base.close();
