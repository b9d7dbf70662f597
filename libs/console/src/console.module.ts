import { join } from 'node:path';
import { Module, type DynamicModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { CONSOLE_PATH, consoleDir, requireConsoleBuild } from './console-build';

export interface ConsoleOptions {
  /** The built console; default: `CONSOLE_DIR` or dist/console (see consoleDir). */
  readonly dir?: string;
}

/**
 * The web console (issue 6 §2): the built SPA at /console, index.html for every deep link under
 * it, the hashed assets cached for a year. The API it calls is the process's own (same origin):
 * import this next to the alerting and audit modules. A missing build stops start-up with a
 * ConsoleBuildMissingError that says how to build it.
 */
@Module({})
export class ConsoleModule {
  static forRoot(options: ConsoleOptions = {}): DynamicModule {
    const dir = requireConsoleBuild(options.dir ?? consoleDir());
    return {
      module: ConsoleModule,
      imports: [
        ServeStaticModule.forRoot({
          rootPath: dir,
          serveRoot: CONSOLE_PATH,
          serveStaticOptions: { index: 'index.html', setHeaders: cacheHeaders(dir) },
        }),
      ],
    };
  }
}

/** Vite names assets by content hash: cache them for good; index.html must always be asked. */
const cacheHeaders =
  (dir: string) =>
  (res: { setHeader(name: string, value: string): void }, path: string): void => {
    res.setHeader(
      'cache-control',
      path.startsWith(join(dir, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
  };
