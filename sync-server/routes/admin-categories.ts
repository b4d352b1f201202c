import { adminCrudRoutes } from '../admin/crud-routes.ts';
import { categoriesAdmin } from '../admin/resources.ts';

/** Administration of categories: see admin/crud-routes.ts for the API and admin/resources.ts for the rules. */
export default adminCrudRoutes(categoriesAdmin);
