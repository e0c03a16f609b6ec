export * from './config/load-config';
export * from './http/problem-details';
export * from './http/pagination';
export * from './health/health.controller';
export * from './health/database-readiness';
export * from './metrics/metrics';
export * from './service-platform.module';
export * from './bootstrap';
