import { loadPortalEnvironment } from './config';
import { createGateway } from './gateway/gateway';

async function main(): Promise<void> {
  const environment = loadPortalEnvironment();
  const port = environment.PORTAL_PORT ?? environment.PORT;
  const gateway = await createGateway({
    upstreams: {
      identity: new URL(environment.IDENTITY_URL),
      connections: new URL(environment.CONNECTIONS_URL),
      recommendations: new URL(environment.RECOMMENDATIONS_URL),
      notifications: new URL(environment.NOTIFICATIONS_URL),
    },
    appDirectory: environment.PORTAL_APP_DIR,
    trustedProxies: environment.TRUSTED_PROXIES,
    publicUrl: new URL(environment.PUBLIC_URL),
    defaultLanguage: environment.DEFAULT_LANGUAGE,
  });
  // Every interface: in a container, localhost alone is unreachable.
  await gateway.listen({ port, host: '0.0.0.0' });
  process.stdout.write(
    `${JSON.stringify({ level: 'info', msg: `portal listening on :${port}`, appDirectory: environment.PORTAL_APP_DIR })}\n`,
  );
  process.once('SIGTERM', () => {
    // close() waits for requests in flight and ends idle keep-alive connections (Fastify 5).
    setTimeout(() => process.exit(0), 5_000).unref();
    void gateway.close().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`portal could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
