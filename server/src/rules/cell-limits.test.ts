import { describeRule } from '../../../test/helpers';
import { cellLimits } from './cell-limits';

// The limit and the cap themselves are tested in test/giant.test.ts (and over the protocol in
// test/server/giant.test.ts).
describeRule(cellLimits, []);
