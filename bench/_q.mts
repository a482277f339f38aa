import { connectGraphStore } from '../src/store/graph-store.js';
const store = await connectGraphStore({ uri: 'bolt://127.0.0.1:17901', database: 'neo4j', readTimeoutMs: 60000, writeTimeoutMs: 600000 });
console.log(await store.read(process.argv[2]!));
await store.close();
