/**
 * ask-sdk PersistenceAdapters on real local D1 and KV: any JSON value round-trips (a bare
 * string too), nothing stored reads as {}, namespaces and key generators keep partitions
 * apart, a value JSON cannot carry is a typed error before anything is written, concurrent
 * saves leave one whole document (never a torn one), and the drop-ins keep ask-sdk's options.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { DynamoDbPersistenceAdapter, PartitionKeyGenerators as DynamoKeys } from "../../src/ask-sdk/dropins/dynamodb-persistence-adapter.js";
import { ObjectKeyGenerators, S3PersistenceAdapter } from "../../src/ask-sdk/dropins/s3-persistence-adapter.js";
import { D1PersistenceAdapter, KvPersistenceAdapter, PartitionKeyGenerators } from "../../src/ask-sdk/index.js";
import { PersistenceError } from "../../src/skill/index.js";
import { launchEnvelope } from "../skill/fixtures.js";

const unique = () => `amzn1.ask.account.${crypto.randomUUID()}`;

describe("D1PersistenceAdapter", () => {
  const adapter = new D1PersistenceAdapter({ database: env.DB, namespace: "unit" });

  it("reads {} before anything is saved", async () => {
    expect(await adapter.getAttributes(launchEnvelope({ userId: unique() }))).toEqual({});
  });

  it.each([
    ["an object", { score: 3, nested: { list: [1, "two"] } }],
    ["a bare string", "just a string"],
    ["a number", 42],
    ["an array", [1, 2, 3]],
    ["null", null],
  ])("round-trips %s", async (_label, value) => {
    const envelope = launchEnvelope({ userId: unique() });
    await adapter.saveAttributes(envelope, value);
    expect(await adapter.getAttributes(envelope)).toEqual(value);
  });

  it("deletes, after which the partition reads {} again", async () => {
    const envelope = launchEnvelope({ userId: unique() });
    await adapter.saveAttributes(envelope, { a: 1 });
    await adapter.deleteAttributes(envelope);
    expect(await adapter.getAttributes(envelope)).toEqual({});
  });

  it.each([
    ["undefined", undefined],
    ["a BigInt", { n: 10n }],
    ["a cycle", (() => { const o: Record<string, unknown> = {}; o["self"] = o; return o; })()],
  ])("refuses %s as not-serializable and writes nothing", async (_label, value) => {
    const envelope = launchEnvelope({ userId: unique() });
    await adapter.saveAttributes(envelope, { kept: true });
    await expect(adapter.saveAttributes(envelope, value)).rejects.toMatchObject({ reason: "not-serializable" });
    expect(await adapter.getAttributes(envelope)).toEqual({ kept: true });
  });

  it("keeps namespaces apart in one database", async () => {
    const envelope = launchEnvelope({ userId: unique() });
    const other = new D1PersistenceAdapter({ database: env.DB, namespace: "other" });
    await adapter.saveAttributes(envelope, "mine");
    expect(await other.getAttributes(envelope)).toEqual({});
  });

  it("leaves one whole document after 20 concurrent saves for one user", async () => {
    const envelope = launchEnvelope({ userId: unique() });
    const documents = Array.from({ length: 20 }, (_, i) => ({ writer: i, payload: "x".repeat(1000 + i) }));
    await Promise.all(documents.map((document) => adapter.saveAttributes(envelope, document)));
    const stored = await adapter.getAttributes(envelope);
    expect(documents).toContainEqual(stored);
  });

  it("cannot hold text that is not JSON: the table's json_valid check refuses it", async () => {
    const userId = unique();
    await env.DB.prepare("INSERT INTO ask_sdk_attributes (namespace, id, value, updated_at) VALUES ('unit', ?1, '\"ok\"', 0)").bind(userId).run();
    await expect(env.DB.prepare("UPDATE ask_sdk_attributes SET value = '{oops' WHERE namespace = 'unit' AND id = ?1").bind(userId).run()).rejects.toThrow(/CHECK constraint/);
  });

  it("uses ask-sdk's key generators: device id, and person id falling back to user id", async () => {
    const byDevice = new D1PersistenceAdapter({ database: env.DB, namespace: "unit-device", partitionKeyGenerator: PartitionKeyGenerators.deviceId });
    const deviceId = `amzn1.ask.device.${crypto.randomUUID()}`;
    await byDevice.saveAttributes(launchEnvelope({ userId: unique(), deviceId }), "device-wide");
    expect(await byDevice.getAttributes(launchEnvelope({ userId: unique(), deviceId }))).toBe("device-wide");
    const envelope = launchEnvelope({ userId: "amzn1.ask.account.fallback" });
    expect(PartitionKeyGenerators.personId(envelope)).toBe("amzn1.ask.account.fallback");
    const withPerson = { ...envelope, context: { ...envelope.context, System: { ...envelope.context.System, person: { personId: "amzn1.ask.person.P" } } } };
    expect(PartitionKeyGenerators.personId(withPerson)).toBe("amzn1.ask.person.P");
    const noUser = { ...envelope, context: { ...envelope.context, System: { ...envelope.context.System, user: { userId: "" } } } };
    expect(() => PartitionKeyGenerators.userId(noUser)).toThrow(expect.objectContaining({ name: "PartitionKeyGenerators", message: "PartitionKeyGenerators: Cannot retrieve user id from request envelope!" }) as Error);
  });

  it("without a database finds the running request's binding (DB by default), and names a missing one", async () => {
    const envelope = launchEnvelope({ userId: unique() });
    await runWithDb(() => new D1PersistenceAdapter({ namespace: "unit" }).saveAttributes(envelope, "found DB"));
    expect(await adapter.getAttributes(envelope)).toBe("found DB");
    await expect(runWithDb(() => new D1PersistenceAdapter({ binding: "NO_SUCH_DB" }).getAttributes(envelope))).rejects.toMatchObject({ reason: "not-configured", message: expect.stringContaining("D1 binding named NO_SUCH_DB") as string });
    await expect(new D1PersistenceAdapter().getAttributes(envelope)).rejects.toThrow(/can only run while createAlexaWorker handles a request; outside one, pass the binding explicitly/);
  });
});

describe("KvPersistenceAdapter", () => {
  it("round-trips any JSON value under its namespace in real local KV, and deletes", async () => {
    const adapter = new KvPersistenceAdapter({ kv: env.ATTRIBUTES_KV, namespace: "unit" });
    const envelope = launchEnvelope({ userId: unique() });
    expect(await adapter.getAttributes(envelope)).toEqual({});
    await adapter.saveAttributes(envelope, "a bare string");
    expect(await adapter.getAttributes(envelope)).toBe("a bare string");
    expect(await env.ATTRIBUTES_KV.get(`ask-sdk:unit:${envelope.context.System.user.userId}`, "json")).toEqual({ attributes: "a bare string" });
  });
});

describe("the DynamoDB and S3 drop-ins", () => {
  it("DynamoDbPersistenceAdapter stores under the table name, accepts DynamoDB's options and reports them once", async () => {
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: unknown) => void lines.push(String(line)));
    const options = { tableName: "unit-table", createTable: true, partitionKeyName: "pk", attributesName: "attrs", dynamoDBClient: {}, partitionKeyGenerator: DynamoKeys.userId };
    const adapter = new DynamoDbPersistenceAdapter(options);
    new DynamoDbPersistenceAdapter(options);
    vi.restoreAllMocks();
    const ignored = lines.map((line) => JSON.parse(line) as { event: string; option: string }).filter((entry) => entry.event === "ask_sdk.option_ignored_at_edge");
    expect(ignored.map((entry) => entry.option).sort()).toEqual(
      ["DynamoDbPersistenceAdapter.attributesName", "DynamoDbPersistenceAdapter.createTable", "DynamoDbPersistenceAdapter.dynamoDBClient", "DynamoDbPersistenceAdapter.partitionKeyName"],
    );
    const userId = unique();
    await runWithDb(() => adapter.saveAttributes(launchEnvelope({ userId }), { high: 7 }));
    const row = await env.DB.prepare("SELECT value FROM ask_sdk_attributes WHERE namespace = 'dynamodb:unit-table' AND id = ?1").bind(userId).first<{ value: string }>();
    expect(JSON.parse(row!.value)).toEqual({ high: 7 });
  });

  it("DynamoDbPersistenceAdapter without a tableName fails its first call as not-configured, naming the option", async () => {
    const adapter = new DynamoDbPersistenceAdapter({} as never);
    await expect(adapter.getAttributes(launchEnvelope())).rejects.toSatisfy((error) => error instanceof PersistenceError && error.reason === "not-configured" && /tableName/.test(error.message));
  });

  it("S3PersistenceAdapter joins pathPrefix and object key as S3's adapter does, under the bucket name", async () => {
    const adapter = new S3PersistenceAdapter({ bucketName: "unit-bucket", pathPrefix: "prefix/", objectKeyGenerator: ObjectKeyGenerators.deviceId });
    const deviceId = `amzn1.ask.device.${crypto.randomUUID()}`;
    await runWithDb(() => adapter.saveAttributes(launchEnvelope({ deviceId }), ["s3", "shape"]));
    const row = await env.DB.prepare("SELECT value FROM ask_sdk_attributes WHERE namespace = 's3:unit-bucket' AND id = ?1").bind(`prefix/${deviceId}`).first<{ value: string }>();
    expect(JSON.parse(row!.value)).toEqual(["s3", "shape"]);
    expect(await runWithDb(() => adapter.getAttributes(launchEnvelope({ deviceId })))).toEqual(["s3", "shape"]);
  });
});

/** The drop-ins find DB in the running request; run them inside one, as the Worker does. */
async function runWithDb<T>(work: () => Promise<T>): Promise<T> {
  const { runInRequestScope } = await import("../../src/ask-sdk/request-scope.js");
  const pending: Promise<unknown>[] = [];
  const result = await runInRequestScope({ env, waitUntil: (promise) => void pending.push(promise), logger: { log: () => {} } }, work);
  await Promise.all(pending);
  return result;
}
