export { APP_CONFIG, ConfigModule } from './config.module';
export {
  AppConfig,
  ConfigError,
  configDocs,
  configSchema,
  environmentWith,
  generateSecrets,
  isSet,
  loadConfig,
  parseConfig,
} from './config.schema';
