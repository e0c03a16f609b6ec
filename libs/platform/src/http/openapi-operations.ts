import type { OpenAPIObject, OperationObject } from '@nestjs/swagger';

/** Every operation of an OpenAPI document: for what many of them declare alike, added once built. */
export function operationsOf(document: OpenAPIObject): OperationObject[] {
  return Object.values(document.paths).flatMap((path) =>
    [path.get, path.put, path.post, path.delete, path.patch, path.options, path.head].filter(
      (operation): operation is OperationObject => operation !== undefined,
    ),
  );
}
