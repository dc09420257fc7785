import { Task } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { AreaSet } from '../geo/boundary.js';
import type { Rejection } from '../geo/boundary-check.js';

export type { Rejection };

export type Verdict = { rejection: Rejection } | { rejection: null; area: string | null };

export interface AreaCheckOptions {
  /** The council's boundary GeoJSON URL (`boundary-src`); '' for none. */
  boundarySrc(): string;
  /** Area polygons (parishes) GeoJSON URL (`areas-src`); '' for none. */
  areasSrc(): string;
  onError(operation: string, message: string, cause: unknown): void;
}

/**
 * The council's boundary and its areas (e.g. parishes): each loaded through a Task when its URL
 * changes (a newer URL aborts the older load and only the latest answer counts), with the maths
 * as a lazy chunk (geo/boundary-check.ts). `check` judges a chosen point against them.
 */
export class AreaCheckController {
  /** The lazy chunk, once a file has loaded. */
  private rules?: typeof import('../geo/boundary-check.js');
  private readonly boundaryLoad: Task<readonly [string], AreaSet | null>;
  private readonly areasLoad: Task<readonly [string], AreaSet | null>;

  constructor(host: ReactiveControllerHost, o: AreaCheckOptions) {
    const load = (what: 'boundary' | 'areas', url: () => string) =>
      new Task(host, {
        args: () => [url()] as const,
        task: async ([src], { signal }) => {
          if (!src) return null;
          const [response, rules] = await Promise.all([fetch(src, { signal }), import('../geo/boundary-check.js')]);
          if (!response.ok) throw new Error(`${src} answered ${response.status}`);
          this.rules = rules;
          return rules.toAreaSet(await response.json());
        },
        // Without the boundary we cannot check points; say so to the page, accept points.
        onError: (error) => o.onError(`load-${what}`, `could not load ${what} GeoJSON`, error),
      });
    this.boundaryLoad = load('boundary', o.boundarySrc);
    this.areasLoad = load('areas', o.areasSrc);
  }

  /** The boundary once loaded (the latest URL's); null when there is none or it failed. */
  get boundary(): Promise<AreaSet | null> {
    return settledValue(this.boundaryLoad);
  }

  /**
   * Whether the council looks after this point and, if so, the most specific area we know: a
   * parish from `areas-src`, else the council. With no boundary every point is accepted.
   */
  async check(lat: number, lng: number, locale = 'en'): Promise<Verdict> {
    const boundary = await this.boundary;
    // A boundary, once loaded, came with the rules that judge it.
    const rejection = boundary && this.rules!.refusal(boundary, lat, lng, locale);
    if (rejection) return { rejection };
    const areas = await settledValue(this.areasLoad);
    // The area's name is data sent with the place (the value's `area`): as the file writes it.
    return { rejection: null, area: areas?.nameAt(lat, lng) ?? boundary?.councilName() ?? null };
  }
}

/** A load's latest answer: null before it first runs and when it failed (onError told the page). */
function settledValue(task: Task<readonly [string], AreaSet | null>): Promise<AreaSet | null> {
  return task.taskComplete.then(
    (value) => value ?? null,
    () => null,
  );
}
