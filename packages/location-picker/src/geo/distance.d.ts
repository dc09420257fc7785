export type Direction = 'north' | 'south' | 'east' | 'west';
/** The point `metres` away in one compass direction (equirectangular; exact enough under 1 km). */
export declare function offset(lat: number, lng: number, metres: number, direction: Direction): {
    lat: number;
    lng: number;
};
/** Great-circle distance in metres (haversine). */
export declare function distance(a: {
    lat: number;
    lng: number;
}, b: {
    lat: number;
    lng: number;
}): number;
