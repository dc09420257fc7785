import { libraryConfig } from '../../scripts/vite-library.ts';

export default libraryConfig();
