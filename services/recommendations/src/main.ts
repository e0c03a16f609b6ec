import { loadConfig, runService } from '@vouch/platform';
import { AppModule, serviceDescription } from './app.module';
import { recommendationsEnvironment } from './config';

const environment = loadConfig(recommendationsEnvironment);

void runService({
  name: 'recommendations',
  port: environment.PORT,
  databaseUrl: environment.DATABASE_URL,
  rootModule: AppModule.forRoot(environment),
  description: serviceDescription,
});
