/**
 * @neo4j/graphql served as a user would pick it instead of dossier: its generated schema for the
 * same stored graph (type-defs.ts) on graphql-yoga over HTTP, in a process of its own (started by
 * bench/server-process.ts). Its Bolt sockets are neo4j-driver 6.3's (a peer dependency: the
 * project's own driver), which set TCP_NODELAY themselves, so it pays no Nagle stall.
 *
 * Environment: NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE, PORT.
 */
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga } from 'graphql-yoga';
import { createServer } from 'node:http';
import neo4j from 'neo4j-driver';
import { neo4jGraphqlTypeDefs } from './type-defs.js';

async function main(): Promise<void> {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('NEO4J_URI is not set');
  const password = process.env.NEO4J_PASSWORD;
  const driver = neo4j.driver(
    uri,
    password ? neo4j.auth.basic(process.env.NEO4J_USERNAME || 'neo4j', password) : undefined,
    { maxConnectionPoolSize: 100, userAgent: 'bench-neo4j-graphql' },
  );
  await driver.getServerInfo();
  const database = process.env.NEO4J_DATABASE || 'neo4j';
  const schema = await new Neo4jGraphQL({ typeDefs: neo4jGraphqlTypeDefs(), driver }).getSchema();
  const yoga = createYoga({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: false,
    logging: 'warn',
    context: () => ({ sessionConfig: { database } }),
  });
  const server = createServer(yoga);
  server.listen(Number(process.env.PORT || 4100), '127.0.0.1');
  const stop = () => server.close(() => void driver.close().then(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`@neo4j/graphql server failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
