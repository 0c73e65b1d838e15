// The one kind of error the command line turns into a Dutch line and an exit code.

/** A failure the user can act on, with a one-line Dutch message. */
export class ReportError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}
