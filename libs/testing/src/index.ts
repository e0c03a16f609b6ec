export * from './test-infrastructure';
export * from './test-database';
export * from './wait-for';
export * from './kafka-test-kit';
export * from './dedicated-kafka-broker';
export * from './test-token-authority';
export * from './service-under-test';
export * from './service-process';
