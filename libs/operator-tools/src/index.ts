// What operators run (`npm run dlq`, and the chaos scenarios acting as one): kept out of
// @vouch/messaging so that no service carries it; the module-boundary rules keep services from importing it.
export * from './dead-letter-store';
export * from './parked-event-store';
