/** Kubernetes API errors, worded the way kube-apiserver words them, and their Status bodies. */

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code: number;
}

/** The pieces of a resource type that error messages need. */
export interface ResourceRef {
  group: string;
  plural: string;
  kind: string;
}

const REASONS: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  406: 'NotAcceptable',
  409: 'Conflict',
  410: 'Expired',
  413: 'RequestEntityTooLarge',
  415: 'UnsupportedMediaType',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

const DEFAULT_MESSAGES: Record<number, string> = {
  400: 'the server rejected our request for an unknown reason',
  401: 'Unauthorized',
  403: 'forbidden',
  404: 'the server could not find the requested resource',
  405: 'the server does not allow this method on the requested resource',
  409: 'the server reported a conflict',
  410: 'the resource version is too old',
  422: 'the server rejected our request due to an error in our request',
  429: 'the server has received too many requests and has asked us to try again later',
  500: 'an error on the server ("") has prevented the request from succeeding',
  503: 'the server is currently unable to handle the request',
  504: 'the server was unable to return a response in the time allotted, but may still be processing the request',
};

export function reasonFor(code: number): string {
  return REASONS[code] ?? 'Unknown';
}

export function defaultMessageFor(code: number): string {
  return (
    DEFAULT_MESSAGES[code] ??
    `the server responded with the status code ${code} but did not return more information`
  );
}

export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toStatus(): Status {
    const status: Status = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      code: this.code,
    };
    if (this.details) status.details = this.details;
    return status;
  }
}

/** `secrets` or `deployments.apps`: the "qualified resource" of apiserver messages. */
export function qualifiedResource(rt: ResourceRef): string {
  return rt.group ? `${rt.plural}.${rt.group}` : rt.plural;
}

function detailsFor(rt: ResourceRef, name?: string): StatusDetails {
  const d: StatusDetails = {};
  if (name !== undefined) d.name = name;
  if (rt.group) d.group = rt.group;
  d.kind = rt.plural;
  return d;
}

export function notFound(rt: ResourceRef, name: string): ApiError {
  return new ApiError(
    404,
    'NotFound',
    `${qualifiedResource(rt)} "${name}" not found`,
    detailsFor(rt, name),
  );
}

export function namespaceNotFound(ns: string): ApiError {
  return notFound({ group: '', plural: 'namespaces', kind: 'Namespace' }, ns);
}

export function pathNotFound(): ApiError {
  return new ApiError(404, 'NotFound', defaultMessageFor(404), {});
}

export function alreadyExists(rt: ResourceRef, name: string): ApiError {
  return new ApiError(
    409,
    'AlreadyExists',
    `${qualifiedResource(rt)} "${name}" already exists`,
    detailsFor(rt, name),
  );
}

export function conflict(rt: ResourceRef, name: string): ApiError {
  return new ApiError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualifiedResource(rt)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    detailsFor(rt, name),
  );
}

export function preconditionFailed(rt: ResourceRef, name: string, message: string): ApiError {
  return new ApiError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualifiedResource(rt)} "${name}": ${message}`,
    detailsFor(rt, name),
  );
}

export interface ForbiddenAttributes {
  user: string;
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace: string;
  name?: string;
}

export function forbidden(a: ForbiddenAttributes): ApiError {
  const rt = { group: a.group, plural: a.resource, kind: '' };
  const subject = a.name ? `${qualifiedResource(rt)} "${a.name}"` : qualifiedResource(rt);
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const scope = a.namespace ? `in the namespace "${a.namespace}"` : 'at the cluster scope';
  return new ApiError(
    403,
    'Forbidden',
    `${subject} is forbidden: User "${a.user}" cannot ${a.verb} resource "${resource}" in API group "${a.group}" ${scope}`,
    detailsFor(rt, a.name),
  );
}

export function badRequest(message: string): ApiError {
  return new ApiError(400, 'BadRequest', message, {});
}

export function methodNotAllowed(): ApiError {
  return new ApiError(405, 'MethodNotAllowed', defaultMessageFor(405), {});
}

export function unsupportedMediaType(contentType: string): ApiError {
  return new ApiError(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json (got "${contentType}")`,
    {},
  );
}

/** A 422 for one field, as `Kind "name" is invalid: field: message`. */
export function invalid(
  rt: ResourceRef,
  name: string,
  field: string,
  causeReason: string,
  message: string,
): ApiError {
  return new ApiError(422, 'Invalid', `${rt.kind} "${name}" is invalid: ${field}: ${message}`, {
    name,
    ...(rt.group ? { group: rt.group } : {}),
    kind: rt.kind,
    causes: [{ reason: causeReason, message, field }],
  });
}

/** The answer to a JSON patch that cannot be applied (a failed `test`, a missing path). */
export function patchNotApplicable(): ApiError {
  return new ApiError(422, 'Invalid', defaultMessageFor(422), {});
}

export function gone(message: string): ApiError {
  return new ApiError(410, 'Expired', message, {});
}

/** An error with a chosen code, for injected faults. */
export function withCode(code: number, message?: string): ApiError {
  return new ApiError(code, reasonFor(code), message ?? defaultMessageFor(code), {});
}
