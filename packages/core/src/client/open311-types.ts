/** Clean models of Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2/), whatever a server sent. */

/**
 * A request's status, lowercased with `_` between words ("Open" → `open`,
 * "NOT COUNCILS RESPONSIBILITY" → `not_councils_responsibility`). Open311 knows `open` and
 * `closed`; mySociety's extended statuses are listed for completion; any other status a server
 * invents is kept as it comes (normalised the same way).
 */
export type RequestStatus =
  | 'open'
  | 'closed'
  | 'investigating'
  | 'in_progress'
  | 'action_scheduled'
  | 'fixed'
  | 'duplicate'
  | 'not_councils_responsibility'
  | 'no_further_action'
  | 'internal_referral'
  | (string & {});

/** GET services: one category a resident can report. */
export interface Service {
  /** service_code, always a string ("001" keeps its zeros when the server sent it as text). */
  code: string;
  name: string;
  description: string;
  /** Whether the service has its own questions (GET services/{code}). */
  metadata: boolean;
  /** realtime | batch | blackbox (batch servers answer POST with a token). */
  type: string;
  keywords: string[];
  /** Every group the service is in: `group` split on commas, or a `groups` list. */
  groups: string[];
  /**
   * Extension (the reference server's `emergency_notice`): what to do instead when it is an
   * emergency, e.g. "If someone is in danger, call 999". Absent on plain Open311 servers.
   */
  emergencyNotice?: string;
  /**
   * Extension (the reference server's `service_definition`, asked for with `services({ definitions })`):
   * the service's questions, carried in the list so no second request is needed. Absent on
   * plain Open311 servers: ask `serviceDefinition(code)` then.
   */
  definition?: ServiceDefinition;
}

/** One choice of a list attribute. */
export interface AttributeValue {
  key: string;
  name: string;
  /**
   * Extension (the reference server's `stop`, docs/open311-extensions.md): this answer stops the
   * form — the text says what to do instead ("Call us now on …"); nothing is sent.
   */
  stop?: string;
}

/** One question of a service definition. */
export interface ServiceAttribute {
  code: string;
  /** false: information to show, not a question (the spec's `variable`). */
  variable: boolean;
  /** string | number | datetime | text | singlevaluelist | multivaluelist (lowercased). */
  datatype: string;
  required: boolean;
  /** Help about the expected input: show it as hint text. */
  datatypeDescription: string;
  order: number;
  /** The question itself. */
  description: string;
  values: AttributeValue[];
  /**
   * mySociety extension: `server_set` (the server fills it, don't ask) or `hidden_field`
   * (send it, don't show it). Absent on plain Open311 servers.
   */
  automated?: string;
  /**
   * Extension (the reference server's `show_when`): ask this question only when the answer to
   * the question `code` is one of `values`. Absent on plain Open311 servers.
   */
  showWhen?: { code: string; values: string[] };
}

/** GET services/{code}: the attributes sorted by `order` (those without one keep their place, last). */
export interface ServiceDefinition {
  serviceCode: string;
  attributes: ServiceAttribute[];
}

/** A service request as GET requests returns it. Dates are null when absent or unreadable. */
export interface ServiceRequest {
  id: string;
  status: RequestStatus;
  statusNotes: string;
  serviceName: string;
  serviceCode: string;
  description: string;
  agencyResponsible: string;
  serviceNotice: string;
  requestedAt: Date | null;
  updatedAt: Date | null;
  expectedAt: Date | null;
  address: string;
  addressId: string;
  zipcode: string;
  lat: number | null;
  long: number | null;
  /** The first photo ('' when none): Open311's `media_url`. */
  mediaUrl: string;
  /**
   * Every photo, in order, the first being `mediaUrl`: the `media_urls` extension
   * (docs/open311-extensions.md#several-photos), or Open311's one `media_url`. Empty when none.
   */
  mediaUrls: string[];
  /**
   * Extension (the reference server's `extended_status`, mySociety's extended statuses): the
   * finer status (`action_scheduled`, `fixed`…) when `status` says only open or closed. Absent
   * on plain Open311 servers.
   */
  extendedStatus?: RequestStatus;
}

/** One entry of the service request updates extension (GET servicerequestupdates). */
export interface ServiceRequestUpdate {
  id: string;
  serviceRequestId: string;
  status: RequestStatus;
  updatedAt: Date | null;
  description: string;
  mediaUrl: string;
  /** A back-office status code some servers add (Confirm via open311-adapter). */
  externalStatusCode?: string;
  /**
   * The language `description` is in, where the server says (the reference server's
   * `description_language`): a Welsh page marks an English one as English for screen readers.
   */
  descriptionLanguage?: string;
}

/** POST requests: a server answers with the id, or (batch servers) with a token to exchange later. */
export interface CreatedRequest {
  serviceRequestId: string | null;
  token: string | null;
  serviceNotice: string;
  accountId: string | null;
}

/** GET tokens/{token}: the id once the server has made the request (null until then). */
export interface TokenStatus {
  token: string;
  serviceRequestId: string | null;
}

/** What a resident reports (POST requests). Spec field names, in camelCase. */
export interface NewServiceRequest {
  serviceCode: string;
  lat?: number;
  long?: number;
  addressString?: string;
  addressId?: string;
  email?: string;
  deviceId?: string;
  accountId?: string;
  firstName?: string;
  lastName?: string;
  phone?: string;
  description?: string;
  /** A photo, from `uploadMedia` (Open311's one `media_url`). */
  mediaUrl?: string;
  /**
   * Extension: every photo, sent as `media_urls[]` (and the first as `media_url` when `mediaUrl`
   * is not given). Only for a server that takes several (its widget configuration's
   * `photosPerReport`): others keep only `media_url`.
   */
  mediaUrls?: readonly string[];
  /** Extension (`email_updates`): email the reporter when the request is updated. */
  emailUpdates?: boolean;
  /** Answers keyed by attribute code; an array for a multivaluelist. */
  attributes?: Record<string, string | number | boolean | readonly (string | number)[] | null | undefined>;
}

/** GET requests filters; `lat`/`long`/`radius` (metres) and `page`/`page_size` are extensions. */
export interface RequestsQuery {
  serviceRequestId?: string | readonly string[];
  serviceCode?: string;
  status?: string;
  startDate?: Date | string;
  endDate?: Date | string;
  lat?: number;
  long?: number;
  radius?: number;
  page?: number;
  pageSize?: number;
}

/** GET servicerequestupdates filters. */
export interface UpdatesQuery {
  serviceRequestId?: string;
  startDate?: Date | string;
  endDate?: Date | string;
}
