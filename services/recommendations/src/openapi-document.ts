import { loadConfig, OPENAPI_GENERATION_ENVIRONMENT, writeOpenApiDocument } from '@vouch/platform';
import { AppModule, serviceDescription } from './app.module';
import { recommendationsEnvironment } from './config';

/** `npm run contract` runs this for the service's OpenAPI document (JSON on stdout); nothing connects. */
writeOpenApiDocument(
  () => AppModule.forRoot(loadConfig(recommendationsEnvironment, OPENAPI_GENERATION_ENVIRONMENT)),
  serviceDescription,
);
