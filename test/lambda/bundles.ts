// The fixture Workers as wrangler bundled them (setup/bundle-fixtures.global.ts).
export async function fixtureWorker(name: "visit-counter" | "s3-media"): Promise<ExportedHandler<Env>> {
  const path = `../../.vitest/lambda-bundles/${name}/${name}.worker.js`;
  const module = (await import(/* @vite-ignore */ path)) as { default: ExportedHandler<Env> };
  return module.default;
}
