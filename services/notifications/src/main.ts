import { loadConfig, runService } from '@vouch/platform';
import { AppModule, serviceDescription } from './app.module';
import { notificationsEnvironment } from './config';

const environment = loadConfig(notificationsEnvironment);

void runService({
  name: 'notifications',
  port: environment.PORT,
  databaseUrl: environment.DATABASE_URL,
  rootModule: AppModule.forRoot(environment),
  description: serviceDescription,
});
