export { changedBrigades, changedParties, type ShownLink } from './changed-links.js';
export {
  type ListItemChanges,
  rebuildHouseListItems,
  refreshHouseListItems,
} from './house-list-items.js';
