import { webAppConfig } from '../../tools/vite/web-app-config.mts';

export default webAppConfig('admin', 4401);
