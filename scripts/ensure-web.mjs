// Builds the web app when it has not been built yet (or when --force is given), so that
// `npm start` on a fresh clone serves the whole platform.
import { execSync } from 'node:child_process';
import fs from 'node:fs';

const force = process.argv.includes('--force');
if (force || !fs.existsSync('dist/web/index.html')) {
  console.log('Building the web app (first start only) / 首次启动，正在构建前端…');
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
}
