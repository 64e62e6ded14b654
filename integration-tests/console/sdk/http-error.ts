/** The console's error classes: `HttpError` is what every failed consoleFetch call throws. */
export class CustomError extends Error {
  constructor(message?: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class HttpError extends CustomError {
  constructor(
    message: string,
    public code?: number,
    public response?: Response,
    public json?: unknown,
  ) {
    super(message);
  }
}

export class TimeoutError extends CustomError {
  constructor(url: string, ms: number) {
    super(`Call to ${url} timed out after ${ms}ms.`);
  }
}

export class NoModelError extends CustomError {
  constructor() {
    super('Model does not exist');
  }
}
