import { ConfigError, loadConfig, startServer } from '@jixiao/server';
import { AppError } from '@jixiao/services';
import { CliError, EXIT_BAD_INPUT } from '../output';
import type { Command } from '../command';

export const serveCommand: Command = {
  name: 'serve',
  usage: 'jixiao serve [--port N]',
  help: [
    '默认 http://localhost:8080。首次启动时创建数据库并导入示例文档（JIXIAO_DEMO=0 可关闭）。',
    '环境变量：PORT（端口）、HOST（默认 127.0.0.1；设为 0.0.0.0 可供局域网访问）、',
    'JIXIAO_DATA_DIR（嵌入式数据库目录，默认 ./data）、DATABASE_URL（使用 PostgreSQL 服务器）、JIXIAO_DEMO。',
    '按 Ctrl+C 或发送 SIGTERM 停止。',
  ],
  positionals: false,
  options: { port: { type: 'string', describe: '监听端口，例如 8080（默认 PORT 环境变量或 8080）' } },
  async run({ positionals, values }, io) {
    if (positionals.length > 0) throw new CliError(`用法 (usage): ${this.usage}`, EXIT_BAD_INPUT);
    let config;
    try {
      config = loadConfig({ ...io.env, ...(typeof values.port === 'string' ? { PORT: values.port } : {}) });
    } catch (e) {
      if (e instanceof ConfigError) throw new CliError(e.message);
      throw e;
    }
    try {
      await startServer({
        port: config.port,
        hostname: config.host,
        dataDir: config.dataDir,
        ...(config.databaseUrl ? { databaseUrl: config.databaseUrl, postgres: config.postgres } : {}),
        demo: config.demo,
        secureCookies: config.secureCookies,
        trustProxy: config.trustProxy,
      });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        throw new CliError(`端口 ${config.port} 已被占用：jixiao 可能已经在运行，或请用 --port 换一个端口 (port in use)`);
      }
      if (e instanceof AppError) throw new CliError(e.message);
      throw e;
    }
  },
};
