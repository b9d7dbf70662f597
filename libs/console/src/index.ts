// The web console (issue 6 §2): the built SPA served at /console by whichever process imports it.
export { ConsoleModule, type ConsoleOptions } from './console.module';
export {
  CONSOLE_PATH,
  ConsoleBuildMissingError,
  consoleBuilt,
  consoleDir,
  DEFAULT_CONSOLE_DIR,
  requireConsoleBuild,
} from './console-build';
