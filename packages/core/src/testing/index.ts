/**
 * @civic-widgets/core/testing — test suites for elements built on core, run in a browser by
 * @web/test-runner with @open-wc/testing (a peer dependency: install it with your test runner).
 */
export { runFormFieldSuite, type FormFieldSuiteOptions } from './form-field-suite.js';
export { partsPastEdge } from './reflow.js';
export { until } from './until.js';
