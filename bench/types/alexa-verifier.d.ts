/** Types for alexa-verifier 4 (it ships none): the promise form of its default export. */
declare module "alexa-verifier" {
  export default function alexaVerifier(certUrl: string, signature: string, requestBody: string): Promise<void>;
}
