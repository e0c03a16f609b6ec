export * from './replicated-employee.entity';
export * from './create-employee-replica.migration';
export * from './replica-manager-source.migration';
export * from './employee-replica.migrations';
export * from './employee-replica';
export * from './employee-replica.handlers';
export * from './replica-inactive-index.migration';
export * from './replica-deactivated-employees';
