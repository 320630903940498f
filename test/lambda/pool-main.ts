// The Workers test pool needs a main module for the Lambda project; the fixture Workers are
// bundles built by wrangler (setup/bundle-fixtures.global.ts) that the tests import directly.
export default {
  fetch: () => new Response("lambda fixtures: see test/lambda", { status: 404 }),
} satisfies ExportedHandler;
