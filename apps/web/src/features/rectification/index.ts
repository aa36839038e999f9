/** What other features may use of 整改: the dialog that raises an item from a review finding or a monitoring line. */
export { RaiseRectificationButton } from './components/raise-rectification';
export { rectificationKeys } from './api';
