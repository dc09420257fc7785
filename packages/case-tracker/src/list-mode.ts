// List mode, fetched only by a tracker with mode="list".
export { ListLoader } from './list.js';
export { renderList } from './list-view.js';
