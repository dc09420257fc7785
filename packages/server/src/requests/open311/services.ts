import type { AttributeConfig, CouncilConfig, ServiceConfig } from '../../config/schema.ts';
import { inLanguage, type Language } from './language.ts';

/**
 * GET services: Open311 fields, plus `groups` (FixMyStreet) and `emergency_notice` (ours), in
 * `language` where the config gives it (field by field, English otherwise). With `definition`
 * (asked for by `?definitions=`), a service with questions carries its GET services/{code} answer
 * as `service_definition` (our extension, docs/open311-extensions.md).
 */
export function serviceSummaryIn(service: ServiceConfig, language: Language, definition = false): Record<string, unknown> {
  const groups = inLanguage(service, 'groups', language);
  const emergency = inLanguage(service, 'emergency_notice', language);
  return {
    service_code: service.service_code,
    service_name: inLanguage(service, 'service_name', language),
    description: inLanguage(service, 'description', language),
    metadata: service.attributes.length > 0,
    type: service.type,
    keywords: inLanguage(service, 'keywords', language).join(','),
    group: groups[0],
    groups,
    ...(emergency ? { emergency_notice: emergency } : {}),
    ...(definition && service.attributes.length > 0 ? { service_definition: serviceDefinitionIn(service, language) } : {}),
  };
}

/**
 * The service codes `?definitions=` names: comma-separated (`potholes,street_lights`), or the
 * parameter repeated. Codes the config lacks are ignored, as GET services ignores what it does
 * not know.
 */
export function definitionsAskedFor(param: unknown): Set<string> {
  const values = Array.isArray(param) ? param : [param];
  return new Set(values.flatMap((v) => (typeof v === 'string' ? v.split(',') : [])).map((c) => c.trim()).filter(Boolean));
}

/** GET services in English (the config's own text); fits `services.map(serviceSummary)`. */
export function serviceSummary(service: ServiceConfig): Record<string, unknown> {
  return serviceSummaryIn(service, 'en');
}

export function sortedAttributes(service: ServiceConfig): AttributeConfig[] {
  return service.attributes
    .map((attribute, index) => ({ attribute, order: attribute.order ?? index + 1 }))
    .sort((a, b) => a.order - b.order)
    .map(({ attribute }) => attribute);
}

/**
 * GET services/{code}: the Open311 service definition, questions, help and answers in `language`
 * where the config gives it; `show_when` and a value's `stop` are our extensions.
 */
export function serviceDefinitionIn(service: ServiceConfig, language: Language): Record<string, unknown> {
  return {
    service_code: service.service_code,
    attributes: sortedAttributes(service).map((a, index) => ({
      variable: a.variable,
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      datatype_description: inLanguage(a, 'datatype_description', language) ?? '',
      order: a.order ?? index + 1,
      description: inLanguage(a, 'description', language),
      ...(a.values
        ? {
            values: a.values.map((v) => {
              const stop = inLanguage(v, 'stop', language);
              return { key: v.key, name: inLanguage(v, 'name', language), ...(stop ? { stop } : {}) };
            }),
          }
        : {}),
      ...(a.show_when ? { show_when: { code: a.show_when.code, values: a.show_when.values } } : {}),
    })),
  };
}

/** GET services/{code} in English. */
export function serviceDefinition(service: ServiceConfig): Record<string, unknown> {
  return serviceDefinitionIn(service, 'en');
}

export function findService(config: CouncilConfig, code: string): ServiceConfig | undefined {
  return config.services.find((s) => s.service_code === code);
}
