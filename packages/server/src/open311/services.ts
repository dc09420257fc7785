import type { AttributeConfig, CouncilConfig, ServiceConfig } from '../config/schema.ts';

/** GET services: Open311 fields, plus `groups` (FixMyStreet) and `emergency_notice` (ours). */
export function serviceSummary(service: ServiceConfig): Record<string, unknown> {
  return {
    service_code: service.service_code,
    service_name: service.service_name,
    description: service.description,
    metadata: service.attributes.length > 0,
    type: service.type,
    keywords: service.keywords.join(','),
    group: service.groups[0],
    groups: service.groups,
    ...(service.emergency_notice ? { emergency_notice: service.emergency_notice } : {}),
  };
}

export function sortedAttributes(service: ServiceConfig): AttributeConfig[] {
  return service.attributes
    .map((attribute, index) => ({ attribute, order: attribute.order ?? index + 1 }))
    .sort((a, b) => a.order - b.order)
    .map(({ attribute }) => attribute);
}

/** GET services/{code}: the Open311 service definition; `show_when` is our extension. */
export function serviceDefinition(service: ServiceConfig): Record<string, unknown> {
  return {
    service_code: service.service_code,
    attributes: sortedAttributes(service).map((a, index) => ({
      variable: a.variable,
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      datatype_description: a.datatype_description ?? '',
      order: a.order ?? index + 1,
      description: a.description,
      ...(a.values ? { values: a.values.map((v) => ({ key: v.key, name: v.name })) } : {}),
      ...(a.show_when ? { show_when: { code: a.show_when.code, values: a.show_when.values } } : {}),
    })),
  };
}

export function findService(config: CouncilConfig, code: string): ServiceConfig | undefined {
  return config.services.find((s) => s.service_code === code);
}
