import { loadPortalEnvironment } from './config';
import { createGateway } from './gateway/gateway';

const environment = loadPortalEnvironment();
const port = environment.PORTAL_PORT ?? environment.PORT;

const server = createGateway({
  upstreams: {
    identity: new URL(environment.IDENTITY_URL),
    connections: new URL(environment.CONNECTIONS_URL),
    recommendations: new URL(environment.RECOMMENDATIONS_URL),
    notifications: new URL(environment.NOTIFICATIONS_URL),
  },
  appDirectory: environment.PORTAL_APP_DIR,
});
server.listen(port, () => {
  process.stdout.write(
    `${JSON.stringify({ level: 'info', msg: `portal listening on :${port}`, appDirectory: environment.PORTAL_APP_DIR })}\n`,
  );
});
process.once('SIGTERM', () => {
  server.close(() => process.exit(0));
  // Keep-alive connections from browsers would hold close() open indefinitely.
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 5_000).unref();
});
