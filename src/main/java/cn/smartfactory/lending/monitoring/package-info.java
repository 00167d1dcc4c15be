/**
 * Tiered post-loan monitoring (分级贷后管理): the loan register every disbursed loan enters, the
 * monitoring tier (T1 normal, T2 watch, T3 high risk) and the five-category classification, both
 * from decision tables.
 */
package cn.smartfactory.lending.monitoring;
