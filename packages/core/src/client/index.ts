export { Open311Client } from './open311.js';
export type { Open311ClientOptions, PostOptions, UploadOptions } from './open311.js';
export type * from './open311-types.js';
export { ConsultationClient, localizedText } from './consultation.js';
export type { ConsultationClientOptions } from './consultation.js';
export type * from './consultation-types.js';
export {
  ApiError,
  ClientError,
  ConsultationError,
  NetworkError,
  Open311Error,
  TimeoutError,
  UnsupportedError,
} from './errors.js';
export type { ApiErrorItem, ApiErrorKind } from './errors.js';
export type { CallOptions, TransportOptions } from './http.js';
export { createIdempotencyKey } from './idempotency.js';
export { errorSubject } from './open311-subject.js';
export type { ErrorSubject } from './open311-subject.js';
