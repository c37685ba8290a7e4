// Jest globalSetup for browser tests that need the demo county (方城县: 2 towns, 6 villages,
// 300 households, staff of every role): like global-setup.mjs, and publishes E2E_DEMO too.
import { startE2eStack } from './global-setup.mjs';

export default async function globalSetupWithDemo(_globalConfig, projectConfig) {
  await startE2eStack(projectConfig, { seedDemo: true });
}
