/**
 * What an ask-sdk PersistenceAdapter stores: the whole persistent-attributes value of one
 * partition, whatever JSON it is (an object usually; a bare string, number, array or null
 * too, as DynamoDB and S3 store them). Serialising here, once, turns a value JSON cannot carry
 * (undefined, a function, a BigInt, a cycle) into a typed `not-serializable` error before
 * anything is written, and caps it at the store's limit.
 */
import { byteLength, PersistenceError } from "../../skill/persistence/adapter.js";

/** JSON text of `value`, or a PersistenceError saying why it cannot be stored. */
export function attributesToJson(value: unknown, maxBytes: number, store: string): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (cause) {
    throw new PersistenceError("not-serializable", `persistent attributes cannot be JSON-serialised: ${String(cause)}`, { cause });
  }
  if (json === undefined) throw new PersistenceError("not-serializable", `persistent attributes of type ${typeof value} have no JSON form`);
  if (byteLength(json) > maxBytes) throw new PersistenceError("value-too-large", `persistent attributes exceed ${store}'s ${maxBytes}-byte limit`);
  return json;
}

/** The stored value back; text that is not JSON is a `corrupt-record` naming where it was. */
export function attributesFromJson(json: string, where: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch (cause) {
    throw new PersistenceError("corrupt-record", `${where} is not valid JSON`, { cause });
  }
}
