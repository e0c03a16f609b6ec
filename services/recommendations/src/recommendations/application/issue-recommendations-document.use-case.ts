import { Inject, Injectable } from '@nestjs/common';
import { UnknownEmployeeError } from '../domain/participation';
import {
  DocumentSigningKeys,
  recommendationsDocument,
  type SignedRecommendationsDocument,
} from '../domain/portable-document';
import { RecommendationQueries } from '../infrastructure/recommendation.queries';
import { RECOMMENDATIONS_SETTINGS, type RecommendationsSettings } from './recommendations.settings';

export interface IssueRecommendationsDocument {
  employeeId: string;
}

/**
 * The recommendations an employee's profile shows, as a document signed by the company: theirs to
 * keep, and for anyone (a future employer) to check after they have left.
 */
@Injectable()
export class IssueRecommendationsDocumentUseCase {
  constructor(
    private readonly queries: RecommendationQueries,
    private readonly keys: DocumentSigningKeys,
    @Inject(RECOMMENDATIONS_SETTINGS) private readonly settings: RecommendationsSettings,
  ) {}

  async execute({ employeeId }: IssueRecommendationsDocument): Promise<SignedRecommendationsDocument> {
    const subject = await this.queries.employee(employeeId);
    if (!subject) throw new UnknownEmployeeError(`no employee ${employeeId}`);
    const received = await this.queries.acceptedOf(employeeId);
    const authors = await this.queries.employees([
      ...new Set(received.map((recommendation) => recommendation.snapshot().authorId)),
    ]);
    return this.keys.sign(
      recommendationsDocument({
        issuer: this.settings.documentIssuer,
        issuedAt: new Date(),
        subject,
        received,
        authors: new Map(authors.map((author) => [author.id, author])),
      }),
    );
  }
}
