import { Task, TaskStatus, initialState } from '@lit/task';
import { Open311Client, UnsupportedError, type Service, type ServiceAttribute, type ServiceRequest } from '@civic-widgets/core';
import type { ReactiveControllerHost } from 'lit';
import { hasPoint, nearbyOpen, type Answers } from './flow.js';
import { listPreloaded } from './list-preload.js';

/** The element's attributes that say which server to ask, and in which language. */
interface Host extends ReactiveControllerHost {
  endpoint: string;
  apiKey: string;
  jurisdictionId: string;
  locale: string;
}

interface CatalogueOptions {
  /** The chosen category. */
  serviceCode(): string;
  /** The category the page set (`service-code`), whose questions come first: '' when none. */
  preselected(): string;
  /** A (re)load of the categories finished. */
  onServices(services: Service[]): void;
  onQuestions(questions: ServiceAttribute[]): void;
  fail(operation: string, error: unknown): void;
}

/**
 * What the report form asks the Open311 server: the categories, a category's questions, whether
 * it takes photos, and open reports nearby. Loads go through Task, which keeps only the latest
 * load's answer: a slow reply for the old language (or server) never lands.
 */
export class Catalogue {
  private clientCache?: [string, Open311Client];
  private definitions = new Map<string, Promise<ServiceAttribute[]>>();
  private list: Service[] = [];

  constructor(
    private readonly host: Host,
    private readonly o: CatalogueOptions,
  ) {}

  /**
   * What the categories and questions depend on: the server, the key, and the resident's
   * language (a server with Welsh answers in it; the page's `lang` can change without a reload).
   */
  get key(): string {
    const h = this.host;
    return `${h.endpoint}\n${h.apiKey}\n${h.jurisdictionId}\n${h.locale}`;
  }

  /** The Open311 client for the current settings. */
  get client(): Open311Client {
    const id = this.key;
    if (this.clientCache?.[0] !== id) {
      const h = this.host;
      const options = { endpoint: h.endpoint, apiKey: h.apiKey || undefined, jurisdictionId: h.jurisdictionId || undefined, language: h.locale };
      this.clientCache = [id, new Open311Client(options)];
    }
    return this.clientCache[1];
  }

  /** The categories, (re)loaded when the endpoint or the language changes; a failed reload keeps the last list. */
  readonly services = new Task(this.host, {
    args: () => [this.key] as const,
    task: () => {
      if (!this.host.endpoint) return initialState;
      const code = this.o.preselected();
      // The language in the URL: the one a page can preload (docs/integrators.md).
      return code ? this.servicesWith(code) : this.client.services({ locale: true });
    },
    onComplete: (services) => {
      this.list = services;
      this.o.onServices(services);
    },
    onError: (error) => this.o.fail('load-services', error),
  });

  /** Loading the categories failed (the last time it was tried). */
  get failed(): boolean {
    return this.services.status === TaskStatus.ERROR;
  }

  /** The chosen category's questions (cached per category and language). Run by `loadQuestions`. */
  private readonly questions = new Task(this.host, {
    autoRun: false,
    args: () => [this.key, this.o.serviceCode()] as const,
    task: ([, code]) => (this.list.find((s) => s.code === code)?.metadata ? this.definition(code) : ([] as ServiceAttribute[])),
    onComplete: (questions) => this.o.onQuestions(questions),
  });

  /** A category's questions, asked for once per server and language (a failed load may be tried again). */
  private definition(code: string, load = () => this.client.serviceDefinition(code).then((d) => d.attributes)): Promise<ServiceAttribute[]> {
    const key = `${this.key}\n${code}`;
    let p = this.definitions.get(key);
    if (!p) {
      p = load();
      this.definitions.set(key, p);
      p.catch(() => this.definitions.delete(key));
    }
    return p;
  }

  /**
   * The categories when the page set one: its first question should wait on one answer, not two
   * in a row (issue #18). The list is asked for with that category's questions in it (the
   * reference server's `?definitions=` extension; the one URL a page can preload), and at the
   * same moment the questions on their own, which a server without the extension needs: the
   * list's copy when it carries one (the other answer is then not waited for), else the other.
   * Neither kind of server waits on a second round. A page that preloads the list has said its
   * server carries the questions (list-preload.ts): they are asked for on their own only if the
   * list came without them.
   */
  private servicesWith(code: string): Promise<Service[]> {
    const listed = this.client.services({ definitions: [code] });
    const own = () => this.client.serviceDefinition(code).then((d) => d.attributes);
    this.definition(code, () => {
      const alongside = listPreloaded(this.host.endpoint, code) ? undefined : own();
      alongside?.catch(() => undefined);
      return listed.then((list) => list.find((s) => s.code === code)?.definition?.attributes ?? alongside ?? own());
    }).catch(() => undefined);
    return listed;
  }

  /** Loads the chosen category's questions; rejects when the latest load failed. */
  async loadQuestions(): Promise<void> {
    await this.questions.run();
    await this.questions.taskComplete;
  }

  /** Media upload is an extension: whether the server has it (an empty file: 400 with, 404/405/501 without). */
  async hasMedia(): Promise<boolean> {
    try {
      await this.client.uploadMedia(new Blob([], { type: 'image/jpeg' }));
      return true;
    } catch (error) {
      return !(error instanceof UnsupportedError);
    }
  }

  /** Open reports of the same category near the chosen place; none on failure ("Is it one of these?" is a help, not a step). */
  async nearby({ place, serviceCode }: Answers, radius: number): Promise<ServiceRequest[]> {
    // A place described in words has no point to search near.
    if (!place || !hasPoint(place)) return [];
    try {
      // With the near-a-point extension the server filters; without it, it returns recent
      // requests and nearbyOpen() filters them here. Either way the answer is the same.
      const since = new Date(Date.now() - 90 * 86_400_000);
      const found = await this.client.requests({ serviceCode, lat: place.lat, long: place.lng, radius, startDate: since, status: 'open' });
      return nearbyOpen(found, serviceCode, place, radius);
    } catch (error) {
      this.o.fail('lookup', error);
      return [];
    }
  }
}
