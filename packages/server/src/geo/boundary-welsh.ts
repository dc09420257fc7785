import type { CouncilConfig } from '../config/schema.ts';

/** A GeoJSON FeatureCollection as read from a file. */
export type Collection = { type?: string; features?: { properties?: Record<string, unknown> | null }[] };

/**
 * Gives the council's polygon in a boundary file the council's Welsh name from the config
 * (`council.cy.name`) when the file has none, so a Welsh page says "outside Cyngor Dosbarth
 * Larkmead". Neighbours' Welsh names and messages are the file's own (`cy: { name, message }` in
 * their properties). Pure (no Node API): the Storybook mock backend serves the same file alike.
 */
export function addCouncilWelsh(json: Collection, config: Pick<CouncilConfig, 'council'>): Collection {
  const welsh = config.council.cy?.name;
  if (!welsh) return json;
  for (const feature of json.features ?? []) {
    const props = feature.properties;
    if (props?.role !== 'council') continue;
    const cy = props.cy && typeof props.cy === 'object' ? (props.cy as Record<string, unknown>) : {};
    props.cy = { name: welsh, ...cy };
  }
  return json;
}
