import { createServer, type Server } from 'node:http';
import type { DossierYoga } from './yoga.js';

/** Only listens: the handler is built in yoga.ts. Resolves once the port is bound. */
export function listen(yoga: DossierYoga, port: number, host?: string): Promise<Server> {
  const server = createServer(yoga);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
