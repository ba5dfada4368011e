/** An error the CLI reports as one line and an exit code: 1 for failed decks, 2 for bad usage. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}
