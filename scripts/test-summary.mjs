// Last step of `npm test`: adds up the JSON reports of the workerd, Node and Lambda
// vitest runs and prints one plain closing line, "N passed, N failed, N skipped",
// so a run that executed no test cannot pass unnoticed. Exits 1 when nothing ran.
import { readFileSync } from "node:fs";

const reports = process.argv.slice(2).map((path) => JSON.parse(readFileSync(path, "utf8")));
const sum = (key) => reports.reduce((total, report) => total + (report[key] ?? 0), 0);
const passed = sum("numPassedTests");
const failed = sum("numFailedTests");
const skipped = sum("numPendingTests") + sum("numTodoTests");
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
