// For the images (appliance/Dockerfile, licensing-cloud/Dockerfile): turns DIR, a copy of the
// repository holding only what one service runs, into a workspace of just WORKSPACES, with every
// devDependency dropped, so that `npm install --omit=dev` there brings nothing else (`npm ci -w`
// would still bring every workspace's dependencies).
//   node packages/server-kit/scripts/production-workspace.mjs DIR WORKSPACE...
import fs from 'node:fs';
import path from 'node:path';

const [dir, ...workspaces] = process.argv.slice(2);
if (!dir || workspaces.length === 0) throw new Error('usage: production-workspace.mjs DIR WORKSPACE...');

const edit = (file, change) => {
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  change(manifest);
  delete manifest.devDependencies;
  fs.writeFileSync(file, JSON.stringify(manifest, null, 2));
};
edit(path.join(dir, 'package.json'), (root) => (root.workspaces = workspaces));
for (const workspace of workspaces) edit(path.join(dir, workspace, 'package.json'), () => undefined);
