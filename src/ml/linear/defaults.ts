/** Defaults of the linear model, TF-free so the page can show them without loading TF.js. */
import type { LearnerDefaults } from '../tf/options';

/** 50 epochs, Adam step 0.05, λ = 1 (scikit-learn's C = 1); with `NetOptions`' batch 512 and patience 5. */
export const LINEAR_DEFAULTS: Readonly<LearnerDefaults> = { epochs: 50, learningRate: 0.05, l2: 1 };
