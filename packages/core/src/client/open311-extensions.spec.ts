// @vitest-environment jsdom
// The reference server's labelled extensions in GET services and service definitions
// (`emergency_notice`, `show_when`), read from JSON and from XML as the server sends them.
import { describe, expect, it } from 'vitest';
import { parseBody } from './http.js';
import { toDefinition, toServices } from './open311-normalise.js';

describe('Open311 extension fields', () => {
  it('reads emergency_notice from services and leaves it out when absent', () => {
    const [pothole, graffiti] = toServices([
      { service_code: 'potholes', service_name: 'Pothole', emergency_notice: 'If someone is in danger, call 999.' },
      { service_code: 'graffiti', service_name: 'Graffiti' },
    ]);
    expect(pothole!.emergencyNotice).toBe('If someone is in danger, call 999.');
    expect(graffiti).not.toHaveProperty('emergencyNotice');
  });

  it('reads a service_definition carried in the list (?definitions=), from JSON and from XML, as GET services/{code} reads', () => {
    const definition = { service_code: 'potholes', attributes: [{ code: 'depth', datatype: 'singlevaluelist', description: 'How deep is it?', order: 1, values: [{ key: 'deep', name: 'Deep' }] }] };
    const [pothole, graffiti] = toServices([
      { service_code: 'potholes', service_name: 'Pothole', metadata: true, service_definition: definition },
      { service_code: 'graffiti', service_name: 'Graffiti', metadata: true },
    ]);
    expect(pothole!.definition).toEqual(toDefinition(definition));
    expect(pothole!.definition!.attributes[0]!.description).toBe('How deep is it?');
    expect(graffiti).not.toHaveProperty('definition');
    const xml = `<?xml version="1.0" encoding="utf-8"?><services><service><service_code>potholes</service_code><service_name>Pothole</service_name><metadata>true</metadata>
      <service_definition><service_code>potholes</service_code><attributes><attribute><code>depth</code><datatype>singlevaluelist</datatype><description>How deep is it?</description><order>1</order>
      <values><value><key>deep</key><name>Deep</name></value></values></attribute></attributes></service_definition></service>
      <service><service_code>graffiti</service_code><service_name>Graffiti</service_name><metadata>true</metadata></service></services>`;
    const fromXml = toServices(parseBody(xml, true));
    expect(fromXml[0]!.definition).toEqual(pothole!.definition);
    expect(fromXml[1]).not.toHaveProperty('definition');
  });

  it('reads show_when from a JSON service definition', () => {
    const def = toDefinition({
      service_code: 'potholes',
      attributes: [
        { code: 'caused_damage', datatype: 'singlevaluelist', order: 1, values: [{ key: 'yes', name: 'Yes' }] },
        { code: 'damage_details', datatype: 'text', order: 2, show_when: { code: 'caused_damage', values: ['yes'] } },
      ],
    });
    expect(def.attributes[0]).not.toHaveProperty('showWhen');
    expect(def.attributes[1]!.showWhen).toEqual({ code: 'caused_damage', values: ['yes'] });
  });

  it('reads show_when from an XML service definition with one or several values', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?><service_definition><service_code>lights</service_code><attributes>
      <attribute><code>fault</code><datatype>singlevaluelist</datatype><order>1</order></attribute>
      <attribute><code>count</code><datatype>number</datatype><order>2</order><show_when><code>fault</code><values><value>off</value></values></show_when></attribute>
      <attribute><code>more</code><datatype>text</datatype><order>3</order><show_when><code>fault</code><values><value>off</value><value>flashing</value></values></show_when></attribute>
    </attributes></service_definition>`;
    const def = toDefinition(parseBody(xml, true));
    expect(def.attributes.map((a) => a.showWhen)).toEqual([
      undefined,
      { code: 'fault', values: ['off'] },
      { code: 'fault', values: ['off', 'flashing'] },
    ]);
  });
});
