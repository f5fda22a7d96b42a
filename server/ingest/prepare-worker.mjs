// Worker entry: loads the TypeScript worker through tsx, so the thread runs the project's own sources.
import { tsImport } from "tsx/esm/api";

await tsImport("./prepare-worker.ts", import.meta.url);
