export * from './kafka-client';
export * from './kafkajs-request-queue-fix';
