import { webAppConfig } from '../../tools/vite/web-app-config.mts';

export default webAppConfig('kiosk', 4301);
