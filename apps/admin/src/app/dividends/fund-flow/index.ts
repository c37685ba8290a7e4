export { FundFlowExplorerPage } from './fund-flow-explorer-page';
