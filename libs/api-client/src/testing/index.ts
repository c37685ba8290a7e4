export { healthBody, startHealthServer, type HealthScenario, type HealthServer } from './health-server';
export {
  sendJson,
  startStubServer,
  unreachableUrl,
  type RecordedRequest,
  type StubHandler,
  type StubServer,
} from './stub-server';
