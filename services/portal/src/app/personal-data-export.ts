/** The services that each export what they hold about the signed-in employee, in the file's order. */
export const EXPORTING_SERVICES = ['identity', 'connections', 'recommendations', 'notifications'] as const;
export type ExportingService = (typeof EXPORTING_SERVICES)[number];

/** Each service's export, as it answered, under its name. */
export type ServiceParts = Record<ExportingService, { employeeId: string }>;

/** The one file "Download my data" saves. */
export interface PersonalDataExport<TParts extends ServiceParts> {
  exportedAt: string;
  employeeId: string;
  services: TParts;
}

/** `vouch-export-YYYY-MM-DD.json`, the day as the person downloading it lives it. */
export function exportFileName(day: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `vouch-export-${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}.json`;
}

/** One service's part of the export is about another person than the rest. */
export class ExportAboutSomeoneElseError extends Error {
  constructor(readonly service: ExportingService) {
    super(`The ${service} part is about someone else: sign in again and retry.`);
  }
}

/**
 * The services' exports gathered into one, refused if one of them is about someone else (a session
 * that changed hands while they were fetched): a file must hold one person's data only.
 */
export function gatherExports<TParts extends ServiceParts>(
  parts: TParts,
  exportedAt: Date,
): PersonalDataExport<TParts> {
  const employeeId = parts.identity.employeeId;
  const other = EXPORTING_SERVICES.find((service) => parts[service].employeeId !== employeeId);
  if (other) throw new ExportAboutSomeoneElseError(other);
  return { exportedAt: exportedAt.toISOString(), employeeId, services: parts };
}
