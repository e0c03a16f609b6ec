export * from './replicated-employee.entity';
export * from './create-employee-replica.migration';
export * from './replica-manager-source.migration';
export * from './employee-replica.migrations';
export * from './employee-replica';
export * from './employee-replica.handlers';
