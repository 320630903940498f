/**
 * Identifiers and timestamps shaped like Alexa's: `amzn1.echo-api.request.<uuid>`
 * request ids, `amzn1.echo-api.session.<uuid>` session ids, opaque upper-case
 * account and device ids, and ISO 8601 timestamps without milliseconds
 * ("2019-05-13T12:34:56Z"), which is how Alexa writes `request.timestamp`.
 * The default skill, user and device ids are fixed so tests can configure and
 * key on them.
 */

/** Default skill id of dev envelopes; configure it in SKILL_IDS for local runs. */
export const DEV_SKILL_ID = "amzn1.ask.skill.5c111f1a-4e00-4d0e-8000-000000000001";
/** Default user id of dev envelopes. */
export const DEV_USER_ID = "amzn1.ask.account.AFSKILLFLAREDEVUSER2QWE7V4NHPIMCY3CXNH4BBZXDCLIQ5GJJIPCRONTFLNJ6LTCC";
/** Default device id of dev envelopes. */
export const DEV_DEVICE_ID = "amzn1.ask.device.AFSKILLFLAREDEVDEVICEUTY7K2BGDWAHJ5UJQMGOG5F4XG4GOYZJ2Y2WNQGI5DCCA";
/**
 * The `apiEndpoint` dev envelopes carry (Alexa's North America endpoint).
 */
export const DEFAULT_API_ENDPOINT = "https://api.amazonalexa.com";

/**
 * A fresh request id in Alexa's shape (`amzn1.echo-api.request.<uuid>`).
 * @example
 * createRequestEnvelope({ request: { type: "LaunchRequest" }, requestId: newRequestId() });
 */
export function newRequestId(): string {
  return `amzn1.echo-api.request.${crypto.randomUUID()}`;
}

/**
 * A fresh session id in Alexa's shape (`amzn1.echo-api.session.<uuid>`).
 * @example
 * const sessionId = newSessionId(); // "amzn1.echo-api.session.…"
 */
export function newSessionId(): string {
  return `amzn1.echo-api.session.${crypto.randomUUID()}`;
}

/** An opaque token in the shape of Alexa's apiAccessToken (a three-part JWT-like string). */
export function newApiAccessToken(): string {
  const part = () => crypto.randomUUID().replaceAll("-", "");
  return `eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.${part()}${part()}.${part()}`;
}

/**
 * Formats an instant the way Alexa does: ISO 8601, UTC, whole seconds.
 * @example
 * formatAlexaTimestamp(Date.UTC(2026, 0, 2, 3, 4, 5)); // "2026-01-02T03:04:05Z"
 */
export function formatAlexaTimestamp(instant: Date | number | string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`invalid timestamp: ${String(instant)}`);
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
