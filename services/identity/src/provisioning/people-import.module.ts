import { Module, type DynamicModule } from '@nestjs/common';
import { ImportPeople } from './application/import-people.use-case';
import { CsvBodies } from './api/csv-bodies';
import { PeopleImportController } from './api/people-import.controller';
import { PeopleDirectory } from './infrastructure/people-directory';

/**
 * Importing the company's people from a CSV file, for companies without SCIM: the admin endpoint,
 * or the use case alone for `npm run import` (`api: false`, no HTTP server to hang a route on).
 */
@Module({})
export class PeopleImportModule {
  static forRoot(employees: DynamicModule, invitations: DynamicModule, { api = true } = {}): DynamicModule {
    return {
      module: PeopleImportModule,
      imports: [employees, invitations],
      controllers: api ? [PeopleImportController] : [],
      providers: [PeopleDirectory, ImportPeople, ...(api ? [CsvBodies] : [])],
      exports: [ImportPeople],
    };
  }
}
