import { describe, expect, it } from 'vitest';
import { toNationalGrid } from './osgb.js';

// Reference values from FixMyStreet's own tests of what it sends councils:
// t/sendreport/open311_send.t (its test reports' default point, 51.5016605453401,
// -0.142497580865087 → attribute[easting] 529025, attribute[northing] 179716) and
// t/cobrand/bromley.t (51.402096, 0.015784 → 540315, 168935).
describe('toNationalGrid', () => {
  it('gives the easting and northing FixMyStreet sends for the same point', () => {
    expect(toNationalGrid(51.5016605453401, -0.142497580865087)).toEqual({ easting: 529025, northing: 179716 });
    expect(toNationalGrid(51.402096, 0.015784)).toEqual({ easting: 540315, northing: 168935 });
  });

  it('places the National Grid’s true origin where the OS guide puts it', () => {
    // 49°N 2°W (OSGB36) is (400000, -100000); in WGS84 it lies ~100 m away, so allow for the datum.
    const { easting, northing } = toNationalGrid(49, -2);
    expect(Math.abs(easting - 400000)).toBeLessThan(150);
    expect(Math.abs(northing + 100000)).toBeLessThan(150);
  });
});
