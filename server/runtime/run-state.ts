import fs from "node:fs";
import path from "node:path";

/** Which `npm start` serves a data folder: written beside the folder, removed when it stops. */
export interface RunState {
  pid: number;
  appPort: number;
  databasePort: number;
}

function stateFile(dataDir: string): string {
  return path.join(path.dirname(dataDir), `${path.basename(dataDir)}.app.json`);
}

export function writeRunState(dataDir: string, state: RunState): void {
  fs.writeFileSync(stateFile(dataDir), `${JSON.stringify(state)}\n`);
}

export function readRunState(dataDir: string): RunState | null {
  try {
    return JSON.parse(fs.readFileSync(stateFile(dataDir), "utf8")) as RunState;
  } catch {
    return null;
  }
}

export function clearRunState(dataDir: string): void {
  fs.rmSync(stateFile(dataDir), { force: true });
}
