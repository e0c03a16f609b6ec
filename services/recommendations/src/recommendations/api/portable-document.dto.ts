import { ApiProperty } from '@nestjs/swagger';
import type { Relationship } from '@vouch/contracts';
import { RELATIONSHIPS } from '../domain/balance';
import {
  DOCUMENT_FORMAT,
  type DocumentRecommendation,
  type PublishedDocumentKey,
  type RecommendationsDocument,
  type SignedRecommendationsDocument,
} from '../domain/portable-document';

export class DocumentIssuerDto {
  @ApiProperty({ description: 'the company (DOCUMENT_ISSUER_NAME)' })
  name!: string;

  @ApiProperty({ format: 'uri', description: "the company's Vouch portal (PUBLIC_URL)" })
  url!: string;

  @ApiProperty({
    format: 'uri',
    description: 'where the company publishes the keys its documents verify with',
  })
  keysUrl!: string;
}

export class DocumentSubjectDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  title!: string | null;
}

export class DocumentAuthorDto {
  @ApiProperty({ type: String, nullable: true, description: 'null when the author was never known here' })
  name!: string | null;

  @ApiProperty({ type: String, nullable: true })
  title!: string | null;
}

export class DocumentRecommendationDto implements DocumentRecommendation {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    type: DocumentAuthorDto,
    description: 'as the company knew them when the document was issued',
  })
  author!: DocumentAuthorDto;

  @ApiProperty({
    enum: RELATIONSHIPS,
    enumName: 'Relationship',
    description: 'what the author was to the subject',
  })
  relationship!: Relationship;

  @ApiProperty()
  text!: string;

  @ApiProperty({ description: 'the org chart said the same relationship when it was written' })
  verified!: boolean;

  @ApiProperty({ format: 'date-time' })
  writtenAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null when never revised' })
  revisedAt!: string | null;
}

export class RecommendationsDocumentDto implements RecommendationsDocument {
  @ApiProperty({ enum: [DOCUMENT_FORMAT], description: 'the format and its version' })
  format!: typeof DOCUMENT_FORMAT;

  @ApiProperty({ type: DocumentIssuerDto })
  issuer!: DocumentIssuerDto;

  @ApiProperty({ format: 'date-time' })
  issuedAt!: string;

  @ApiProperty({ type: DocumentSubjectDto, description: 'the employee the recommendations are about' })
  subject!: DocumentSubjectDto;

  @ApiProperty({ type: [DocumentRecommendationDto], description: 'what their profile shows, newest first' })
  recommendations!: DocumentRecommendationDto[];
}

export class DocumentSignatureDto {
  @ApiProperty({
    description:
      'base64url of the JWS header: alg EdDSA, typ, kid (RFC 7638 thumbprint), jwk (the public key)',
  })
  protected!: string;

  @ApiProperty({ description: 'base64url of the document, exactly as signed' })
  payload!: string;

  @ApiProperty({ description: 'base64url of the Ed25519 signature' })
  signature!: string;
}

export class SignedRecommendationsDocumentDto implements SignedRecommendationsDocument {
  @ApiProperty({ type: RecommendationsDocumentDto, description: 'readable; must equal the signed payload' })
  document!: RecommendationsDocumentDto;

  @ApiProperty({ type: DocumentSignatureDto, description: 'a flattened JWS (RFC 7515) of the document' })
  signature!: DocumentSignatureDto;
}

export class DocumentKeyDto implements PublishedDocumentKey {
  @ApiProperty({ enum: ['OKP'] })
  kty!: string;

  @ApiProperty({ enum: ['Ed25519'] })
  crv!: string;

  @ApiProperty({ description: 'the public key, base64url' })
  x!: string;

  @ApiProperty({ description: 'its RFC 7638 thumbprint, as documents name it' })
  kid!: string;

  @ApiProperty({ enum: ['EdDSA'] })
  alg!: string;

  @ApiProperty({ enum: ['sig'] })
  use!: string;
}

export class DocumentKeysDto {
  @ApiProperty({ type: [DocumentKeyDto], description: 'the signing key first, then those retired' })
  keys!: DocumentKeyDto[];
}
