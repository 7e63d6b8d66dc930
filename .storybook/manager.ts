import { addons } from 'storybook/manager-api';

addons.setConfig({
  // Storybook 10.6's own zoom tool renders its PopoverProvider without `ariaLabel`, so every story
  // view printed "The 'ariaLabel' prop on 'PopoverProvider' will become mandatory in Storybook 11"
  // (storybookjs/storybook code/core/src/manager/components/preview/tools/zoom.tsx; not fixed
  // upstream as of 10.6.7). Hidden until it is fixed there: the browser's own zoom does the same.
  toolbar: { zoom: { hidden: true } },
});
