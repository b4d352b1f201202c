/** The folders are the architecture: these rules keep them so. Run by `npm run lint:deps`. */
module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment: 'shared/ is the domain: it imports libraries, never our other folders',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(sync-server|renderer|electron|e2e|bench|scripts)/' },
    },
    {
      name: 'shared-no-node-or-dom-io',
      comment: 'shared/ runs on both sides: no Node built-ins',
      severity: 'error',
      from: { path: '^shared/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'server-not-desk',
      severity: 'error',
      from: { path: '^sync-server/' },
      to: { path: '^(renderer|electron|e2e|bench)/' },
    },
    {
      name: 'renderer-not-server-or-main',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^(sync-server|electron|e2e|bench)/' },
    },
    {
      name: 'electron-not-server-or-renderer',
      severity: 'error',
      from: { path: '^electron/' },
      to: { path: '^(sync-server|renderer|e2e|bench)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|dist-electron)/' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
