// Until @civic-widgets/location-picker ships its define module, type the lazy import as a
// side-effect module; once the real module resolves, TypeScript uses it instead.
declare module '@civic-widgets/location-picker/define';
