/** The one way the web page talks to the server: JSON over same-origin fetch, failures as ApiError. */

export type FieldErrors = Record<string, string>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Validation messages by field name, e.g. `{ email: 'must be a valid email address' }`. */
    readonly fields: FieldErrors = {},
    /** The details as the server sent them, e.g. a refused file's problems line by line (fields keep one message per field). */
    readonly details: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isUnauthenticated(): boolean {
    return this.status === 401;
  }
}

/** Query-string values; empty ones ('', null, undefined) are left out. */
export type QueryParams = Record<string, string | number | null | undefined>;

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: QueryParams;
};

const BASE = '/api/v1';

/** The address of `/api/v1{path}`, for plain links such as CSV downloads (the session cookie goes along). */
export function apiUrl(path: string, query?: QueryParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${BASE}${path}${search ? `?${search}` : ''}`;
}

function toFieldErrors(details: unknown): FieldErrors {
  if (!Array.isArray(details)) return {};
  const fields: FieldErrors = {};
  for (const item of details) {
    if (item && typeof item === 'object' && 'field' in item && 'message' in item) {
      const { field, message } = item as { field: unknown; message: unknown };
      if (typeof field === 'string' && typeof message === 'string' && !(field in fields)) {
        fields[field] = message.charAt(0).toUpperCase() + message.slice(1);
      }
    }
  }
  return fields;
}

function apiErrorOf(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError(status, error.code, error.message, toFieldErrors(error.details), error.details);
  }
  return new ApiError(status, 'unknown', `The server answered with an unexpected error (${status}).`);
}

async function toApiError(response: Response): Promise<ApiError> {
  return apiErrorOf(response.status, await response.json().catch(() => null));
}

const NETWORK_ERROR = () => new ApiError(0, 'network', 'Could not reach the Accord server. Check your connection and try again.');

/** Calls `/api/v1{path}`; resolves with the parsed JSON body (undefined for 204), rejects with ApiError. */
export async function api<T>(path: string, { method = 'GET', body, query }: RequestOptions = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path, query), {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw NETWORK_ERROR();
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export type UploadOptions = {
  query?: QueryParams;
  contentType: string;
  /** Called as the file goes up, with the share sent so far (0 to 1). */
  onUploadProgress?: (share: number) => void;
  /** Called once the whole file has reached the server, which is still working on it. */
  onUploaded?: () => void;
};

/**
 * POSTs a file as the raw request body to `/api/v1{path}` and resolves with the JSON answer.
 * XMLHttpRequest rather than fetch, because only it reports upload progress.
 */
export function uploadFile<T>(path: string, file: Blob, { query, contentType, onUploadProgress, onUploaded }: UploadOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', apiUrl(path, query));
    request.withCredentials = true;
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('Content-Type', contentType);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onUploadProgress?.(event.loaded / event.total);
    };
    request.upload.onload = () => {
      onUploadProgress?.(1);
      onUploaded?.();
    };
    request.onerror = () => reject(NETWORK_ERROR());
    request.onload = () => {
      let body: unknown = null;
      try {
        body = request.responseText ? JSON.parse(request.responseText) : null;
      } catch {
        body = null;
      }
      if (request.status >= 200 && request.status < 300) resolve(body as T);
      else reject(apiErrorOf(request.status, body));
    };
    request.send(file);
  });
}

/** Validation messages by field, for `form.setErrors(...)`; empty for any other failure. */
export function fieldErrorsOf(error: unknown): FieldErrors {
  return error instanceof ApiError ? error.fields : {};
}

/** The message to show a person for any failure. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something unexpected went wrong. Please try again.';
}
