import { loadConfig, runService } from '@vouch/platform';
import { AppModule, serviceDescription } from './app.module';
import { identityEnvironment } from './config';

const environment = loadConfig(identityEnvironment);

void runService({
  name: 'identity',
  port: environment.PORT,
  databaseUrl: environment.DATABASE_URL,
  rootModule: AppModule.forRoot(environment),
  description: serviceDescription,
  http: { trustedProxies: environment.TRUSTED_PROXIES },
});
