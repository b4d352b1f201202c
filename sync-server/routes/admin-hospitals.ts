import { adminCrudRoutes } from '../admin/crud-routes.ts';
import { hospitalsAdmin } from '../admin/resources.ts';

/** Administration of hospitals: see admin/crud-routes.ts for the API and admin/resources.ts for the rules. */
export default adminCrudRoutes(hospitalsAdmin);
