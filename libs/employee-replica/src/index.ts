export * from './replicated-employee.entity';
export * from './create-employee-replica.migration';
export * from './employee-replica';
export * from './employee-replica.handlers';
