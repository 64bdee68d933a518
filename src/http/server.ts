// The operations HTTP server on PORT, for every mode where no Slack receiver already owns the port.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OpsHandler } from './routes.js';

export interface OpsServer {
  /** The port bound (useful with port 0 in tests). */
  readonly port: number;
  close(): Promise<void>;
}

/** Listens on `port` (all interfaces by default: probes come from the kubelet, scrapes from Prometheus). */
export async function listenOps(handler: OpsHandler, port: number, host?: string): Promise<OpsServer> {
  const server: Server = createServer((req, res) => {
    if (!handler(req, res)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found\n');
    }
  });
  // Probes are short: do not keep idle sockets that would delay shutdown.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
