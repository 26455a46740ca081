/** An error the user can act on: printed as one line (plus a hint), never as a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    /** 2 for bad usage or unknown ids, 1 for failed checks. */
    readonly exitCode: number = 2,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
