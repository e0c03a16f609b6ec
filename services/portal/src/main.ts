import path from 'node:path';
import { createGateway } from './gateway/gateway';
import type { ServiceName } from './gateway/routes';

const DEFAULT_PORTS: Record<ServiceName, number> = {
  identity: 3001,
  connections: 3002,
  recommendations: 3003,
  notifications: 3004,
};

function configurationError(message: string): never {
  process.stderr.write(`portal: ${message}\n`);
  process.exit(1);
}

function upstreamUrl(service: ServiceName): URL {
  const variable = `${service.toUpperCase()}_URL`;
  const value = process.env[variable] || `http://127.0.0.1:${DEFAULT_PORTS[service]}`;
  try {
    return new URL(value);
  } catch {
    return configurationError(`${variable} is not a URL: ${value}`);
  }
}

// The notifications service builds every email link from PUBLIC_URL, http://127.0.0.1:8080 by default.
const port = Number(process.env.PORTAL_PORT || process.env.PORT || 8080);
if (!Number.isInteger(port) || port < 1 || port > 65_535)
  configurationError(`PORTAL_PORT (or PORT) is not a port number`);

const upstreams: Record<ServiceName, URL> = {
  identity: upstreamUrl('identity'),
  connections: upstreamUrl('connections'),
  recommendations: upstreamUrl('recommendations'),
  notifications: upstreamUrl('notifications'),
};
const appDirectory = process.env.PORTAL_APP_DIR || path.resolve(__dirname, '../../../dist/portal');

const server = createGateway({ upstreams, appDirectory });
server.listen(port, () => {
  process.stdout.write(
    `${JSON.stringify({ level: 'info', msg: `portal listening on :${port}`, appDirectory })}\n`,
  );
});
process.once('SIGTERM', () => {
  server.close(() => process.exit(0));
  // Keep-alive connections from browsers would hold close() open indefinitely.
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 5_000).unref();
});
