/** Which people a search lists: the directory's active ones, the deactivated ones, or both. */
export const EMPLOYEE_STATUSES = ['active', 'deactivated', 'all'] as const;
export type EmployeeStatus = (typeof EMPLOYEE_STATUSES)[number];
