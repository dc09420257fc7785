import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import { z } from 'zod';
import { codedError } from '../http/api-error.ts';

/*
 * The gazetteer's and the basemap's route schemas: they validate each request (through
 * fastify-type-provider-zod) and are what /openapi.json says about these routes. docs/gazetteer.md
 * is the full contract.
 */

export const tags = ['Gazetteer and basemap'];

/** A whole number in a query string, `fallback` when absent or empty. */
const intQuery = (fallback: number, min: number, max: number, message: string, description: string) =>
  z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || (Number.isInteger(Number(v)) && Number(v) >= min && Number(v) <= max), { error: message })
    .transform((v) => (v === undefined || v === '' ? fallback : Number(v)))
    .meta({ type: 'integer', minimum: min, maximum: max, default: fallback, description });

/** A number in a query string, required, within [min, max]. */
const numberQuery = (min: number, max: number, message: string, description: string) =>
  z
    .string({ error: message })
    .refine((v) => v !== '' && Number.isFinite(Number(v)) && Number(v) >= min && Number(v) <= max, { error: message })
    .transform(Number)
    .meta({ type: 'number', minimum: min, maximum: max, description });

export const searchQuery = z.object({
  q: z
    .string({ error: 'Add a postcode or part of an address as q, like ?q=LK1 2AB or ?q=12 High Street.' })
    .refine((q) => q.trim() !== '', { error: 'Add a postcode or part of an address as q, like ?q=LK1 2AB or ?q=12 High Street.' })
    .refine((q) => q.length <= 200, { error: 'The search text must be 200 characters or fewer.' })
    .meta({ maxLength: 200, description: 'What the resident typed: a postcode (any case or spacing), street, number, house name or town' }),
  limit: intQuery(10, 1, 50, 'limit must be a whole number from 1 to 50.', 'Most results'),
});

export const reverseQuery = z.object({
  lat: numberQuery(-90, 90, 'lat must be a number between -90 and 90.', 'Latitude (WGS 84)'),
  lng: numberQuery(-180, 180, 'lng must be a number between -180 and 180.', 'Longitude (WGS 84)'),
  limit: intQuery(5, 1, 50, 'limit must be a whole number from 1 to 50.', 'Most results'),
  radius: intQuery(250, 1, 2000, 'radius must be a whole number of metres from 1 to 2000.', 'Maximum distance in metres'),
});

/**
 * The gazetteer's errors carry a word: `missing_q` for no search text, else `invalid_<field>`,
 * for the first problem (the order of the fields above).
 */
export function gazetteerError(errors: FastifySchemaValidationError[]) {
  const first = errors[0]!;
  const field = first.instancePath.split('/')[1] ?? 'request';
  const missing = field === 'q' && !/200 characters/.test(first.message ?? '');
  return codedError(400, missing ? 'missing_q' : `invalid_${field}`, first.message ?? `${field} is not valid.`);
}

const address = z.object({
  type: z.literal('Feature'),
  id: z.string().optional(),
  geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]).describe('[longitude, latitude]') }),
  properties: z.object({
    label: z.string().describe('Full one-line address'),
    uprn: z.string(),
    number: z.string().nullable().optional(),
    name: z.string().nullable().optional(),
    street: z.string(),
    town: z.string(),
    postcode: z.string(),
    distance: z.number().int().optional().describe('Metres from the point (reverse only)'),
  }),
});

export const addressCollection = z.object({ type: z.literal('FeatureCollection'), features: z.array(address) });

const errors = z.array(z.object({ code: z.string(), description: z.string() })).describe('Bad parameters: [{code, description}] with a word code');
export const addressResponses = (description: string) => ({ 200: addressCollection.describe(description), 400: errors });

/** Any GeoJSON FeatureCollection (the areas and the basemap layers). */
export const featureCollection = (description: string) => z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) }).describe(description);
