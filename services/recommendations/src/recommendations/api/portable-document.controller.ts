import { Controller, Get, Header } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentEmployee, type AuthenticatedEmployee } from '@vouch/auth';
import { IssueRecommendationsDocumentUseCase } from '../application/issue-recommendations-document.use-case';
import {
  DocumentSigningKeys,
  type PublishedDocumentKey,
  type SignedRecommendationsDocument,
} from '../domain/portable-document';
import { DocumentKeysDto, SignedRecommendationsDocumentDto } from './portable-document.dto';

@ApiTags('recommendations')
@Authenticated()
@Controller('v1/recommendations/received/document')
export class RecommendationsDocumentController {
  constructor(private readonly issue: IssueRecommendationsDocumentUseCase) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @Header('Content-Disposition', 'attachment; filename="recommendations.json"')
  @ApiOkResponse({
    type: SignedRecommendationsDocumentDto,
    description: 'the recommendations my profile shows, signed by the company, to keep after I leave',
  })
  @ApiNotFoundResponse({ description: 'I am not known to this service yet' })
  async mine(@CurrentEmployee() employee: AuthenticatedEmployee): Promise<SignedRecommendationsDocument> {
    return this.issue.execute({ employeeId: employee.id });
  }
}

@ApiTags('recommendations')
@Controller('.well-known')
export class DocumentKeysController {
  constructor(private readonly keys: DocumentSigningKeys) {}

  /** Public, for anyone checking a document; the portal serves it on the company's address. */
  @Get('vouch-document-keys.json')
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOkResponse({
    type: DocumentKeysDto,
    description: 'the public keys signed recommendations documents verify with (RFC 7517)',
  })
  jwks(): { keys: PublishedDocumentKey[] } {
    return this.keys.jwks();
  }
}
