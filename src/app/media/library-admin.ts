// The parents' library changes for the Library screen: the admin session (PIN), uploads, edits,
// deletions and the scan's problem list, through the server's catalog admin API. A pass-through
// today; the screen refreshes the page's shared catalog (media-runtime.ts) after each change.
export {
  deleteItem,
  fetchProblems,
  openAdminSession,
  updateItem,
  uploadItem,
} from '../../data/catalog/catalog-api.ts';
