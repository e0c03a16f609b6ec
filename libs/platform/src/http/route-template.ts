import type { Request } from 'express';

/** The route a request matched, as declared (`/v1/employees/:id`): never the raw path, whose ids vary. */
export function routeTemplate(request: Request): string {
  const route = (request.route as { path?: string } | undefined)?.path ?? 'unmatched';
  return `${request.baseUrl}${route}`;
}
