/** How long the audit log keeps entries, from configuration. */
export interface AuditSettings {
  retentionDays: number;
}

export const AUDIT_SETTINGS = Symbol('AUDIT_SETTINGS');
