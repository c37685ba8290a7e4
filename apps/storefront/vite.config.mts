import { webAppConfig } from '../../tools/vite/web-app-config.mts';

export default webAppConfig('storefront', 4201);
