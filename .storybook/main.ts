import type { StorybookConfig } from '@storybook/react-vite';
import remarkGfm from 'remark-gfm';
import type { BuildEnvironmentOptions } from 'vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: [
    // MDX 3 is CommonMark only: GitHub-style tables (the Introduction's "Layers") need remark-gfm.
    { name: '@storybook/addon-docs', options: { mdxPluginOptions: { mdxCompileOptions: { remarkPlugins: [remarkGfm] } } } },
    '@storybook/addon-a11y',
    '@storybook/addon-vitest',
  ],
  framework: {
    name: '@storybook/react-vite',
    options: { builder: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Storybook 10's "Get started" checklist (sidebar) and "Onboarding guide" (settings menu) are for
  // setting Storybook up; this one is set up, and people come here to read about the kit.
  features: { sidebarOnboardingChecklist: false, menuOnboardingChecklist: false },
  // Storybook drops `build` from .storybook/vite.config.ts, so the build options live here.
  viteFinal: (viteConfig, { configType }) => (configType === 'PRODUCTION' ? { ...viteConfig, build: quietBuild(viteConfig.build) } : viteConfig),
};

/**
 * `build-storybook` prints the result, warnings and errors, not noise: the preview is large by nature
 * (axe-core, the docs blocks, React), so chunk sizes warn only above today's largest (iframe,
 * ~1.1 MB) and a real jump still shows; gzip sizes are never printed, so not computed; Rolldown's
 * "plugins took n s" hint comes and goes with the machine's load.
 */
function quietBuild(build: BuildEnvironmentOptions = {}): BuildEnvironmentOptions {
  const checks = { ...build.rolldownOptions?.checks, bundlerTimings: false };
  return { ...build, chunkSizeWarningLimit: 1500, reportCompressedSize: false, rolldownOptions: { ...build.rolldownOptions, checks } };
}

export default config;
