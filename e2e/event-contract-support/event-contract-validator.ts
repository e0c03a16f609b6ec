import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

/** A Kafka message as a client library hands it over: header values are bytes. */
export interface RawKafkaMessage {
  key?: Buffer | string | null;
  headers?: Record<string, Buffer | string | (Buffer | string)[] | undefined>;
  value: Buffer | string | null;
}

/** What checking one message against the committed contract found. */
export interface ContractCheck {
  /** `<ce_type>.v<ce_schemaversion>`, or what stood in for it when the headers lack them. */
  message: string;
  problems: string[];
}

interface AsyncApiDocument {
  components: { messages: Record<string, unknown>; schemas: Record<string, unknown> };
}

function describeErrors(where: string, errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => `${where}${error.instancePath || '/'} ${error.message ?? 'invalid'}`);
}

/** The headers as text, as every Kafka client can give them. */
function textHeaders(raw: RawKafkaMessage): Record<string, string> {
  return Object.fromEntries(
    Object.entries(raw.headers ?? {}).flatMap(([name, value]) => {
      const first = Array.isArray(value) ? value[0] : value;
      return first === undefined ? [] : [[name, first.toString()]];
    }),
  );
}

/** `<ce_type>.v<ce_schemaversion>`: the message's name in the AsyncAPI document and its schema file's. */
export function messageNameOf(raw: RawKafkaMessage): string | undefined {
  const headers = textHeaders(raw);
  const type = headers['ce_type'];
  const version = headers['ce_schemaversion'];
  return type && version ? `${type}.v${version}` : undefined;
}

/**
 * Checks Kafka messages against the contract documents alone (the AsyncAPI document and the events'
 * JSON Schemas), as a consumer written in another language would: the headers name the message,
 * which gives the schema of the headers and of the data. Nothing of the platform's code is used.
 */
export class EventContractValidator {
  private readonly headerValidators = new Map<string, ValidateFunction>();
  private readonly dataValidators = new Map<string, ValidateFunction>();
  private readonly asyncApi: Ajv;
  private readonly messages: Record<string, unknown>;
  private readonly jsonSchema = new Ajv2020({ allErrors: true });

  /**
   * `asyncApi` is the AsyncAPI document's text; `dataSchemaOf` gives the JSON Schema of a message's
   * data by its name, `<type>.v<version>`.
   */
  constructor(
    asyncApi: string,
    private readonly dataSchemaOf: (message: string) => object,
  ) {
    const document = parse(asyncApi) as AsyncApiDocument;
    this.messages = document.components.messages;
    // AsyncAPI Schema Objects are JSON Schema draft-07 (Ajv's default); the document is added whole
    // so that their `#/components/...` references resolve, and its other keys are no schema keywords.
    this.asyncApi = new Ajv({ allErrors: true, strictSchema: false });
    this.asyncApi.addSchema({ components: document.components }, 'asyncapi');
    addFormats(this.asyncApi);
    addFormats(this.jsonSchema);
  }

  /** From the documents committed under `root`: docs/asyncapi.yaml and docs/events/. */
  static fromCommittedDocuments(root: string): EventContractValidator {
    return new EventContractValidator(
      readFileSync(join(root, 'docs/asyncapi.yaml'), 'utf8'),
      (message) =>
        JSON.parse(readFileSync(join(root, 'docs/events', `${message}.schema.json`), 'utf8')) as object,
    );
  }

  check(raw: RawKafkaMessage): ContractCheck {
    const headers = textHeaders(raw);
    const message = messageNameOf(raw);
    if (!message) return { message: '(unnamed)', problems: ['no ce_type or ce_schemaversion header'] };
    if (!(message in this.messages))
      return { message, problems: [`the AsyncAPI document has no message ${message}`] };

    const headersValid = this.headersValidator(message);
    const problems = headersValid(headers) ? [] : describeErrors('headers', headersValid.errors);
    if (raw.key !== undefined && raw.key?.toString() !== headers['ce_subject'])
      problems.push(`the key, ${raw.key?.toString()}, is not the subject, ${headers['ce_subject']}`);
    if (raw.value === null) return { message, problems: [...problems, 'the message has no value'] };
    let data: unknown;
    try {
      data = JSON.parse(raw.value.toString());
    } catch (error) {
      return { message, problems: [...problems, `the value is not JSON: ${(error as Error).message}`] };
    }
    const dataValid = this.dataValidator(message);
    if (!dataValid(data)) problems.push(...describeErrors('data', dataValid.errors));
    return { message, problems };
  }

  private headersValidator(message: string): ValidateFunction {
    let validator = this.headerValidators.get(message);
    if (!validator) {
      validator = this.asyncApi.compile({ $ref: `asyncapi#/components/messages/${message}/headers` });
      this.headerValidators.set(message, validator);
    }
    return validator;
  }

  private dataValidator(message: string): ValidateFunction {
    let validator = this.dataValidators.get(message);
    if (!validator) {
      validator = this.jsonSchema.compile(this.dataSchemaOf(message));
      this.dataValidators.set(message, validator);
    }
    return validator;
  }
}
