/** An error whose message is the whole story for the user: printed on one line, no stack. */
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserFacingError";
  }
}

/**
 * Runs a CLI entry point; user-facing errors print one line and exit 1. The
 * exit is explicit because the embedded database's exit hook would otherwise
 * replace the exit code.
 */
export async function runCli(main: () => Promise<number | void>): Promise<void> {
  let code = 0;
  try {
    const result = await main();
    code = typeof result === "number" ? result : 0;
  } catch (error) {
    if (error instanceof UserFacingError) {
      console.error(`error: ${error.message}`);
    } else {
      console.error(error);
    }
    code = 1;
  }
  process.exit(code);
}
