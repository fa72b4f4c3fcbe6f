/**
 * MLflow's error body `{error_code, message}` and the HTTP status MLflow's server sends with each code
 * (its ERROR_CODE_TO_HTTP_STATUS).
 */

export const MLFLOW_ERROR_STATUS = {
  INVALID_PARAMETER_VALUE: 400,
  BAD_REQUEST: 400,
  RESOURCE_ALREADY_EXISTS: 400,
  // As MLflow's own server maps it (mlflow/exceptions.py), odd as a 5xx for a client's mistake is.
  INVALID_STATE: 500,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  RESOURCE_DOES_NOT_EXIST: 404,
  ENDPOINT_NOT_FOUND: 404,
  REQUEST_LIMIT_EXCEEDED: 429,
  /** Not one of MLflow's codes: its server leaves the body limit to the proxy in front, which answers 413. */
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL_ERROR: 500,
} as const;

export type MlflowErrorCode = keyof typeof MLFLOW_ERROR_STATUS;

export class MlflowError extends Error {
  constructor(
    readonly code: MlflowErrorCode,
    message: string,
  ) {
    super(message);
  }

  get status(): number {
    return MLFLOW_ERROR_STATUS[this.code];
  }

  toResponse(): Response {
    return Response.json({ error_code: this.code, message: this.message }, { status: this.status });
  }
}

export const invalid = (message: string) => new MlflowError("INVALID_PARAMETER_VALUE", message);
export const notFound = (message: string) => new MlflowError("RESOURCE_DOES_NOT_EXIST", message);
