/** An error whose message is the whole story for the user: printed on one line, no stack. */
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserFacingError";
  }
}

/** Runs a CLI entry point; user-facing errors print one line and exit 1. */
export async function runCli(main: () => Promise<number | void>): Promise<void> {
  try {
    const code = await main();
    process.exitCode = typeof code === "number" ? code : 0;
  } catch (error) {
    if (error instanceof UserFacingError) {
      console.error(`error: ${error.message}`);
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  }
}
