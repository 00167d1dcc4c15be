/**
 * Cross-validation (交叉验证), the heart of the IPC method: sales verified from independent
 * estimates, equity reconciled with its history, household spending checked for plausibility.
 * Downstream stations use verified sales, never the owner's declaration.
 */
package cn.smartfactory.lending.crosscheck;
