// Importing the library brings its stylesheet, so every app gets the same tokens and components.
import './lib/styles/ui.css';

export { ApiClientProvider, useApiClient } from './lib/api/api-client-context';
export { AppProviders, type AppProvidersProps } from './lib/app-providers';
export { Button, type ButtonProps, type ButtonSize, type ButtonVariant } from './lib/button/button';
export { DataTable, type DataTableColumn, type DataTableProps } from './lib/data-table/data-table';
export { Pagination, type PaginationProps } from './lib/data-table/pagination';
export { EmptyState, type EmptyStateProps } from './lib/feedback/empty-state';
export { errorMessageKey } from './lib/feedback/error-message-key';
export { ErrorState, type ErrorStateProps } from './lib/feedback/error-state';
export { LoadingState, type LoadingStateProps } from './lib/feedback/loading-state';
export { Notice, type NoticeProps } from './lib/feedback/notice';
export { NotFoundState, type NotFoundStateProps } from './lib/feedback/not-found-state';
export { StatusBadge, type StatusBadgeProps, type StatusTone } from './lib/feedback/status-badge';
export { CheckboxField, type CheckboxFieldProps } from './lib/fields/checkbox-field';
export { FieldShell, type FieldTextProps, type FieldWiring } from './lib/fields/field-shell';
export { NumberField, type NumberFieldProps } from './lib/fields/number-field';
export { SelectField, type SelectFieldProps, type SelectOption } from './lib/fields/select-field';
export { TextAreaField, type TextAreaFieldProps } from './lib/fields/text-area-field';
export { TextField, type TextFieldProps } from './lib/fields/text-field';
export { COMMON_STRINGS, type TranslationTree } from './lib/i18n/common-strings';
export {
  LANGUAGE_STORAGE_KEY,
  createI18n,
  type AppResources,
  type CreateI18nOptions,
} from './lib/i18n/create-i18n';
export { DEFAULT_LANGUAGE, LANGUAGES, LANGUAGE_NAMES, isLanguage, type Language } from './lib/i18n/languages';
export { AppLayout, type AppLayoutProps } from './lib/layout/app-layout';
export { LanguageSwitch } from './lib/layout/language-switch';
export { useDocumentTitle } from './lib/layout/use-document-title';
export { HealthSummary } from './lib/system-health/health-summary';
export {
  ServiceChecks,
  ServiceStatusBadge,
  healthChecks,
  type HealthCheck,
} from './lib/system-health/service-status';
export {
  useSystemHealth,
  type ServiceHealth,
  type SystemHealth,
} from './lib/system-health/use-system-health';
