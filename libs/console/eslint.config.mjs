// The console's lint: the workspace's rules, also over its .tsx files (the root config's rule
// blocks name **/*.ts only). The `type:ui` boundary itself is in the root config.
import root from '../../eslint.config.mjs';

const RULE = '@nx/enforce-module-boundaries';
const rootBlock = root.find((block) => block.rules?.[RULE] !== undefined);

export default [...root, { files: ['**/*.tsx'], rules: { [RULE]: rootBlock.rules[RULE] } }];
