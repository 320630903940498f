/**
 * The `aws-sdk` (v2) a Lambda skill `require`s, at the edge (wired by wrangler `[alias]`). The
 * real package cannot even load in a Worker: it calls `setTimeout` at module load, which
 * workerd forbids in global scope. This one provides what skills touch when their modules
 * load (`new AWS.S3({...})`, `new AWS.DynamoDB({...})`, `AWS.config.update(...)`, the service
 * classes themselves) and what they use for media: `s3.getSignedUrl('getObject', ...)` becomes
 * a URL of the Worker's R2 audio route (s3-presigned-url.ts). Every other call is an
 * `AwsSdkUnavailableError` naming it (`AWS.S3.putObject`), thrown when it is called, so a skill
 * that never makes such a call still runs.
 */
import { reportIgnoredOption } from "./ignored-options.js";
import { presignedAudioUrl, type PresignParams } from "./s3-presigned-url.js";

/**
 * A call of the AWS SDK that has no edge equivalent; `call` names it.
 *
 * @example
 * ```js
 * try { await new AWS.SQS().sendMessage(params).promise(); }
 * catch (error) { if (error.code === "AwsSdkUnavailable") console.log(error.call); } // "AWS.SQS.sendMessage"
 * ```
 */
export class AwsSdkUnavailableError extends Error {
  override readonly name = "AwsSdkUnavailableError";
  readonly code = "AwsSdkUnavailable";

  constructor(readonly call: string) {
    super(`${call}() is not available at the edge: skillflare's aws-sdk stands in for AWS (docs/migrate-from-lambda.md); move this call to a Worker binding or a fetch`);
  }
}

type Callback = (error: unknown, result?: unknown) => void;

/** Instances answer every method they do not define with a function that throws, naming the call. */
function unavailableMethods<T extends object>(instance: T, service: string): T {
  return new Proxy(instance, {
    get(target, property, receiver) {
      if (typeof property === "symbol" || property in target) return Reflect.get(target, property, receiver) as unknown;
      if (property === "then") return undefined; // not a thenable
      return () => {
        throw new AwsSdkUnavailableError(`AWS.${service}.${property}`);
      };
    },
  });
}

function serviceClass(service: string) {
  return class {
    constructor(options?: object) {
      if (options !== undefined) reportIgnoredOption(`AWS.${service}`, "options", "AWS clients do nothing at the edge");
      return unavailableMethods(this, service);
    }
  };
}

/**
 * `new AWS.S3(options)`: `getSignedUrl('getObject', ...)` is R2 media; other calls throw.
 *
 * @example
 * ```js
 * const url = new AWS.S3({ signatureVersion: "v4" }).getSignedUrl("getObject", { Bucket, Key: "Media/song.mp3", Expires: 60 });
 * // https://<this Worker>/audio/Media/song.mp3?exp=...&sig=...
 * ```
 */
export class S3 {
  constructor(options?: object) {
    if (options !== undefined) reportIgnoredOption("AWS.S3", "options", "media is served from the Worker's R2 bucket AUDIO");
    return unavailableMethods(this, "S3");
  }

  getSignedUrl(operation: string, params: PresignParams, callback?: Callback): string | undefined {
    if (operation !== "getObject") throw new AwsSdkUnavailableError(`AWS.S3.getSignedUrl('${operation}')`);
    if (callback === undefined) return presignedAudioUrl(params);
    let url: string;
    try {
      url = presignedAudioUrl(params);
    } catch (error) {
      callback(error);
      return undefined;
    }
    callback(null, url);
    return undefined;
  }

  getSignedUrlPromise(operation: string, params: PresignParams): Promise<string> {
    return new Promise((resolve, reject) => this.getSignedUrl(operation, params, (error, url) => (error === null ? resolve(url as string) : reject(error))));
  }
}

const DocumentClient = serviceClass("DynamoDB.DocumentClient");

/**
 * `new AWS.DynamoDB(options)` (passed to the DynamoDB adapter as `dynamoDBClient`); calls throw.
 *
 * @example
 * ```js
 * new DynamoDbPersistenceAdapter({ tableName, dynamoDBClient: new AWS.DynamoDB({ apiVersion: "latest" }) });
 * ```
 */
export class DynamoDB extends serviceClass("DynamoDB") {
  static readonly DocumentClient = DocumentClient;
}

/** `new AWS.SQS(options)` constructs (skills build clients at module load); every call throws AwsSdkUnavailableError. */
export const SQS = serviceClass("SQS");
/** `new AWS.SNS(options)` constructs (skills build clients at module load); every call throws AwsSdkUnavailableError. */
export const SNS = serviceClass("SNS");
/** `new AWS.SES(options)` constructs (skills build clients at module load); every call throws AwsSdkUnavailableError. */
export const SES = serviceClass("SES");
/** `new AWS.SSM(options)` constructs (skills build clients at module load); every call throws AwsSdkUnavailableError. */
export const SSM = serviceClass("SSM");
/** `new AWS.STS(options)` constructs (skills build clients at module load); every call throws AwsSdkUnavailableError. */
export const STS = serviceClass("STS");
/** `new AWS.Lambda(options)` constructs (skills build clients at module load); every call throws AwsSdkUnavailableError. */
export const Lambda = serviceClass("Lambda");
/** `new AWS.SecretsManager(options)` constructs (skills build clients at module load); every call throws AwsSdkUnavailableError. */
export const SecretsManager = serviceClass("SecretsManager");
/** `new AWS.CloudWatch(options)` constructs (skills build clients at module load); every call throws AwsSdkUnavailableError. */
export const CloudWatch = serviceClass("CloudWatch");
/** `new AWS.Kinesis(options)` constructs (skills build clients at module load); every call throws AwsSdkUnavailableError. */
export const Kinesis = serviceClass("Kinesis");
/** `new AWS.Polly(options)` constructs (skills build clients at module load); every call throws AwsSdkUnavailableError. */
export const Polly = serviceClass("Polly");
/** `new AWS.Translate(options)` constructs (skills build clients at module load); every call throws AwsSdkUnavailableError. */
export const Translate = serviceClass("Translate");
/** `new AWS.Comprehend(options)` constructs (skills build clients at module load); every call throws AwsSdkUnavailableError. */
export const Comprehend = serviceClass("Comprehend");

/** `AWS.config`: `update()` and the usual fields are accepted (and reported once). */
export const config = {
  region: undefined as string | undefined,
  credentials: undefined as unknown,
  update(options: object = {}): void {
    for (const name of Object.keys(options)) reportIgnoredOption("AWS.config", name, "AWS configuration does nothing at the edge");
  },
  setPromisesDependency(): void {},
};

/**
 * `AWS.Credentials`: constructible, inert (nothing at the edge signs AWS requests).
 *
 * @example
 * ```js
 * AWS.config.credentials = new AWS.Credentials(accessKeyId, secretAccessKey); // accepted, unused
 * ```
 */
export class Credentials {
  constructor(..._args: unknown[]) {}
}
/**
 * `AWS.Endpoint`: constructible, inert.
 *
 * @example
 * ```js
 * new AWS.S3({ endpoint: new AWS.Endpoint("https://s3.example.com") }); // accepted, unused
 * ```
 */
export class Endpoint {
  constructor(readonly href: string = "") {}
}

/** The module as `const AWS = require("aws-sdk")` sees it. */
export default { S3, DynamoDB, SQS, SNS, SES, SSM, STS, Lambda, SecretsManager, CloudWatch, Kinesis, Polly, Translate, Comprehend, config, Credentials, Endpoint, AwsSdkUnavailableError };
