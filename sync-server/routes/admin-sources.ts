import { adminCrudRoutes } from '../admin/crud-routes.ts';
import { sourcesAdmin } from '../admin/resources.ts';

/** Administration of sources: see admin/crud-routes.ts for the API and admin/resources.ts for the rules. */
export default adminCrudRoutes(sourcesAdmin);
