/**
 * Whose attributes: ask-sdk's partition/object key generators, with the same names and the
 * same rules as `ask-sdk-dynamodb-persistence-adapter`'s `PartitionKeyGenerators` and
 * `ask-sdk-s3-persistence-adapter`'s `ObjectKeyGenerators`: the user id (the default), the
 * device id, or the person id falling back to the user id. A missing id is an error named
 * like the SDK's (`name` = "PartitionKeyGenerators"), not an empty key.
 */
import type { RequestEnvelope } from "ask-sdk-model";
import { deviceIdOf, personIdOf, userIdOf } from "../../skill/request-access.js";

/** Maps a request to the id its attributes are stored under. */
export type PartitionKeyGenerator = (requestEnvelope: RequestEnvelope) => string;

function keyError(generators: string, what: string): Error {
  const error = new Error(`${generators}: Cannot retrieve ${what} from request envelope!`);
  error.name = generators;
  return error;
}

function generators(name: string) {
  const userId: PartitionKeyGenerator = (envelope) => {
    const id = userIdOf(envelope);
    if (id === undefined || id === "") throw keyError(name, "user id");
    return id;
  };
  return {
    /** The Alexa user id (the account that enabled the skill): the default. */
    userId,
    /** The device the request came from. */
    deviceId(envelope: RequestEnvelope): string {
      const id = deviceIdOf(envelope);
      if (id === undefined || id === "") throw keyError(name, "device id");
      return id;
    },
    /** The recognised speaker (voice profile), else the user id. */
    personId(envelope: RequestEnvelope): string {
      const id = personIdOf(envelope);
      return id === undefined || id === "" ? userId(envelope) : id;
    },
  };
}

/**
 * ask-sdk's partition key generators.
 *
 * @example
 * ```ts
 * new D1PersistenceAdapter({ partitionKeyGenerator: PartitionKeyGenerators.deviceId });
 * ```
 */
export const PartitionKeyGenerators = generators("PartitionKeyGenerators");

/**
 * ask-sdk-s3-persistence-adapter's object key generators (same rules, the S3 adapter's name).
 *
 * @example
 * ```ts
 * new S3PersistenceAdapter({ bucketName: "my-skill", objectKeyGenerator: ObjectKeyGenerators.deviceId });
 * ```
 */
export const ObjectKeyGenerators = generators("ObjectKeyGenerators");
