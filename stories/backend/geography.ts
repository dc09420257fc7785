import { http, HttpResponse, type HttpHandler } from 'msw';
import type { Gazetteer } from '../../packages/server/src/geo/gazetteer.ts';
import { BASEMAP_LAYERS, basemapStyle, centreOf, type BasemapLayer } from '../../packages/server/src/geo/style.ts';
import { codedError, type MockContext } from './mock-http.ts';

/*
 * The offline basemap (the server's style over the demo's GeoJSON), the council's areas and the
 * address gazetteer. Glyphs are the demo's files, served as-is by Storybook at `fontsUrl`.
 */

export interface GeographyData {
  layers: Record<BasemapLayer, string>;
  gazetteer: Gazetteer;
  fontstack: string;
  /** Where the glyph files are served; no labels without. */
  fontsUrl?: string;
}

export function geographyHandlers({ base }: MockContext, { layers, gazetteer, fontstack, fontsUrl }: GeographyData): HttpHandler[] {
  return [
    http.get(`${base}/basemap/style.json`, () =>
      HttpResponse.json(basemapStyle({ base, center: centreOf(layers.boundary), zoom: 11, font: fontsUrl ? fontstack : null })),
    ),
    ...BASEMAP_LAYERS.map((layer) =>
      http.get(`${base}/basemap/${layer}.geojson`, () => new HttpResponse(layers[layer], { headers: { 'Content-Type': 'application/geo+json; charset=utf-8' } })),
    ),
    // MapLibre asks for any font stack; like the server, answer with our one font's file.
    http.get(`${base}/basemap/fonts/:stack/:range`, ({ params }) => (fontsUrl ? fetch(`${fontsUrl}/${String(params.range)}`) : new HttpResponse(null, { status: 404 }))),
    http.get(`${base}/api/area`, () => new HttpResponse(layers.boundary, { headers: { 'Content-Type': 'application/geo+json; charset=utf-8' } })),
    http.get(`${base}/api/parishes`, () => new HttpResponse(layers.parishes, { headers: { 'Content-Type': 'application/geo+json; charset=utf-8' } })),
    http.get(`${base}/api/addresses`, ({ request }) => {
      const url = new URL(request.url);
      const q = url.searchParams.get('q') ?? '';
      if (!q.trim()) return codedError(400, 'missing_q', 'Add a postcode or part of an address as q, like ?q=LK1 2AB or ?q=12 High Street.');
      return HttpResponse.json(gazetteer.search(q, Number(url.searchParams.get('limit') ?? 10)));
    }),
    http.get(`${base}/api/addresses/reverse`, ({ request }) => {
      const p = new URL(request.url).searchParams;
      return HttpResponse.json(gazetteer.reverse(Number(p.get('lat')), Number(p.get('lng')), Number(p.get('limit') ?? 5), Number(p.get('radius') ?? 250)));
    }),
  ];
}
