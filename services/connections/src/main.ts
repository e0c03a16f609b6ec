import { loadConfig, runService } from '@vouch/platform';
import { AppModule, serviceDescription } from './app.module';
import { connectionsEnvironment } from './config';

const environment = loadConfig(connectionsEnvironment);

void runService({
  name: 'connections',
  port: environment.PORT,
  databaseUrl: environment.DATABASE_URL,
  rootModule: AppModule.forRoot(environment),
  description: serviceDescription,
});
