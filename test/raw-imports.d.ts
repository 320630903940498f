// Vite's `?raw` suffix imports a file's text verbatim; tests use it to load fixtures byte-exact.
declare module "*?raw" {
  const text: string;
  export default text;
}
