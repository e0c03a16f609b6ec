import { CreateEmployeeReplica1764090000000 } from './create-employee-replica.migration';
import { ReplicaErasure1797800000000 } from './replica-erasure.migration';
import { ReplicaInactiveIndex1797200000001 } from './replica-inactive-index.migration';
import { ReplicaLanguage1798400000000 } from './replica-language.migration';
import { ReplicaManagerSource1796900000002 } from './replica-manager-source.migration';

/** The replica's migrations; a service that keeps one lists them among its own. */
export const employeeReplicaMigrations = [
  CreateEmployeeReplica1764090000000,
  ReplicaManagerSource1796900000002,
  ReplicaInactiveIndex1797200000001,
  ReplicaErasure1797800000000,
  ReplicaLanguage1798400000000,
];
