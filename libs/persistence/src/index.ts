export * from './snake-naming.strategy';
export * from './database-url';
export * from './ensure-database';
export * from './data-source-options';
export * from './channel-listener';
export * from './database-unavailable';
export * from './prepared-statements';
export * from './sql-reader';
