import { libraryConfig } from '../../scripts/vite-library.ts';

// `testing`: the shared field suite other packages' tests import (@civic-widgets/core/testing).
export default libraryConfig({ 'testing/index': 'src/testing/index.ts' });
