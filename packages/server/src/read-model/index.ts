export { changedBrigades, changedParties, type ShownLink } from './changed-links.js';
export { nextCleaningJson } from './house-list-item-json.js';
export {
  type ListItemChanges,
  rebuildHouseListItems,
  refreshHouseListItems,
} from './house-list-items.js';
